import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffProjectDetail } from '@/types/projects'
import { formatChinaTime } from '@/types/china-time'
import { a11y } from '@/lib/a11y'
import { useProjectDesk } from '../desk-store'
import { inviteLink } from '../invite-link'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 邀请投资方: a single-use code valid 7 days. In the mini-program the share button sends the claim
 * page as a card (the page's onShareAppMessage); on the web the link is copied.
 */
export function InvitePanel({ detail }: { detail: StaffProjectDetail }) {
  const invite = useProjectDesk((s) => s.invite)
  const busy = useProjectDesk((s) => s.busy === 'invite')
  const link = invite ? inviteLink(invite.path) : null
  const used = detail.invites.filter((entry) => entry.usedAt).length

  return (
    <View className="svc-card">
      <Text className="svc-card__title">邀请投资方关注</Text>
      <Text className="svc-muted dsk-block">
        {`投资方用邀请码关注后，可在“我的”查看阶段进度（看不到内部备注）。每个邀请码只能使用一次，7 天内有效。已关注 ${detail.card.followers} 人，已生成 ${detail.invites.length} 个邀请码，已使用 ${used} 个。`}
      </Text>
      {invite ? (
        <View className="dsk-invite" {...a11y('status')}>
          <Text className="dsk-invite__code" aria-label={`邀请码 ${invite.code.split('').join(' ')}`}>
            {invite.code}
          </Text>
          <Text className="svc-muted dsk-block">{`有效期至 ${formatChinaTime(invite.expiresAt)}，邀请码只显示这一次`}</Text>
          {link ? <Text className="svc-muted dsk-block dsk-invite__link">{link}</Text> : null}
          <View className="dsk-actions">
            {isWeapp ? (
              <Button type="primary" openType="share">
                分享给投资方
              </Button>
            ) : null}
            <Button
              fill="outline"
              onClick={() =>
                void Taro.setClipboardData({ data: link ? `${link}（邀请码 ${invite.code}）` : `园区通邀请码：${invite.code}` })
              }
            >
              {link ? '复制邀请链接' : '复制邀请码'}
            </Button>
          </View>
        </View>
      ) : null}
      <View className="dsk-actions">
        <Button
          type={invite ? 'default' : 'primary'}
          loading={busy}
          disabled={busy}
          onClick={() => void useProjectDesk.getState().makeInvite()}
        >
          {invite ? '再生成一个邀请码' : '生成邀请码'}
        </Button>
      </View>
    </View>
  )
}
