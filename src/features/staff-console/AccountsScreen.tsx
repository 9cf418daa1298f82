import { useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { STAFF_ROLES, STAFF_ROLE_LABELS, type StaffRole } from '@/types/auth'
import { CreateStaffAccountBody, STAFF_PASSWORD_MIN, type StaffAccount } from '@/types/console'
import { ApiError, errorMessage } from '@/api/client'
import { useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import ZonePicker from '@/features/zones/ZonePicker'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import ChipGroup from '@/components/chip-group/ChipGroup'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { createAccount, disableAccount, enableAccount, listAccounts, resetPassword } from './api'
import { ConsoleBar } from './internal/ConsoleBar'
import { isAdmin, useConsoleStaff } from './internal/console-session'
import { issuesToFields } from './internal/issues'
import { useRequest } from './internal/use-request'
import '@/styles/service.scss'
import './internal/console.scss'
import './accounts-screen.scss'

type NewAccount = { username: string; displayName: string; role: StaffRole; zoneId: string | null; password: string }

/** Admins: staff accounts of a zone (create, disable and enable, reset a password). The CLI stays for servers. */
export default function AccountsScreen() {
  const session = useConsoleStaff()
  const { params } = useRouter()
  const zones = useZoneCatalog((s) => s.zones)
  const [zoneId, setZoneId] = useState<string | null>(readParam(params, 'zoneId') ?? null)
  const list = useRequest(session && isAdmin(session) ? `accounts:${zoneId ?? ''}` : null, () => listAccounts(zoneId ?? undefined))
  const [draft, setDraft] = useState<NewAccount>({ username: '', displayName: '', role: 'agent', zoneId, password: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [resetting, setResetting] = useState<{ id: string; password: string; error?: string } | null>(null)

  if (!session) return <View className="svc-root" />
  const header = <ConsoleBar session={session} links={[{ label: '内容管理', onClick: () => navigate(ROUTES.staffContent) }]} />
  if (!isAdmin(session)) {
    return (
      <View className="svc-root">
        {header}
        <ErrorState
          title="没有权限"
          message="工作人员账号由管理员管理。"
          actionText="返回内容管理"
          onRetry={() => navigate(ROUTES.staffContent)}
        />
      </View>
    )
  }

  const change = <K extends keyof NewAccount>(key: K, value: NewAccount[K]) => {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors((current) => {
      const { [key]: _cleared, ...rest } = current
      return rest
    })
  }

  const create = async () => {
    if (busy) return
    setProblem(null)
    const parsed = CreateStaffAccountBody.safeParse(draft)
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues))
      return
    }
    if (parsed.data.role !== 'admin' && !parsed.data.zoneId) {
      setErrors({ zoneId: '店小二和主管须属于一个开发区' })
      return
    }
    setBusy('create')
    try {
      await createAccount(parsed.data)
      void Taro.showToast({ title: '账号已创建', icon: 'none' })
      setDraft({ username: '', displayName: '', role: 'agent', zoneId, password: '' })
      await list.reload()
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 400) setErrors(error.fields)
      setProblem(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const act = async (account: StaffAccount, action: () => Promise<unknown>, done: string) => {
    setBusy(account.id)
    setProblem(null)
    try {
      await action()
      void Taro.showToast({ title: done, icon: 'none' })
      await list.reload()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const saveReset = async () => {
    if (!resetting) return
    if (resetting.password.length < STAFF_PASSWORD_MIN) {
      setResetting({ ...resetting, error: `密码至少 ${STAFF_PASSWORD_MIN} 个字符` })
      return
    }
    const account = list.data?.items.find((item) => item.id === resetting.id)
    if (!account) return
    await act(account, () => resetPassword(account.id, resetting.password), '密码已重置')
    setResetting(null)
  }

  const field = (name: keyof NewAccount, label: string, control: ReactNode, hint?: string) => (
    <View className={`csl-field${errors[name] ? ' csl-field--error' : ''}`}>
      <Text className="csl-field__label">{label}</Text>
      {hint ? <Text className="csl-field__hint">{hint}</Text> : null}
      {control}
      {errors[name] ? (
        <Text className="csl-field__error" {...a11y('alert')}>
          {errors[name]}
        </Text>
      ) : null}
    </View>
  )

  return (
    <View className="svc-root">
      {header}
      <View className="svc-card">
        <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
          工作人员账号
        </Text>
        <ZonePicker
          label="开发区"
          allLabel="全部"
          zones={zones}
          value={zoneId}
          onOpenList={() => void useZoneCatalog.getState().load()}
          onChange={(next) => {
            setZoneId(next)
            change('zoneId', next)
          }}
        />
      </View>

      <View className="svc-card">
        <Text className="csl-group__title" {...a11y('heading', { 'aria-level': 2 })}>
          新建账号
        </Text>
        {field(
          'username',
          '用户名',
          <Input className="svc-input csl-input" aria-label="用户名" value={draft.username} onChange={(v) => change('username', v)} />,
          '3–32 位小写字母、数字、点、下划线或连字符',
        )}
        {field(
          'displayName',
          '姓名',
          <Input className="svc-input csl-input" aria-label="姓名" value={draft.displayName} onChange={(v) => change('displayName', v)} />,
        )}
        {field(
          'role',
          '角色',
          <ChipGroup
            label="角色"
            options={STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }))}
            value={draft.role}
            onChange={(v) => change('role', v)}
          />,
        )}
        {field(
          'zoneId',
          '所属开发区',
          <ChipGroup
            label="所属开发区"
            options={[
              ...(draft.role === 'admin' ? [{ value: '', label: '全部开发区' }] : []),
              ...zones.map((zone) => ({ value: zone.id, label: zone.name })),
            ]}
            value={draft.zoneId ?? ''}
            onChange={(v) => change('zoneId', v || null)}
          />,
        )}
        {field(
          'password',
          '初始密码',
          <Input
            className="svc-input csl-input"
            aria-label="初始密码"
            type="password"
            value={draft.password}
            onChange={(v) => change('password', v)}
          />,
          `至少 ${STAFF_PASSWORD_MIN} 个字符；请当面或电话告知本人`,
        )}
        <Button type="primary" block loading={busy === 'create'} disabled={busy !== null} onClick={() => void create()}>
          创建账号
        </Button>
      </View>

      {problem ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {problem}
        </Text>
      ) : null}
      {list.status === 'loading' && !list.data ? <PageSkeleton cards={1} rows={4} /> : null}
      {list.status === 'error' && !list.data ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title="还没有账号" /> : null}
      {list.data && list.data.items.length > 0 ? (
        <View className="svc-card" role="list" aria-label="账号列表">
          {list.data.items.map((account) => (
            <View key={account.id} className="csl-item-row" role="listitem">
              <View className="svc-row">
                <Text className="csl-item-row__title">{`${account.displayName}（${account.username}）`}</Text>
                {account.disabled ? <Text className="csl-state csl-state--draft">已停用</Text> : null}
              </View>
              <Text className="csl-item-row__meta">
                {`${STAFF_ROLE_LABELS[account.role]} · ${account.zoneId ? zoneName(zones, account.zoneId) || account.zoneId : '全部开发区'}`}
              </Text>
              {resetting?.id === account.id ? (
                <View>
                  <Input
                    className="svc-input csl-input"
                    aria-label={`${account.displayName}的新密码`}
                    type="password"
                    value={resetting.password}
                    onChange={(password) => setResetting({ id: account.id, password })}
                  />
                  {resetting.error ? (
                    <Text className="csl-field__error" {...a11y('alert')}>
                      {resetting.error}
                    </Text>
                  ) : null}
                  <View className="csl-links">
                    <Text className="svc-link" onClick={() => void saveReset()} {...a11y('button')}>
                      保存新密码
                    </Text>
                    <Text className="svc-link" onClick={() => setResetting(null)} {...a11y('button')}>
                      取消
                    </Text>
                  </View>
                </View>
              ) : (
                <View className="csl-links">
                  {account.id !== session.staff.id ? (
                    <Text
                      className="svc-link"
                      onClick={() =>
                        void act(
                          account,
                          () => (account.disabled ? enableAccount(account.id) : disableAccount(account.id)),
                          account.disabled ? '已启用' : '已停用',
                        )
                      }
                      {...a11y('button', { 'aria-label': `${account.disabled ? '启用' : '停用'}${account.displayName}` })}
                    >
                      {account.disabled ? '启用' : '停用'}
                    </Text>
                  ) : null}
                  <Text
                    className="svc-link"
                    onClick={() => setResetting({ id: account.id, password: '' })}
                    {...a11y('button', { 'aria-label': `重置${account.displayName}的密码` })}
                  >
                    重置密码
                  </Text>
                </View>
              )}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
