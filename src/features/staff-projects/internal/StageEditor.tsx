import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { STAGE_STATES, STAGE_STATE_LABELS, PROJECT_STAGE_LABELS, type StageState } from '@/types/project-stages'
import type { StaffStage } from '@/types/projects'
import ChipGroup from '@/components/chip-group/ChipGroup'
import TextBox from '@/components/text-box/TextBox'
import { useProjectDesk } from '../desk-store'
import { DateField } from './DateField'

const STATE_OPTIONS = STAGE_STATES.map((value) => ({ value, label: STAGE_STATE_LABELS[value] }))
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Updates one stage: state, planned and actual dates, the note, and the blocker of a 受阻 stage. */
export function StageEditor({ stage, onDone }: { stage: StaffStage; onDone: () => void }) {
  const [state, setState] = useState<StageState>(stage.state)
  const [planned, setPlanned] = useState(stage.plannedDate ?? '')
  const [actual, setActual] = useState(stage.actualDate ?? '')
  const [note, setNote] = useState(stage.note ?? '')
  const [blocker, setBlocker] = useState(stage.blocker ?? '')
  const [local, setLocal] = useState<Record<string, string>>({})
  const busy = useProjectDesk((s) => s.busy === 'stage')
  const fieldErrors = useProjectDesk((s) => s.fieldErrors)
  const errors = { ...fieldErrors, ...local }

  const save = async () => {
    const problems: Record<string, string> = {}
    if (planned && !DATE.test(planned)) problems.plannedDate = '日期格式应为 YYYY-MM-DD'
    if (actual && !DATE.test(actual)) problems.actualDate = '日期格式应为 YYYY-MM-DD'
    if (state === 'blocked' && !blocker.trim()) problems.blocker = '请说明受阻原因'
    setLocal(problems)
    if (Object.keys(problems).length) return
    const ok = await useProjectDesk.getState().saveStage(stage.stage, {
      state,
      plannedDate: planned || null,
      actualDate: state === 'done' ? actual || null : null,
      note: note.trim() || null,
      ...(state === 'blocked' ? { blocker: blocker.trim() } : {}),
    })
    if (ok) onDone()
  }

  return (
    <View className="dsk-editor" aria-label={`更新${PROJECT_STAGE_LABELS[stage.stage]}阶段`}>
      <ChipGroup label="阶段状态" options={STATE_OPTIONS} value={state} onChange={setState} />
      <DateField label="计划日期" value={planned} onChange={setPlanned} error={errors.plannedDate} />
      {state === 'done' ? (
        <DateField label="实际完成日期（不填为今天）" value={actual} onChange={setActual} error={errors.actualDate} />
      ) : null}
      {state === 'blocked' ? (
        <View className="dsk-field">
          <Text className="dsk-field__label">受阻原因</Text>
          <TextBox label="受阻原因" value={blocker} maxLength={300} placeholder="例如：电力增容审批未完成" onChange={setBlocker} />
          {errors.blocker ? <Text className="dsk-error">{errors.blocker}</Text> : null}
        </View>
      ) : null}
      <View className="dsk-field">
        <Text className="dsk-field__label">内部备注（投资方看不到）</Text>
        <TextBox label="内部备注" value={note} maxLength={500} placeholder="进展、需要协调的事项" onChange={setNote} />
        {errors.note ? <Text className="dsk-error">{errors.note}</Text> : null}
      </View>
      <View className="dsk-actions">
        <Button type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button fill="outline" onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  )
}
