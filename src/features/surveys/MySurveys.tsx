import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { SURVEY_KIND_LABELS, SURVEY_STATUS_LABELS } from '@/types/survey-vocabulary'
import { a11y } from '@/lib/a11y'
import { openSurvey } from '@/lib/routes'
import Section from '@/components/section/Section'
import ErrorState from '@/components/status/ErrorState'
import { SkeletonLines } from '@/components/status/PageSkeleton'
import { useMySurveys } from './my-surveys-store'
import './my-surveys.scss'

/** 问需于企: open surveys of the zones the investor deals with (followed projects, requests, favourite parks) and those answered. */
export default function MySurveys() {
  const items = useMySurveys((s) => s.items)
  const status = useMySurveys((s) => s.status)
  const error = useMySurveys((s) => s.error)

  useDidShow(() => {
    void useMySurveys.getState().load()
  })

  return (
    <Section title="问需于企" extra={items.length ? `${items.length} 份问卷` : undefined}>
      {status === 'loading' && !items.length ? (
        <View {...a11y('status', { 'aria-label': '正在加载问卷' })}>
          <SkeletonLines rows={2} />
        </View>
      ) : null}
      {status === 'error' && !items.length ? (
        <ErrorState title="问卷加载失败" message={error} onRetry={() => void useMySurveys.getState().load()} />
      ) : null}
      {status === 'ready' && !items.length ? (
        <Text className="pl-muted">您关注项目、提交服务请求或收藏园区的开发区发布问卷后，会显示在这里。</Text>
      ) : null}
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
