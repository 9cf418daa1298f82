import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { PolicyCard as PolicyCardData } from '@/types/content-api'
import { POLICY_CATEGORY_LABELS } from '@/types/vocabulary'
import { isProvided } from '@/types/vocabulary'
import { a11y } from '@/lib/a11y'
import './policy-card.scss'

interface Props {
  policy: PolicyCardData
  onOpen: (id: string) => void
  showZone?: boolean
  /** Compact: title and tags only (inside another card). */
  compact?: boolean
  children?: ReactNode
}

/** A policy in a list: category, zone, title, summary; expired ones say so up front. */
export default function PolicyCard({ policy, onOpen, showZone = true, compact, children }: Props) {
  const category = POLICY_CATEGORY_LABELS[policy.category]
  return (
    <View
      className={`pl-policy-card${compact ? ' pl-policy-card--compact' : ''}${policy.expired ? ' pl-policy-card--expired' : ''}`}
      onClick={() => onOpen(policy.id)}
    >
      <View className="pl-policy-card__tags">
        {policy.expired ? <Text className="pl-tag pl-tag--grey">已过期</Text> : null}
        <Text className="pl-tag">{category}</Text>
        {showZone ? <Text className="pl-tag pl-tag--grey">{policy.zoneName}</Text> : null}
      </View>
      {/* The whole card opens the policy; screen readers get a link named by the title, the tags read as text. */}
      <Text className="pl-policy-card__title" {...a11y('link')}>
        {policy.title}
      </Text>
      {compact ? null : <Text className="pl-policy-card__summary pl-clamp-2">{policy.summary}</Text>}
      {!compact && isProvided(policy.validTo) ? <Text className="pl-policy-card__meta">有效期至 {policy.validTo}</Text> : null}
      {children}
    </View>
  )
}
