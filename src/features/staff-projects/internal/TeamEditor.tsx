import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { StaffProjectDetail } from '@/types/projects'
import ChipGroup from '@/components/chip-group/ChipGroup'
import { a11y } from '@/lib/a11y'
import { useProjectDesk } from '../desk-store'

const NONE = 'none'

/** 包挂领导 (a supervisor), 专班 (colleagues) and the investor's contact: zone supervisors and admins only. */
export function TeamEditor({ detail, onDone }: { detail: StaffProjectDetail; onDone: () => void }) {
  const colleagues = useProjectDesk((s) => s.colleagues)
  const busy = useProjectDesk((s) => s.busy === 'team')
  const errors = useProjectDesk((s) => s.fieldErrors)
  const [leaderId, setLeaderId] = useState(detail.card.leader?.id ?? NONE)
  const [members, setMembers] = useState(detail.team.map((person) => person.id))
  // The stored mobile is shown masked, so it is typed again only to change it.
  const [contactName, setContactName] = useState(detail.card.contact?.name ?? '')
  const [contactMobile, setContactMobile] = useState('')
  const supervisors = colleagues.filter((person) => person.role === 'supervisor')

  const save = async () => {
    const name = contactName.trim()
    const mobile = contactMobile.trim()
    // No new number typed and the name as it was: the contact stays (the API keeps what is left out).
    const keep = Boolean(detail.card.contact) && !mobile && name === detail.card.contact?.name
    const cleared = !name && !mobile
    const ok = await useProjectDesk.getState().saveTeam({
      leaderId: leaderId === NONE ? null : leaderId,
      memberIds: members,
      ...(keep ? {} : cleared ? { contactName: null, contactMobile: null } : { contactName: name || null, contactMobile: mobile || null }),
    })
    if (ok) onDone()
  }

  return (
    <View className="dsk-editor">
      <View className="dsk-field">
        <Text className="dsk-field__label">包挂领导（本开发区主管）</Text>
        <ChipGroup
          label="包挂领导"
          options={[{ value: NONE, label: '暂不指定' }, ...supervisors.map((person) => ({ value: person.id, label: person.displayName }))]}
          value={leaderId}
          onChange={setLeaderId}
        />
        {errors.leaderId ? <Text className="dsk-error">{errors.leaderId}</Text> : null}
      </View>
      <View className="dsk-field">
        <Text className="dsk-field__label">专班成员</Text>
        <View className="pl-chips" {...a11y('group', { 'aria-label': '专班成员' })}>
          {colleagues.map((person) => {
            const on = members.includes(person.id)
            return (
              <Text
                key={person.id}
                className={`pl-chip${on ? ' pl-chip--active' : ''}`}
                {...a11y('checkbox', { 'aria-checked': on, 'aria-label': `专班成员：${person.displayName}` })}
                onClick={() => setMembers(on ? members.filter((id) => id !== person.id) : [...members, person.id])}
              >
                {person.displayName}
              </Text>
            )
          })}
        </View>
      </View>
      <View className="dsk-field">
        <Text className="dsk-field__label">投资方联系人</Text>
        <Input
          className="svc-input"
          aria-label="投资方联系人"
          placeholder="姓名"
          maxLength={30}
          value={contactName}
          onChange={setContactName}
        />
        <Input
          className="svc-input dsk-gap"
          aria-label="投资方手机号"
          type="number"
          placeholder={detail.card.contact ? `${detail.card.contact.mobileMasked}（重新填写以修改）` : '11 位手机号'}
          maxLength={11}
          value={contactMobile}
          onChange={setContactMobile}
        />
        {errors.contactMobile || errors.contactName ? (
          <Text className="dsk-error">{errors.contactMobile ?? errors.contactName}</Text>
        ) : null}
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
