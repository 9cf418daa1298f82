import { View, Text } from '@tarojs/components'
import type { Question } from '@/types/surveys'
import { RATING_MAX, RATING_MIN, TEXT_ANSWER_MAX, type AnswerValue } from '@/types/survey-vocabulary'
import ChipGroup from '@/components/chip-group/ChipGroup'
import TextBox from '@/components/text-box/TextBox'
import { a11y } from '@/lib/a11y'
import { fieldId } from './answers'

interface Props {
  index: number
  question: Question
  value: AnswerValue | undefined
  error?: string
  disabled: boolean
  onChange: (value: AnswerValue | undefined) => void
}

const RATING_WORDS: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '很满意' }

/** One question: 单选 and 评分 as radio chips, 多选 as checkbox chips, 填空 as a text box. */
export function QuestionField({ index, question, value, error, disabled, onChange }: Props) {
  const field = `answers.${question.id}`
  const title = `${index + 1}. ${question.title}`
  let control
  if (question.type === 'single') {
    control = (
      <ChipGroup
        label={question.title}
        options={question.options.map((option) => ({ value: option, label: option }))}
        value={typeof value === 'string' ? value : null}
        onChange={(next) => !disabled && onChange(next)}
      />
    )
  } else if (question.type === 'multiple') {
    const chosen = Array.isArray(value) ? value : []
    control = (
      <View className="pl-chips" {...a11y('group', { 'aria-label': question.title })}>
        {question.options.map((option) => {
          const on = chosen.includes(option)
          return (
            <Text
              key={option}
              className={`pl-chip${on ? ' pl-chip--active' : ''}`}
              onClick={() => {
                if (disabled) return
                const next = on ? chosen.filter((item) => item !== option) : [...chosen, option]
                onChange(next.length ? next : undefined)
              }}
              {...a11y('checkbox', { 'aria-checked': on, 'aria-label': `${question.title}：${option}` })}
            >
              {option}
            </Text>
          )
        })}
      </View>
    )
  } else if (question.type === 'rating') {
    const scores = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, offset) => String(RATING_MIN + offset))
    control = (
      <ChipGroup
        label={question.title}
        options={scores.map((score) => ({ value: score, label: `${score} 分` }))}
        value={typeof value === 'number' ? String(value) : null}
        onChange={(next) => !disabled && onChange(Number(next))}
      />
    )
  } else {
    control = (
      <TextBox
        label={question.title}
        value={typeof value === 'string' ? value : ''}
        maxLength={TEXT_ANSWER_MAX}
        placeholder="请填写"
        disabled={disabled}
        onChange={(text) => onChange(text === '' ? undefined : text)}
      />
    )
  }
  return (
    <View id={fieldId(field)} className={`srv-field${error ? ' srv-field--error' : ''}`}>
      <View className="srv-field__label">
        <Text>{title}</Text>
        {question.required ? (
          <Text className="srv-field__required" {...a11y('img')} aria-label="必答">
            *
          </Text>
        ) : (
          <Text className="srv-field__optional">（选答）</Text>
        )}
      </View>
      {question.type === 'multiple' ? <Text className="srv-field__hint">可多选</Text> : null}
      {question.type === 'rating' && typeof value === 'number' ? <Text className="srv-field__hint">{RATING_WORDS[value]}</Text> : null}
      {control}
      {error ? (
        <Text className="srv-field__error" {...a11y('alert')}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
