import { View, Text } from '@tarojs/components'
import type { Message } from '@/types/service'
import { formatChinaTime } from '@/types/china-time'
import '@/styles/service.scss'

interface Props {
  messages: Message[]
  /** Whose messages sit on the right: the investor's own, or the staff member's. */
  viewer: 'investor' | 'staff'
  emptyText: string
}

/** Public replies and the investor's follow-ups, oldest first. */
export default function Conversation({ messages, viewer, emptyText }: Props) {
  if (!messages.length) return <Text className="svc-muted">{emptyText}</Text>
  const sorted = [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
  return (
    <View role="list" aria-label="沟通记录">
      {sorted.map((message) => {
        const mine = message.author === viewer
        const who = message.author === 'investor' ? (viewer === 'investor' ? '我' : `企业 · ${message.authorName}`) : message.authorName
        return (
          <View key={message.id} role="listitem" className={`svc-msg${mine ? ' svc-msg--mine' : ''}`}>
            <Text className="svc-msg__meta">
              {who} · {formatChinaTime(message.createdAt)}
            </Text>
            <Text className="svc-msg__bubble">{message.body}</Text>
          </View>
        )
      })}
    </View>
  )
}
