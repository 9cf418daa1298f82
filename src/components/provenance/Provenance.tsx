import { Text } from '@tarojs/components'
import { provenance } from '@/types/sources'
import './provenance.scss'

interface Props {
  record: { source?: string; sources?: readonly string[]; updatedAt?: string }
  /** Page level (under a whole record) or inline (under one row of a list). */
  size?: 'page' | 'row'
}

/**
 * Where a record comes from and how fresh it is: 来源：报道 (only what the article itself states)
 * and/or 开发区填报 · 更新于 date. Nothing when neither applies.
 */
export default function Provenance({ record, size = 'row' }: Props) {
  const lines = provenance(record)
  if (!lines.length) return null
  return <Text className={`pl-provenance pl-provenance--${size}`}>{lines.join('；')}</Text>
}
