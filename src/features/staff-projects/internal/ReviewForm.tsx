import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PROJECT_STAGES, PROJECT_STAGE_LABELS, type ProjectStage } from '@/types/project-stages'
import { chinaDate } from '@/types/china-time'
import ChipGroup from '@/components/chip-group/ChipGroup'
import TextBox from '@/components/text-box/TextBox'
import { useProjectDesk } from '../desk-store'
import { DateField } from './DateField'

const NONE = 'none'
const STAGE_OPTIONS = [
  { value: NONE, label: '不限阶段' },
  ...PROJECT_STAGES.map((value) => ({ value, label: PROJECT_STAGE_LABELS[value] })),
]

/** 现场评议: when, who was there (one per line or separated by 、), what was concluded. */
export function ReviewForm({ onDone }: { onDone: () => void }) {
  const [heldOn, setHeldOn] = useState(chinaDate(Date.now()))
  const [stage, setStage] = useState<string>(NONE)
  const [attendees, setAttendees] = useState('')
  const [conclusion, setConclusion] = useState('')
  const busy = useProjectDesk((s) => s.busy === 'review')
  const errors = useProjectDesk((s) => s.fieldErrors)
  const names = attendees
    .split(/[\n,，、]/)
    .map((name) => name.trim())
    .filter(Boolean)

  const save = async () => {
    const ok = await useProjectDesk.getState().saveReview({
      heldOn,
      attendees: names,
      conclusion,
      ...(stage === NONE ? {} : { stage: stage as ProjectStage }),
    })
    if (ok) onDone()
  }
  const attendeeError = Object.entries(errors).find(([key]) => key.startsWith('attendees'))?.[1]

  return (
    <View className="dsk-editor">
      <DateField label="评议日期" value={heldOn} onChange={setHeldOn} error={errors.heldOn} />
      <View className="dsk-field">
        <Text className="dsk-field__label">涉及阶段</Text>
        <ChipGroup label="涉及阶段" scroll options={STAGE_OPTIONS} value={stage} onChange={setStage} />
      </View>
      <View className="dsk-field">
        <Text className="dsk-field__label">参加人（用顿号或换行分隔）</Text>
        <TextBox label="参加人" value={attendees} maxLength={400} placeholder="陈主管、李专班、企业刘经理" onChange={setAttendees} />
        {attendeeError ? <Text className="dsk-error">{attendeeError}</Text> : null}
      </View>
      <View className="dsk-field">
        <Text className="dsk-field__label">评议结论</Text>
        <TextBox label="评议结论" value={conclusion} maxLength={1000} placeholder="现场问题、责任人和完成时限" onChange={setConclusion} />
        {errors.conclusion ? <Text className="dsk-error">{errors.conclusion}</Text> : null}
      </View>
      <View className="dsk-actions">
        <Button type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
          保存评议
        </Button>
        <Button fill="outline" onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  )
}
