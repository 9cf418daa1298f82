import { View, Text } from '@tarojs/components'
import type { z } from 'zod'
import type { AuditEntry } from '@/types/service'
import { formatChinaTime } from '@/types/china-time'
import { describeAudit } from './audit'
import './audit.scss'

type Entry = z.infer<typeof AuditEntry>

/** Append-only record of who did what; newest first, nothing here can be edited. */
export function AuditTrail({ entries }: { entries: Entry[] }) {
  if (!entries.length) return <Text className="svc-muted">暂无记录</Text>
  const sorted = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <View role="list" aria-label="操作记录" className="stf-audit">
      {sorted.map((entry) => (
        <View key={entry.id} role="listitem" className="stf-audit__item">
          <Text className="stf-audit__what">{`${entry.actor} ${describeAudit(entry)}`}</Text>
          <Text className="stf-audit__when">{formatChinaTime(entry.at)}</Text>
        </View>
      ))}
    </View>
  )
}
