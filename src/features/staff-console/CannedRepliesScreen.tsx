import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { CannedReplyUpdate, type CannedReply } from '@/types/service'
import { ApiError, errorMessage } from '@/api/client'
import { useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import TextBox from '@/components/text-box/TextBox'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { createReply, deleteReply, listReplies, updateReply } from './api'
import { ConsoleBar } from './internal/ConsoleBar'
import { canManageReplies, useConsoleStaff } from './internal/console-session'
import { issuesToFields } from './internal/issues'
import { useRequest } from './internal/use-request'
import '@/styles/service.scss'
import './internal/console.scss'
import './canned-replies-screen.scss'

type Draft = { id: string | null; title: string; body: string }
const EMPTY: Draft = { id: null, title: '', body: '' }

/** 常用回复 of a zone: its supervisors and the admins add, edit and delete them; agents use them in replies. */
export default function CannedRepliesScreen() {
  const session = useConsoleStaff()
  const { params } = useRouter()
  const zones = useZoneCatalog((s) => s.zones)
  const zoneId = session?.staff.zoneId ?? readParam(params, 'zoneId') ?? null
  const list = useRequest(session && zoneId ? `replies:${zoneId}` : null, () => listReplies(zoneId ?? undefined))
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!session) return <View className="svc-root" />
  const header = <ConsoleBar session={session} links={[{ label: '内容管理', onClick: () => navigate(ROUTES.staffContent) }]} />
  if (!zoneId) {
    return (
      <View className="svc-root">
        {header}
        <ErrorState
          title="请先选择开发区"
          message="在内容管理中选择开发区后再管理常用回复。"
          actionText="返回内容管理"
          onRetry={() => navigate(ROUTES.staffContent)}
        />
      </View>
    )
  }
  const manager = canManageReplies(session)

  const change = (key: 'title' | 'body', value: string) => {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors((current) => {
      const { [key]: _cleared, ...rest } = current
      return rest
    })
  }

  const save = async () => {
    if (busy) return
    setProblem(null)
    const parsed = CannedReplyUpdate.safeParse({ title: draft.title, body: draft.body })
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues))
      return
    }
    setBusy(true)
    try {
      if (draft.id) await updateReply(draft.id, parsed.data)
      else await createReply({ ...parsed.data, zoneId })
      void Taro.showToast({ title: draft.id ? '已保存' : '已添加', icon: 'none' })
      setDraft(EMPTY)
      await list.reload()
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 400) setErrors(error.fields)
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const remove = async (reply: CannedReply) => {
    const confirmed = await Taro.showModal({ title: '删除常用回复', content: `确定删除“${reply.title}”吗？`, confirmText: '删除' })
    if (!confirmed.confirm) return
    setProblem(null)
    try {
      await deleteReply(reply.id)
      if (draft.id === reply.id) setDraft(EMPTY)
      await list.reload()
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }

  const items = list.data?.items ?? []
  return (
    <View className="svc-root">
      {header}
      <View className="svc-card">
        <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
          常用回复
        </Text>
        <Text className="svc-muted">{`${zoneName(zones, zoneId) || zoneId} · 回复企业时可一键插入`}</Text>
        {!manager ? <Text className="svc-muted">常用回复由主管维护。</Text> : null}
      </View>

      {manager ? (
        <View className="svc-card">
          <Text className="csl-group__title" {...a11y('heading', { 'aria-level': 2 })}>
            {draft.id ? '修改常用回复' : '添加常用回复'}
          </Text>
          <View className={`csl-field${errors.title ? ' csl-field--error' : ''}`}>
            <Text className="csl-field__label">标题</Text>
            <Input
              className="svc-input csl-input"
              aria-label="标题"
              value={draft.title}
              maxLength={40}
              onChange={(value) => change('title', value)}
            />
            {errors.title ? (
              <Text className="csl-field__error" {...a11y('alert')}>
                {errors.title}
              </Text>
            ) : null}
          </View>
          <View className={`csl-field${errors.body ? ' csl-field--error' : ''}`}>
            <Text className="csl-field__label">内容</Text>
            <TextBox label="内容" value={draft.body} onChange={(value) => change('body', value)} maxLength={1000} showCount />
            {errors.body ? (
              <Text className="csl-field__error" {...a11y('alert')}>
                {errors.body}
              </Text>
            ) : null}
          </View>
          <View className="csl-links">
            <Button type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
              {draft.id ? '保存' : '添加'}
            </Button>
            {draft.id ? (
              <Text className="svc-link" onClick={() => setDraft(EMPTY)} {...a11y('button')}>
                取消修改
              </Text>
            ) : null}
          </View>
        </View>
      ) : null}

      {problem ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {problem}
        </Text>
      ) : null}
      {list.status === 'loading' && !list.data ? <PageSkeleton cards={1} rows={3} /> : null}
      {list.status === 'error' && !list.data ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && items.length === 0 ? <EmptyState title="还没有常用回复" /> : null}
      {items.length > 0 ? (
        <View className="svc-card" role="list" aria-label="常用回复列表">
          {items.map((reply) => (
            <View key={reply.id} className="csl-item-row" role="listitem">
              <Text className="csl-item-row__title">{reply.title}</Text>
              <Text className="csl-item-row__meta">{reply.body}</Text>
              {manager ? (
                <View className="csl-links">
                  <Text
                    className="svc-link"
                    onClick={() => setDraft({ id: reply.id, title: reply.title, body: reply.body })}
                    {...a11y('button', { 'aria-label': `修改${reply.title}` })}
                  >
                    修改
                  </Text>
                  <Text className="svc-link" onClick={() => void remove(reply)} {...a11y('button', { 'aria-label': `删除${reply.title}` })}>
                    删除
                  </Text>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
