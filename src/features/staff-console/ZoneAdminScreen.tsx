import { useEffect, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Zone } from '@/types/content'
import { ZoneSettingsBody } from '@/types/console'
import { ApiError, errorMessage } from '@/api/client'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate, redirect } from '@/lib/routes'
import TextBox from '@/components/text-box/TextBox'
import ErrorState from '@/components/status/ErrorState'
import { getZoneSettings, publishRecord, putZoneSettings, saveDraft } from './api'
import { useConsoleZone } from './zone-choice-store'
import { ConsoleBar } from './internal/ConsoleBar'
import { isAdmin, useConsoleStaff } from './internal/console-session'
import { issuesToFields } from './internal/issues'
import { newZone } from './internal/templates'
import '@/styles/service.scss'
import './internal/console.scss'
import './zone-admin-screen.scss'

type Form = Record<
  'id' | 'name' | 'shortName' | 'ticketPrefix' | 'order' | 'summary' | 'wecomWebhookUrl' | 'wechatTemplateReply' | 'wechatTemplateResolved',
  string
>
const EMPTY: Form = {
  id: '',
  name: '',
  shortName: '',
  ticketPrefix: '',
  order: '0',
  summary: '',
  wecomWebhookUrl: '',
  wechatTemplateReply: '',
  wechatTemplateResolved: '',
}

