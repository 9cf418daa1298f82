import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RATING_LABELS } from '@/types/service'
import { a11y } from '@/lib/a11y'
import TextBox from '@/components/text-box/TextBox'
import '@/styles/service.scss'
import './rating.scss'

type Score = 1 | 2 | 3 | 4 | 5
const SCORES: Score[] = [5, 4, 3, 2, 1]

/** 不满意 and 非常不满意 reopen the request for a supervisor. */
export const isLowRating = (score: number) => score >= 1 && score <= 2

interface Props {
  hotline: string | null
  busy: boolean
  onSubmit: (score: Score, comment: string) => void
}

/** Five labelled levels (not bare stars: each level has its words) plus an optional comment. */
export function RatingPanel({ hotline, busy, onSubmit }: Props) {
  const [score, setScore] = useState<Score | null>(null)
  const [comment, setComment] = useState('')

  return (
    <View className="svc-rating">
      <View className="svc-rating__options" role="radiogroup" aria-label="服务评价">
        {SCORES.map((value) => (
          <View
            key={value}
            role="radio"
            aria-checked={score === value}
            className={`svc-rating__option${score === value ? ' svc-rating__option--on' : ''}${isLowRating(value) ? ' svc-rating__option--low' : ''}`}
            onClick={() => setScore(value)}
          >
            <Text className="svc-rating__stars" aria-hidden="true">
              {'★'.repeat(value)}
            </Text>
            <Text className="svc-rating__label">{RATING_LABELS[value]}</Text>
          </View>
        ))}
      </View>

      {score !== null && isLowRating(score) ? (
        <View className="svc-alert svc-alert--warning svc-rating__low" {...a11y('note')}>
          <Text className="svc-rating__low-title">很抱歉没能让您满意</Text>
          <Text>{`提交后，该请求将重新打开，由主管督办处理。${hotline ? `您也可以拨打监督热线：${hotline}` : ''}`}</Text>
        </View>
      ) : null}

      <TextBox
        className="svc-rating__comment"
        label="评价内容"
        placeholder="说说办理过程中的感受（选填）"
        value={comment}
        maxLength={500}
        showCount
        onChange={setComment}
      />
      <Button
        type="primary"
        block
        disabled={score === null || busy}
        loading={busy}
        onClick={() => score !== null && onSubmit(score, comment)}
      >
        提交评价
      </Button>
    </View>
  )
}
