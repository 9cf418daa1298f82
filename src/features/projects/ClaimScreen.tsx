import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { INVITE_CODE_LENGTH } from '@/types/project-stages'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, redirect } from '@/lib/routes'
import { useProject } from './project-store'
import './claim-screen.scss'

/**
 * 关注项目 with an invite: a shared invite opens this page with ?code=… (cold start included) and
 * claims at once; without one, or after an error, the investor types the code.
 */
export default function ClaimScreen() {
  const { params } = useRouter()
  const linked = readParam(params, 'code')?.toUpperCase()
  const [code, setCode] = useState(linked ?? '')
  const claiming = useProject((s) => s.claiming)
  const claimError = useProject((s) => s.claimError)

  const claim = async (value: string) => {
    const project = await useProject.getState().claim(value.trim().toUpperCase())
    if (project) redirect(ROUTES.project, { id: project.project.id })
  }

  useEffect(() => {
    useProject.setState({ claimError: null })
    if (linked) void claim(linked)
    // Once per opened link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked])

  return (
    <View className="svc-root claim">
      <View className="svc-card">
        <Text className="claim__title" {...a11y('heading', { 'aria-level': 1 })}>
          关注项目进度
        </Text>
        <Text className="svc-muted claim__text">
          {`输入开发区工作人员给您的 ${INVITE_CODE_LENGTH} 位邀请码，即可在“我的”中查看项目从签约到投产的每个阶段。邀请码只能使用一次，7 天内有效。`}
        </Text>
        <Input
          className="svc-input claim__input"
          aria-label="邀请码"
          placeholder="例如：K7P3XQ9M"
          value={code}
          maxLength={INVITE_CODE_LENGTH}
          onChange={(value) => setCode(value.toUpperCase())}
        />
        {claimError ? (
          <Text className="svc-field__error claim__error" {...a11y('alert')}>
            {claimError}
          </Text>
        ) : null}
        <View className="claim__submit">
          <Button type="primary" block size="large" loading={claiming} disabled={claiming} onClick={() => void claim(code)}>
            {claiming ? '正在关注…' : '关注项目'}
          </Button>
        </View>
      </View>
    </View>
  )
}