function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string
  label: string
  hint?: string
  error?: string
  children: ReactNode
}) {
  return (
    <View id={`field-${name}`} className={`csl-field${error ? ' csl-field--error' : ''}`}>
      <Text className="csl-field__label">{label}</Text>
      {hint ? <Text className="csl-field__hint">{hint}</Text> : null}
      {children}
      {error ? (
        <Text className="csl-field__error" {...a11y('alert')}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

const blankToNull = (text: string) => (text.trim() ? text.trim() : null)

/**
 * Admins: a new zone (name, short name, ticket prefix, order, summary) with its notification settings,
 * or (with ?id=) the settings of an existing zone: WeCom robot, subscribe-message templates.
 */
export default function ZoneAdminScreen() {
  const session = useConsoleStaff()
  const { params } = useRouter()
  const existing = readParam(params, 'id')
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const zones = useZoneCatalog((s) => s.zones)

  // Names for the heading, and the ids already taken.
  useEffect(() => {
    void useZoneCatalog.getState().load()
  }, [])
  useEffect(() => {
    if (!existing || !session) return
    getZoneSettings(existing)
      .then((settings) =>
        setForm((current) => ({
          ...current,
          wecomWebhookUrl: settings.wecomWebhookUrl ?? '',
          wechatTemplateReply: settings.wechatTemplateReply ?? '',
          wechatTemplateResolved: settings.wechatTemplateResolved ?? '',
        })),
      )
      .catch((error) => setLoadError(errorMessage(error)))
  }, [existing, session])

  if (!session) return <View className="svc-root" />
  const header = <ConsoleBar session={session} links={[{ label: '内容管理', onClick: () => navigate(ROUTES.staffContent) }]} />
  if (!isAdmin(session)) {
    return (
      <View className="svc-root">
        {header}
        <ErrorState
          title="没有权限"
          message="新建开发区和通知设置由管理员操作。"
          actionText="返回内容管理"
          onRetry={() => navigate(ROUTES.staffContent)}
        />
      </View>
    )
  }

  const set = (key: keyof Form) => (value: string) => {
    setForm((current) => ({ ...current, [key]: value }))
    setErrors((current) => {
      const { [key]: _cleared, ...rest } = current
      return rest
    })
  }
  const settingsBody = ZoneSettingsBody.safeParse({
    wecomWebhookUrl: blankToNull(form.wecomWebhookUrl),
    wechatTemplateReply: blankToNull(form.wechatTemplateReply),
    wechatTemplateResolved: blankToNull(form.wechatTemplateResolved),
  })

  const submit = async () => {
    if (busy) return
    setProblem(null)
    const zone = newZone({
      id: form.id.trim(),
      name: form.name.trim(),
      shortName: form.shortName.trim(),
      ticketPrefix: form.ticketPrefix.trim().toUpperCase(),
      order: Number(form.order) || 0,
      summary: form.summary.trim(),
    })
    const checkedZone = existing ? null : Zone.safeParse(zone)
    const found = {
      ...(checkedZone && !checkedZone.success ? issuesToFields(checkedZone.error.issues) : {}),
      ...(settingsBody.success ? {} : issuesToFields(settingsBody.error.issues)),
    }
    if (!existing && zones.some((other) => other.id === zone.id)) found.id = '这个编号已被其他开发区使用'
    if (Object.keys(found).length) {
      setErrors(found)
      return
    }
    setBusy(true)
    try {
      if (!existing) {
        await saveDraft('zones', zone.id, zone)
        await publishRecord('zones', zone.id)
      }
      if (settingsBody.success) await putZoneSettings(existing ?? zone.id, settingsBody.data)
      void Taro.showToast({ title: existing ? '通知设置已保存' : '开发区已创建', icon: 'none' })
      if (!existing) {
        void useZoneCatalog.getState().load(true)
        useConsoleZone.getState().setZone(zone.id)
        redirect(ROUTES.staffContent)
      }
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 400 && Object.keys(error.fields).length) setErrors(error.fields)
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const input = (key: keyof Form, label: string, placeholder?: string) => (
    <Input className="svc-input csl-input" aria-label={label} value={form[key]} placeholder={placeholder} onChange={set(key)} />
  )
  const zoneName = existing ? (zones.find((zone) => zone.id === existing)?.name ?? existing) : null

  return (
    <View className="svc-root">
      {header}
      <View className="svc-card">
        <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
          {existing ? `通知设置 · ${zoneName}` : '新建开发区'}
        </Text>
        <Text className="svc-muted">
          {existing
            ? '新请求、即将超时、已超时和差评通知发到这里设置的企业微信群机器人；不设置则使用平台默认。'
            : '创建后，该开发区的工作人员即可在内容管理中补充资料。'}
        </Text>
      </View>
      {loadError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {loadError}
        </Text>
      ) : null}

      {!existing ? (
        <View className="svc-card">
          <Field name="id" label="编号" hint="2–32 位小写字母、数字或连字符，以字母开头，如 leling；创建后不能修改" error={errors.id}>
            {input('id', '编号', '如 leling')}
          </Field>
          <Field name="name" label="名称" error={errors.name}>
            {input('name', '名称', '如 乐陵经济开发区')}
          </Field>
          <Field name="shortName" label="简称" error={errors.shortName}>
            {input('shortName', '简称', '如 乐陵')}
          </Field>
          <Field
            name="ticketPrefix"
            label="工单前缀"
            hint="2–4 个大写字母，工单号以它开头（如 LL-20261201-0001），不能与其他开发区相同"
            error={errors.ticketPrefix}
          >
            {input('ticketPrefix', '工单前缀', '如 LL')}
          </Field>
          <Field name="order" label="排序" hint="数字小的排在前面" error={errors.order}>
            <Input className="svc-input csl-input" aria-label="排序" type="number" value={form.order} onChange={set('order')} />
          </Field>
          <Field name="summary" label="简介" hint="10–600 字，投资者在开发区主页看到" error={errors.summary}>
            <TextBox label="简介" value={form.summary} onChange={set('summary')} maxLength={600} showCount size="large" />
          </Field>
        </View>
      ) : null}

      <View className="svc-card">
        <Text className="csl-group__title" {...a11y('heading', { 'aria-level': 2 })}>
          通知设置
        </Text>
        <Field name="wecomWebhookUrl" label="企业微信群机器人地址" hint="https:// 开头；不填则使用平台默认" error={errors.wecomWebhookUrl}>
          {input('wecomWebhookUrl', '企业微信群机器人地址', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…')}
        </Field>
        <Field name="wechatTemplateReply" label="答复通知模板编号" error={errors.wechatTemplateReply}>
          {input('wechatTemplateReply', '答复通知模板编号')}
        </Field>
        <Field name="wechatTemplateResolved" label="办结通知模板编号" error={errors.wechatTemplateResolved}>
          {input('wechatTemplateResolved', '办结通知模板编号')}
        </Field>
      </View>

      {problem ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {problem}
        </Text>
      ) : null}
      <View className="csl-submit">
        <Button type="primary" block size="large" loading={busy} disabled={busy} onClick={() => void submit()}>
          {existing ? '保存通知设置' : '创建开发区'}
        </Button>
      </View>
    </View>
  )
}
