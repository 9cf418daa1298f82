import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ContentKind, RECORD_STATE_LABELS } from '@/types/console'
import { CONTENT_KIND_LABELS } from '@/types/vocabulary'
import { formatChinaTime } from '@/types/china-time'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { listContent } from './api'
import { useEditor } from './editor-store'
import { ConsoleBar } from './internal/ConsoleBar'
import { canPublish, useConsoleStaff } from './internal/console-session'
import FieldEditor, { scrollToField } from './internal/FieldEditor'
import { FORMS, fieldOf, type Option, type RefKind } from './internal/fields'
import { recordTitle } from './internal/templates'
import '@/styles/service.scss'
import './internal/console.scss'
import './content-edit-screen.scss'

/** Names of what a record has but its form does not edit (the API may still have a reason about it). */
const OTHER_LABELS: Record<string, string> = {
  ticketPrefix: '工单前缀',
  id: '编号',
  zoneId: '开发区',
  source: '来源',
  sources: '来源',
  body: '内容',
}

/** The kinds this form points at (its refs), each once. */
const refKindsOf = (kind: ContentKind): RefKind[] => [
  ...new Set(
    FORMS[kind].flatMap((group) => group.fields.flatMap((field) => (field.type === 'refs' || field.type === 'ref' ? [field.ref] : []))),
  ),
]

