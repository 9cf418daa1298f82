import { View, Text } from '@tarojs/components'
import { Step, Steps } from '@nutui/nutui-react-taro'
import type { TimelineView } from './timeline'
import { a11y } from '@/lib/a11y'
import './timeline.scss'

/** The closed loop 提交 → … → 评价 as vertical NutUI Steps, each with its time and who did it. */
export default function RequestTimeline({ view }: { view: TimelineView }) {
  return (
    <View className="svc-timeline">
      {view.notice ? (
        <Text className="svc-timeline__notice" {...a11y('note')}>
          {view.notice}
        </Text>
      ) : null}
      <Steps direction="vertical" type="text" status="dynamic" value={view.value}>
        {view.steps.map((step, index) => (
          <Step
            key={step.step}
            value={index + 1}
            aria-label={`${step.label}：${step.done ? (step.at ? `${step.at} ${step.actor ?? ''}${step.note ? `，原因：${step.note}` : ''}` : '已完成') : '未开始'}`}
            title={
              <Text className={step.done ? 'svc-timeline__title' : 'svc-timeline__title svc-timeline__title--wait'}>{step.label}</Text>
            }
            description={
              step.at ? (
                <>
                  <Text className="svc-timeline__desc">
                    {step.at}
                    {step.actor ? ` · ${step.actor}` : ''}
                  </Text>
                  {step.note ? <Text className="svc-timeline__note">{`原因：${step.note}`}</Text> : null}
                </>
              ) : (
                <Text className="svc-timeline__desc">{step.done ? '—' : '待进行'}</Text>
              )
            }
          />
        ))}
      </Steps>
    </View>
  )
}
