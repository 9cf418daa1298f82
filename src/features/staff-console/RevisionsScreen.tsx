import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ContentKind, REVISION_ACTION_LABELS, type Revision } from '@/types/console'
import { CONTENT_KIND_LABELS } from '@/types/vocabulary'
import { formatChinaTime } from '@/types/china-time'
import { errorMessage } from '@/api/client'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { listRevisions, revertRecord } from './api'
import { ConsoleBar } from './internal/ConsoleBar'
import { canPublish, useConsoleStaff } from './internal/console-session'
import { useRequest } from './internal/use-request'
import '@/styles/service.scss'
import './internal/console.scss'
import './revisions-screen.scss'

/** A changed field as people read it: 联系电话：（空）→ 0534-4211111. */
function DiffRow({ change }: { change: Revision['diff'][number] }) {
  return (
    <View
      className="csl-diff__row"
      role="listitem"
      aria-label={`${change.label}：${change.before ?? '（空）'} 改为 ${change.after ?? '（空）'}`}
    >
      <Text aria-hidden>{`${change.label}：`}</Text>
      <Text className="csl-diff__before" aria-hidden>
        {change.before ?? '（空）'}
      </Text>
      <Text aria-hidden>{' → '}</Text>
      <Text className="csl-diff__after" aria-hidden>
        {change.after ?? '（空）'}
      </Text>
    </View>
  )
}

/** Every publish, restore and import of one record: who, when, what changed; an earlier one can be restored. */
export default function RevisionsScreen() {
  const session = useConsoleStaff()
  const { params } = useRouter()
  const parsed = ContentKind.safeParse(readParam(params, 'kind'))
  const kind = parsed.success ? parsed.data : null
  const id = readParam(params, 'id') ?? ''
  const list = useRequest(kind && id && session ? `${kind}:${id}` : null, () => listRevisions(kind as ContentKind, id))
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  if (!session) return <View className="svc-root" />
  if (!kind || !id) {
    return (
      <View className="svc-root">
        <ErrorState
          title="链接不完整"
          message="没有要查看的记录，请从内容管理进入。"
          actionText="返回内容管理"
          onRetry={() => navigate(ROUTES.staffContent)}
        />
      </View>
    )
  }

  const revert = async (revision: Revision) => {
    const confirmed = await Taro.showModal({
      title: '恢复到这个版本',
      content: `投资者将看到 ${formatChinaTime(revision.at)} 的内容，这次恢复也会记入修改记录。确定恢复吗？`,
      confirmText: '恢复',
    })
    if (!confirmed.confirm) return
    setBusy(revision.id)
    setProblem(null)
    try {
      await revertRecord(kind, id, revision.id)
      void Taro.showToast({ title: '已恢复并发布', icon: 'none' })
      await list.reload()
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(null)
    }
  }

  const items = list.data?.items ?? []
  const title = items.find((revision) => revision.record)?.record
  return (
    <View className="svc-root">
      <ConsoleBar session={session} links={[{ label: '返回编辑', onClick: () => navigate(ROUTES.staffContentEdit, { kind, id }) }]} />
      <View className="svc-card">
        <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
          修改记录
        </Text>
        <Text className="svc-muted">{`${CONTENT_KIND_LABELS[kind]} · ${String(title?.name ?? title?.title ?? id)}`}</Text>
        {!canPublish(session) ? <Text className="svc-muted">恢复早先的版本需主管或管理员操作。</Text> : null}
      </View>
      {problem ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {problem}
        </Text>
      ) : null}
      {list.status === 'loading' && !list.data ? <PageSkeleton cards={2} /> : null}
      {list.status === 'error' && !list.data ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && items.length === 0 ? <EmptyState title="还没有修改记录" description="发布后这里会记下每次修改。" /> : null}
      {items.map((revision, index) => (
        <View
          key={revision.id}
          className="svc-card"
          role="article"
          aria-label={`${REVISION_ACTION_LABELS[revision.action]} ${formatChinaTime(revision.at)}`}
        >
          <View className="svc-row">
            <Text className="svc-strong">{REVISION_ACTION_LABELS[revision.action]}</Text>
            <Text className="svc-muted">{formatChinaTime(revision.at)}</Text>
          </View>
          <Text className="svc-muted">{`${revision.by ? revision.by.displayName : '内容导入'}${index === 0 ? ' · 当前版本' : ''}`}</Text>
          {revision.diff.length > 0 ? (
            <View className="csl-diff" role="list" aria-label="修改内容">
              {revision.diff.map((change) => (
                <DiffRow key={change.path} change={change} />
              ))}
            </View>
          ) : (
            <Text className="svc-muted">{revision.changedFields.length ? `修改了：${revision.changedFields.join('、')}` : '内容未变'}</Text>
          )}
          {canPublish(session) && index > 0 && revision.record ? (
            <View className="csl-add">
              <Button
                size="small"
                fill="outline"
                loading={busy === revision.id}
                disabled={busy !== null}
                onClick={() => void revert(revision)}
              >
                恢复到这个版本
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
