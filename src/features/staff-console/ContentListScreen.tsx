import { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ContentKind, RECORD_STATE_LABELS, type ConsoleListItem } from '@/types/console'
import { CONTENT_KIND_LABELS } from '@/types/vocabulary'
import { formatChinaTime } from '@/types/china-time'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { listContent } from './api'
import { ConsoleBar } from './internal/ConsoleBar'
import { useConsoleStaff } from './internal/console-session'
import { newRecordId } from './internal/templates'
import { useRequest } from './internal/use-request'
import '@/styles/service.scss'
import './internal/console.scss'
import './content-list-screen.scss'

const STATE_ORDER = { changed: 0, draft: 1, published: 2 } as const

/** What a row says about a record's state: who saved the pending draft, when it was published. */
function rowMeta(item: ConsoleListItem): string {
  const parts: string[] = []
  if (item.draftSavedAt) parts.push(`草稿：${item.draftSavedBy?.displayName ?? ''} ${formatChinaTime(item.draftSavedAt)}`.trim())
  if (item.publishedAt) parts.push(`发布于 ${formatChinaTime(item.publishedAt)}`)
  return parts.join(' · ')
}

/** One kind of the zone's content (园区, 载体, 政策 …): every record with its state; tap to edit, or add one. */
export default function ContentListScreen() {
  const session = useConsoleStaff()
  const { params } = useRouter()
  const parsed = ContentKind.safeParse(readParam(params, 'kind'))
  const kind = parsed.success ? parsed.data : null
  const zoneId = readParam(params, 'zoneId') ?? session?.staff.zoneId ?? undefined
  const list = useRequest(kind && session ? `${kind}:${zoneId ?? ''}` : null, () => listContent(kind as ContentKind, zoneId))
  useDidShow(() => void list.reload())

  if (!session) return <View className="svc-root" />
  if (!kind) {
    return (
      <View className="svc-root">
        <ErrorState
          title="链接不完整"
          message="没有这种内容，请从内容管理进入。"
          actionText="返回内容管理"
          onRetry={() => navigate(ROUTES.staffContent)}
        />
      </View>
    )
  }
  const label = CONTENT_KIND_LABELS[kind]
  const items = [...(list.data?.items ?? [])].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state])
  const create = () => zoneId && navigate(ROUTES.staffContentEdit, { kind, id: newRecordId(kind, zoneId), zoneId, new: 1 })

  return (
    <View className="svc-root">
      <ConsoleBar session={session} links={[{ label: '内容管理', onClick: () => navigate(ROUTES.staffContent) }]} />
      <View className="svc-card">
        <View className="svc-row">
          <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
            {label}
          </Text>
          {kind !== 'zones' && zoneId ? (
            <Button type="primary" size="small" onClick={create}>
              {`新建${label}`}
            </Button>
          ) : null}
        </View>
        <Text className="svc-muted">有待发布的修改和草稿排在前面。</Text>
      </View>

      {list.status === 'loading' && !list.data ? <PageSkeleton cards={2} rows={2} /> : null}
      {list.status === 'error' && !list.data ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && items.length === 0 ? <EmptyState title={`还没有${label}`} description={`点“新建${label}”添加第一条。`} /> : null}
      {items.length > 0 ? (
        <View className="svc-card" role="list" aria-label={`${label}列表`}>
          {items.map((item) => (
            <View
              key={item.id}
              className="csl-item-row"
              role="listitem"
              onClick={() => navigate(ROUTES.staffContentEdit, { kind, id: item.id, zoneId: item.zoneId })}
            >
              <View className="svc-row">
                <Text className="csl-item-row__title" {...a11y('link')}>
                  {item.title || item.id}
                </Text>
                <Text className={`csl-state csl-state--${item.state}`}>{RECORD_STATE_LABELS[item.state]}</Text>
              </View>
              {rowMeta(item) ? <Text className="csl-item-row__meta">{rowMeta(item)}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
