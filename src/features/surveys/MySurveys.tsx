import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { SURVEY_KIND_LABELS, SURVEY_STATUS_LABELS } from '@/types/survey-vocabulary'
import { a11y } from '@/lib/a11y'
import { openSurvey } from '@/lib/routes'
import Section from '@/components/section/Section'
import { useMySurveys } from './my-surveys-store'
import './my-surveys.scss'

/**
 * 问需于企 on the 我的 tab: open surveys of the zones the investor deals with (and those answered).
 * Hidden while there is none (main package: plain Taro views, no NutUI, no zod).
 */
export default function MySurveys() {
  const items = useMySurveys((s) => s.items)

  useDidShow(() => {
    void useMySurveys.getState().load()
  })

  if (!items.length) return null
  return (
    <Section title="问需于企" extra={`${items.length} 份问卷`}>
      {items.map((item) => (
        <View
          key={item.id}
          className="msrv"
          onClick={() => openSurvey(item.id)}
          {...a11y('link', { 'aria-label': `${item.title}，${item.zoneName}，${item.answered ? '已答复' : '待填写'}` })}
        >
          <View className="msrv__main">
            <Text className="msrv__title">{item.title}</Text>
            <Text className="pl-muted">{`${SURVEY_KIND_LABELS[item.kind]} · ${item.zoneName} · ${item.closesOn} 截止`}</Text>
          </View>
          <Text className={`pl-tag${item.answered ? ' pl-tag--green' : item.status === 'open' ? ' pl-tag--orange' : ' pl-tag--grey'}`}>
            {item.answered ? '已答复' : item.status === 'open' ? '待填写' : SURVEY_STATUS_LABELS[item.status]}
          </Text>
        </View>
      ))}
    </Section>
  )
}