/** Editing one record of the zone: every field, a draft first, then publish (supervisors and admins). */
export default function ContentEditScreen() {
  const session = useConsoleStaff()
  const { params } = useRouter()
  const parsed = ContentKind.safeParse(readParam(params, 'kind'))
  const kind = parsed.success ? parsed.data : null
  const id = readParam(params, 'id') ?? ''
  const zoneParam = readParam(params, 'zoneId')
  const isNew = readParam(params, 'new') === '1'
  const focus = readParam(params, 'focus')
  const editor = useEditor()
  const [refOptions, setRefOptions] = useState<Record<string, Option[]>>({})

  useEffect(() => {
    if (kind && id && session) void useEditor.getState().open(kind, id, { zoneId: zoneParam ?? session.staff.zoneId ?? undefined, isNew })
  }, [kind, id, zoneParam, isNew, session])

  const zoneId = (editor.working?.zoneId as string | undefined) ?? (kind === 'zones' ? id : zoneParam)
  useEffect(() => {
    if (!kind || !zoneId) return
    for (const ref of refKindsOf(kind)) {
      void listContent(ref, zoneId)
        .then(({ items }) =>
          setRefOptions((current) => ({ ...current, [ref]: items.map((item) => ({ value: item.id, label: item.title || item.id })) })),
        )
        .catch(() => undefined)
    }
  }, [kind, zoneId])

  // A 资料完整度 link opens the form at the field to fill.
  const focusPath = useMemo(() => (kind && focus ? (fieldOf(kind, focus)?.path ?? null) : null), [kind, focus])
  useEffect(() => {
    if (editor.status === 'ready' && focusPath) setTimeout(() => scrollToField(focusPath), 300)
  }, [editor.status, focusPath])
  // After a refused save, the first field to fix comes into view.
  const firstError = Object.keys(editor.fields)[0]
  useEffect(() => {
    if (kind && firstError) {
      const field = fieldOf(kind, firstError)
      if (field) scrollToField(field.path)
    }
  }, [kind, firstError])

  if (!session) return <View className="svc-root" />
  if (!kind || !id) {
    return (
      <View className="svc-root">
        <ErrorState
          title="链接不完整"
          message="没有要编辑的内容，请从内容管理进入。"
          actionText="返回内容管理"
          onRetry={() => navigate(ROUTES.staffContent)}
        />
      </View>
    )
  }
  const header = <ConsoleBar session={session} links={[{ label: '内容管理', onClick: () => navigate(ROUTES.staffContent) }]} />
  if (editor.kind !== kind || editor.id !== id || editor.status === 'loading' || editor.status === 'idle') {
    return (
      <View className="svc-root">
        {header}
        <PageSkeleton cards={3} />
      </View>
    )
  }
  if (editor.status === 'error' || !editor.working) {
    return (
      <View className="svc-root">
        {header}
        <ErrorState message={editor.error} onRetry={() => void useEditor.getState().open(kind, id, { zoneId: zoneParam, isNew })} />
      </View>
    )
  }

  const { loaded, working } = editor
  const publisher = canPublish(session)
  const label = CONTENT_KIND_LABELS[kind]
  const state = loaded?.state ?? null
  const busy = editor.busy !== null
  // Reasons about something the form has no field for (a rule over the whole zone): shown up top.
  const unplaced = Object.entries(editor.fields).filter(([path]) => !fieldOf(kind, path))

  const publish = async () => {
    const confirmed = await Taro.showModal({
      title: '发布',
      content: '发布后投资者几秒内即可看到这些内容。确定发布吗？',
      confirmText: '发布',
    })
    if (confirmed.confirm) await useEditor.getState().publish()
  }
  const discard = async () => {
    const confirmed = await Taro.showModal({ title: '放弃草稿', content: '草稿里未发布的修改将被删除。确定放弃吗？', confirmText: '放弃' })
    if (!confirmed.confirm) return
    if ((await useEditor.getState().discard()) && !useEditor.getState().loaded) void Taro.navigateBack()
  }

  return (
    <View className="svc-root csl-page--with-actions">
      {header}
      <View className="svc-card">
        <View className="svc-row">
          <Text className="svc-muted">{kind === 'zones' ? '开发区资料' : label}</Text>
          {state ? (
            <Text className={`csl-state csl-state--${state}`}>{RECORD_STATE_LABELS[state]}</Text>
          ) : (
            <Text className="csl-state csl-state--draft">新建，未保存</Text>
          )}
        </View>
        <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
          {recordTitle(working) || `新建${label}`}
        </Text>
        {loaded?.draft ? (
          <Text className="svc-muted">{`草稿由 ${loaded.draft.savedBy.displayName} 保存于 ${formatChinaTime(loaded.draft.savedAt)}，发布前投资者看不到。`}</Text>
        ) : null}
        {loaded?.publishedAt ? <Text className="svc-muted">{`上次发布：${formatChinaTime(loaded.publishedAt)}`}</Text> : null}
        {!publisher ? <Text className="svc-muted">保存草稿后，请主管或管理员审核发布。</Text> : null}
        <View className="csl-links">
          {loaded?.published ? (
            <Text className="svc-link" onClick={() => navigate(ROUTES.staffRevisions, { kind, id })} {...a11y('link')}>
              修改记录
            </Text>
          ) : null}
          {loaded?.draft ? (
            <Text className="svc-link" onClick={() => void discard()} {...a11y('button')}>
              放弃草稿
            </Text>
          ) : null}
        </View>
      </View>

      {editor.notice ? (
        <Text
          className={`svc-alert ${editor.notice.tone === 'ok' ? 'svc-alert--info' : 'svc-alert--error'}`}
          {...a11y(editor.notice.tone === 'ok' ? 'status' : 'alert')}
        >
          {editor.notice.text}
        </Text>
      ) : null}

      {unplaced.length > 0 ? (
        <View className="svc-alert svc-alert--error" role="alert" aria-label="其他需要修改的地方">
          {unplaced.map(([path, message]) => (
            <Text key={path} className="csl-unplaced">{`${OTHER_LABELS[path] ?? path}：${message}`}</Text>
          ))}
        </View>
      ) : null}

      {FORMS[kind].map((group) => (
        <View key={group.title} className="svc-card">
          <Text className="csl-group__title" {...a11y('heading', { 'aria-level': 2 })}>
            {group.title}
          </Text>
          {group.fields.map((field) => (
            <FieldEditor
              key={field.path}
              spec={field}
              record={working}
              errors={editor.fields}
              refOptions={refOptions}
              focused={field.path === focusPath}
              photoUrls={editor.loaded?.photoUrls}
              onChange={(path, value) => useEditor.getState().change(path, value)}
            />
          ))}
        </View>
      ))}

      <View className="csl-actions">
        <Button
          className="csl-actions__button"
          fill="outline"
          loading={editor.busy === 'saving'}
          disabled={busy}
          onClick={() => void useEditor.getState().save()}
        >
          保存草稿
        </Button>
        {publisher ? (
          <Button
            className="csl-actions__button"
            type="primary"
            loading={editor.busy === 'publishing'}
            disabled={busy}
            onClick={() => void publish()}
          >
            发布
          </Button>
        ) : null}
      </View>
    </View>
  )
}
