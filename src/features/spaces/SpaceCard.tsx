import { View, Text } from '@tarojs/components'
import type { SpaceCard as SpaceCardData } from '@/types/content-api'
import { SPACE_AVAILABILITY_LABELS, SPACE_TYPE_LABELS, isProvided } from '@/types/vocabulary'
import { a11y } from '@/lib/a11y'
import Provenance from '@/components/provenance/Provenance'
import { spaceFacts } from './space-facts'
import './space-card.scss'

interface Props {
  space: SpaceCardData
  onOpen: (id: string) => void
  /** Zone and park names (off on a park page, where they are obvious). */
  showPlace?: boolean
}

const AVAILABILITY_TONE = {
  for_rent: 'pl-tag--green',
  for_sale: 'pl-tag--green',
  reserved: 'pl-tag--orange',
  occupied: 'pl-tag--grey',
} as const

/** A space listing (载体) in a list: type, availability, title, the facts it states, where it is, its source. */
export default function SpaceCard({ space, onOpen, showPlace = true }: Props) {
  const facts = spaceFacts(space).filter((fact) => fact.label === '面积' || fact.label === '价格' || fact.label === '交付')
  return (
    <View className="pl-space-card" onClick={() => onOpen(space.id)}>
      <View className="pl-tags">
        <Text className="pl-tag">{SPACE_TYPE_LABELS[space.type]}</Text>
        {isProvided(space.availability) ? (
          <Text className={`pl-tag ${AVAILABILITY_TONE[space.availability]}`}>{SPACE_AVAILABILITY_LABELS[space.availability]}</Text>
        ) : null}
        {space.customBuild ? <Text className="pl-tag pl-tag--orange">可定制</Text> : null}
      </View>
      <Text className="pl-space-card__title" {...a11y('link')}>
        {space.title}
      </Text>
      {facts.map((fact) => (
        <Text key={fact.label} className="pl-space-card__fact">{`${fact.label}：${fact.value}`}</Text>
      ))}
      {showPlace ? <Text className="pl-space-card__place">{[space.zoneName, space.parkName].filter(Boolean).join(' · ')}</Text> : null}
      <Provenance record={space} />
    </View>
  )
}
