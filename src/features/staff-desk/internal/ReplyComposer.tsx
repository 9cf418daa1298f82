import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Popup } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import { CannedReplyBody, type CannedReply } from '@/types/service'
import { a11y } from '@/lib/a11y'
import TextBox from '@/components/text-box/TextBox'
import './composer.scss'

type Canned = z.infer<typeof CannedReply>

interface Props {
  cannedReplies: Canned[]
  canAddCanned: boolean
  busy: boolean
  addingCanned: boolean
  onOpenCanned: () => void
  onSend: (body: string) => Promise<boolean>
  onAddCanned: (input: { title: string; body: string }) => Promise<boolean>
}

/** 公开回复: the investor sees it. A canned reply fills the box; admins can add new canned replies. */
export function ReplyComposer({ cannedReplies, canAddCanned, busy, addingCanned, onOpenCanned, onSend, onAddCanned }: Props) {
  const [body, setBody] = useState('')
  const [pickerOpen, setPickerOpen] = useState(false)
  const [newTitle, setNewTitle] = useState('')
  const [newBody, setNewBody] = useState('')
  const [newError, setNewError] = useState<string | null>(null)

  const send = async () => {
    if (!body.trim()) return
    if (await onSend(body)) setBody('')
  }

  const addCanned = async () => {
    const parsed = CannedReplyBody.safeParse({ title: newTitle, body: newBody })
    if (!parsed.success) {
      setNewError(parsed.error.issues[0]?.message ?? '请填写标题和内容')
      return
    }
    setNewError(null)
    if (await onAddCanned({ title: parsed.data.title, body: parsed.data.body })) {
      setNewTitle('')
      setNewBody('')
    }
  }

  return (
    <View className="stf-composer">
      <View className="svc-row">
        <Text className="stf-composer__label">公开回复（企业可见）</Text>
        <Text
          className="svc-link"
          {...a11y('button')}
          onClick={() => {
            onOpenCanned()
            setPickerOpen(true)
          }}
        >
          常用回复
        </Text>
      </View>
      <TextBox
        label="公开回复内容"
        placeholder="答复企业的内容，发送后企业在请求详情中看到"
        value={body}
        maxLength={1000}
        showCount
        onChange={setBody}
      />
      <Button type="primary" block disabled={!body.trim() || busy} loading={busy} onClick={() => void send()}>
        发送公开回复
      </Button>

      <Popup visible={pickerOpen} position="bottom" round title="常用回复" closeable onClose={() => setPickerOpen(false)}>
        <View className="stf-canned">
          {cannedReplies.length ? (
            cannedReplies.map((reply) => (
              <View
                key={reply.id}
                className="stf-canned__item"
                // Named by what it shows (title and text), as axe's label-content-name-mismatch asks.
                role="button"
                onClick={() => {
                  setBody(reply.body)
                  setPickerOpen(false)
                }}
              >
                <Text className="stf-canned__title">{reply.title}</Text>
                <Text className="stf-canned__body">{reply.body}</Text>
              </View>
            ))
          ) : (
            <Text className="svc-muted stf-canned__empty">
              {canAddCanned ? '还没有常用回复，可在下方添加。' : '还没有常用回复。本开发区的主管和管理员可以添加常用回复。'}
            </Text>
          )}
          {canAddCanned ? (
            <View className="stf-canned__new">
              <Text className="stf-composer__label">新增常用回复</Text>
              <Input
                className="svc-input"
                aria-label="常用回复标题"
                placeholder="标题，如：已受理通知"
                value={newTitle}
                maxLength={40}
                onChange={setNewTitle}
              />
              <TextBox label="常用回复内容" placeholder="回复内容" value={newBody} maxLength={1000} onChange={setNewBody} />
              {newError ? (
                <Text className="svc-field__error" {...a11y('alert')}>
                  {newError}
                </Text>
              ) : null}
              <Button block fill="outline" type="primary" loading={addingCanned} disabled={addingCanned} onClick={() => void addCanned()}>
                保存常用回复
              </Button>
            </View>
          ) : null}
        </View>
      </Popup>
    </View>
  )
}

/** 内部备注: only colleagues see it, never the investor. */
export function NoteComposer({ busy, onSend }: { busy: boolean; onSend: (body: string) => Promise<boolean> }) {
  const [body, setBody] = useState('')
  return (
    <View className="stf-composer">
      <TextBox label="内部备注内容" placeholder="仅工作人员可见，企业看不到" value={body} maxLength={1000} onChange={setBody} />
      <Button
        block
        fill="outline"
        disabled={!body.trim() || busy}
        loading={busy}
        onClick={() => void onSend(body).then((ok) => ok && setBody(''))}
      >
        添加内部备注
      </Button>
    </View>
  )
}
