import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { SurveyCard } from '@/types/surveys'
import { SURVEY_KIND_LABELS } from '@/types/survey-vocabulary'
import { a11y } from '@/lib/a11y'
import { openSurvey } from '@/lib/routes'
import Section from '@/components/section/Section'
import { listZoneSurveys } from './api'
import './my-surveys.scss'

/** The zone page's 问需于企 block: the zone's open surveys; nothing while there is none. */
export default function ZoneSurveys({ zoneId }: { zoneId: string }) {
  const [items, setItems] = useState<SurveyCard[]>([])
  useEffect(() => {
    let live = true
    listZoneSurveys(zoneId)
      .then(({ items: cards }) => live && setItems(cards.filter((card) => card.status === 'open')))
      // The block is optional: the zone page stays whole without it.
      .catch(() => live && setItems([]))
    return () => {
      live = false
    }
  }, [zoneId])
  if (!items.length) return null
  return (
    <Section title="问需于企">
      {items.map((item) => (
        <View
          key={item.id}
          className="msrv"
          onClick={() => openSurvey(item.id)}
          {...a11y('link', { 'aria-label': `${item.title}，${item.closesOn} 截止` })}
        >
          <View className="msrv__main">
            <Text className="msrv__title">{item.title}</Text>
            <Text className="pl-muted">{`${SURVEY_KIND_LABELS[item.kind]} · ${item.closesOn} 截止`}</Text>
          </View>
          <Text className="pl-tag pl-tag--orange">去填写</Text>
        </View>
      ))}
    </Section>
  )
}
