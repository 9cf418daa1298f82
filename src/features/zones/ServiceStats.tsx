import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { formatShare } from '@/lib/format'
import { hasServiceFigures, useServiceStats } from './service-stats-store'
import Section from '@/components/section/Section'
import './service-stats.scss'

/** The zone's public service record; renders nothing when it fails or has no data yet. */
export default function ServiceStats({ zoneId, zoneName }: { zoneId: string; zoneName: string }) {
  const entry = useServiceStats((state) => state.byZone[zoneId])
  const load = useServiceStats((state) => state.load)
  useEffect(() => {
    void load(zoneId)
  }, [zoneId, load])

  const stats = entry?.status === 'ready' ? entry.stats : undefined
  if (!hasServiceFigures(stats)) return null
  return (
    <Section title="服务成效" extra={`${zoneName} · 近${stats.periodDays}天`}>
      <View className="pl-service-stats">
        {stats.respondedWithin24hShare !== null ? (
          <View className="pl-service-stats__item" role="group" aria-label={`24小时内响应率 ${formatShare(stats.respondedWithin24hShare)}`}>
            <Text className="pl-service-stats__value" aria-hidden>{formatShare(stats.respondedWithin24hShare)}</Text>
            <Text className="pl-service-stats__label" aria-hidden>24小时内响应</Text>
          </View>
        ) : null}
        {stats.satisfactionShare !== null && stats.ratedCount > 0 ? (
          <View className="pl-service-stats__item" role="group" aria-label={`满意率 ${formatShare(stats.satisfactionShare)}`}>
            <Text className="pl-service-stats__value" aria-hidden>{formatShare(stats.satisfactionShare)}</Text>
            <Text className="pl-service-stats__label" aria-hidden>企业满意率</Text>
          </View>
        ) : null}
      </View>
      <Text className="pl-muted">
        共受理 {stats.requestCount} 件服务请求{stats.ratedCount > 0 ? `，${stats.ratedCount} 件已评价` : ''}
      </Text>
    </Section>
  )
}
