import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CONTENT_KINDS, CONTENT_KIND_LABELS } from '@/types/vocabulary'
import type { CompletenessEntry, ContentKind } from '@/types/console'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import ZonePicker from '@/features/zones/ZonePicker'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate, redirect } from '@/lib/routes'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { getCompleteness } from './api'
import { useConsoleZone } from './zone-choice-store'
import { ConsoleBar } from './internal/ConsoleBar'
import { canManageReplies, isAdmin, useConsoleStaff } from './internal/console-session'
import { fieldOf } from './internal/fields'
import { useRequest } from './internal/use-request'
import '@/styles/service.scss'
import './internal/console.scss'
import './content-screen.scss'

const KIND_HINTS: Record<ContentKind, string> = {
  zones: '简介、数据、热线、地址、照片',
  parks: '园区资料、地图位置、照片',
  spaces: '土地、标准厂房、写字楼',
  policies: '条件、额度、有效期、申报方式',
  enterprises: '重点企业、链主企业',
  projects: '签约项目及进度',
  chains: '链长制、招商方向',
  commitments: '服务承诺',
}

/** Records shown in the to-do list before 显示全部 (the zone first, then its parks). */
const FIRST_RECORDS = 6

/** Where a 资料完整度 gap is filled: the record's form at that field, or the list of the kind it is missing. */
function openGap(entry: CompletenessEntry, field: string, zoneId: string) {
  if ((CONTENT_KINDS as readonly string[]).includes(field) && !fieldOf(entry.kind, field)) {
    navigate(ROUTES.staffContentList, { kind: field, zoneId })
    return
  }
  navigate(ROUTES.staffContentEdit, { kind: entry.kind, id: entry.id, zoneId, focus: field })
}

/** 内容管理: the zone's content by kind, and 资料完整度 as a to-do list that links to each field to fill. */
export default function ConsoleScreen() {
  const session = useConsoleStaff()
  const zones = useZoneCatalog((s) => s.zones)
  const chosen = useConsoleZone((s) => s.zoneId)
  const admin = isAdmin(session)
  const zoneId = session ? (admin ? (chosen ?? session.staff.zoneId ?? zones[0]?.id ?? null) : session.staff.zoneId) : null
  const [showAll, setShowAll] = useState(false)
  const completeness = useRequest(zoneId, () => getCompleteness(zoneId ?? undefined))

  useEffect(() => {
    void useZoneCatalog.getState().load()
  }, [])
  // Back from an edit: the to-do list reflects what was just published.
  useDidShow(() => void completeness.reload())

  if (!session) return <View className="svc-root" />
  const data = completeness.data
  const entries = data ? [data.zone, ...data.parks, ...data.records].filter((entry) => entry.gaps.length > 0) : []

  return (
    <View className="svc-root">
      <ConsoleBar session={session} links={[{ label: '工作台', onClick: () => redirect(ROUTES.staffInbox) }]} />

      <View className="svc-card">
        <Text className="csl-title" {...a11y('heading', { 'aria-level': 1 })}>
          内容管理
        </Text>
        <Text className="svc-muted">保存为草稿后由主管或管理员发布；发布后投资者几秒内即可看到，每次发布都留有修改记录。</Text>
        {admin ? (
          <ZonePicker
            label="开发区"
            zones={zones}
            value={zoneId}
            fullNames
            loading={useZoneCatalog.getState().status === 'loading'}
            onOpenList={() => void useZoneCatalog.getState().load()}
            onChange={(next) => useConsoleZone.getState().setZone(next)}
          />
        ) : null}
      </View>

      {!zoneId ? null : (
        <>
          <View className="svc-card">
            <Text className="svc-card__title" {...a11y('heading', { 'aria-level': 2 })}>
              内容
            </Text>
            <View className="csl-grid">
              {CONTENT_KINDS.map((kind) => (
                <View
                  key={kind}
                  className="csl-grid__item"
                  onClick={() =>
                    kind === 'zones'
                      ? navigate(ROUTES.staffContentEdit, { kind, id: zoneId, zoneId })
                      : navigate(ROUTES.staffContentList, { kind, zoneId })
                  }
                >
                  <Text className="csl-grid__label" {...a11y('link')}>
                    {kind === 'zones' ? '开发区资料' : CONTENT_KIND_LABELS[kind]}
                  </Text>
                  <Text className="csl-grid__hint">{KIND_HINTS[kind]}</Text>
                </View>
              ))}
            </View>
          </View>

          <View className="svc-card">
            <Text className="svc-card__title" {...a11y('heading', { 'aria-level': 2 })}>
              {data ? `资料完整度：还有 ${data.gapCount} 项投资者看不到` : '资料完整度'}
            </Text>
            {completeness.status === 'loading' && !data ? <PageSkeleton cards={1} rows={3} /> : null}
            {completeness.status === 'error' && !data ? (
              <ErrorState message={completeness.error} onRetry={() => void completeness.reload()} />
            ) : null}
            {data && entries.length === 0 ? <Text className="svc-muted">资料齐全，投资者能看到全部信息。</Text> : null}
            {(showAll ? entries : entries.slice(0, FIRST_RECORDS)).map((entry) => (
              <View key={`${entry.kind}-${entry.id}`} role="list" aria-label={`${CONTENT_KIND_LABELS[entry.kind]}：${entry.name}`}>
                <Text className="csl-todo__group">{`${CONTENT_KIND_LABELS[entry.kind]} · ${entry.name}`}</Text>
                {entry.gaps.map((gap) => (
                  <View key={gap.field} className="csl-todo" onClick={() => openGap(entry, gap.field, zoneId)} {...a11y('listitem')}>
                    <Text className="csl-todo__text">{`缺少${gap.label}`}</Text>
                    <Text className="csl-todo__go" {...a11y('link', { 'aria-label': `去填写：${entry.name}的${gap.label}` })}>
                      去填写 ›
                    </Text>
                  </View>
                ))}
              </View>
            ))}
            {!showAll && entries.length > FIRST_RECORDS ? (
              <Text className="pl-btn csl-add" onClick={() => setShowAll(true)} {...a11y('button')}>
                {`显示全部 ${entries.length} 条记录`}
              </Text>
            ) : null}
          </View>
        </>
      )}

      <View className="svc-card">
        <Text className="svc-card__title" {...a11y('heading', { 'aria-level': 2 })}>
          管理
        </Text>
        <View className="csl-links">
          <Text className="svc-link" onClick={() => navigate(ROUTES.staffCannedReplies, { zoneId: zoneId ?? undefined })} {...a11y('link')}>
            常用回复
          </Text>
          {admin && zoneId ? (
            <Text className="svc-link" onClick={() => navigate(ROUTES.staffZoneNew, { id: zoneId })} {...a11y('link')}>
              通知设置
            </Text>
          ) : null}
          {admin ? (
            <Text className="svc-link" onClick={() => navigate(ROUTES.staffZoneNew)} {...a11y('link')}>
              新建开发区
            </Text>
          ) : null}
          {admin ? (
            <Text className="svc-link" onClick={() => navigate(ROUTES.staffAccounts, { zoneId: zoneId ?? undefined })} {...a11y('link')}>
              工作人员账号
            </Text>
          ) : null}
          {!canManageReplies(session) ? <Text className="svc-muted">常用回复由主管维护，账号和通知设置由管理员维护。</Text> : null}
        </View>
      </View>
    </View>
  )
}
