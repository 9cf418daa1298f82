import { useState } from 'react'
import { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { STAFF_ROLE_LABELS, StaffLoginBody } from '@/types/auth'
import { isLive, useSession } from '@/features/session/session-store'
import { useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { staffLoginProblem, type LoginProblem } from './internal/login-problem'
import { toInbox } from './internal/navigation'
import '@/styles/service.scss'
import './internal/staff.scss'
import './login-screen.scss'

export default function LoginScreen() {
  const staff = useSession((s) => s.staff)
  const zones = useZoneCatalog((s) => s.zones)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({})
  const [problem, setProblem] = useState<LoginProblem | null>(null)
  const [sending, setSending] = useState(false)
  // Zone names for the signed-in card.
  useLoad(() => void useZoneCatalog.getState().load())

  const signIn = async () => {
    if (sending) return
    const parsed = StaffLoginBody.safeParse({ username, password })
    if (!parsed.success) {
      const errors: { username?: string; password?: string } = {}
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as 'username' | 'password'
        errors[key] ??= issue.message
      }
      setFieldErrors(errors)
      return
    }
    setFieldErrors({})
    setProblem(null)
    setSending(true)
    try {
      await useSession.getState().signInStaff(parsed.data)
      void useZoneCatalog.getState().load()
      setPassword('')
      toInbox()
    } catch (error) {
      setProblem(staffLoginProblem(error))
    } finally {
      setSending(false)
    }
  }

  if (isLive(staff)) {
    const zone = staff.staff.zoneId ? zoneName(zones, staff.staff.zoneId) || staff.staff.zoneId : '全部开发区'
    return (
      <View className="svc-root">
        <View className="svc-card stf-login">
          <Text className="stf-login__title">已登录</Text>
          <Text className="stf-login__name">{staff.staff.displayName}</Text>
          <Text className="svc-muted">{`${zone} · ${STAFF_ROLE_LABELS[staff.staff.role]} · ${staff.staff.username}`}</Text>
          <View className="stf-login__actions">
            <Button type="primary" block onClick={toInbox}>
              进入工作台
            </Button>
            <Button block fill="outline" onClick={() => useSession.getState().setStaff(null)}>
              退出登录
            </Button>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className="svc-root">
      <View className="svc-card stf-login">
        <Text className="stf-login__title" {...a11y('heading')} aria-level={1}>
          园区通 · 工作人员登录
        </Text>
        <Text className="svc-muted">开发区店小二、主管和管理员使用。企业用户无需登录。</Text>

        <View className="stf-login__field">
          <Text className="stf-login__label">用户名</Text>
          <Input
            className="svc-input"
            aria-label="用户名"
            placeholder="请输入用户名"
            value={username}
            maxLength={64}
            onChange={setUsername}
          />
          {fieldErrors.username ? (
            <Text className="svc-field__error" {...a11y('alert')}>
              {fieldErrors.username}
            </Text>
          ) : null}
        </View>
        <View className="stf-login__field">
          <Text className="stf-login__label">密码</Text>
          <Input
            className="svc-input"
            aria-label="密码"
            type="password"
            placeholder="请输入密码"
            value={password}
            maxLength={128}
            onChange={setPassword}
          />
          {fieldErrors.password ? (
            <Text className="svc-field__error" {...a11y('alert')}>
              {fieldErrors.password}
            </Text>
          ) : null}
        </View>

        {problem ? (
          <View className="svc-alert svc-alert--error stf-login__problem" {...a11y('alert')}>
            <Text className="svc-strong">{problem.title}</Text>
            {problem.detail ? <Text className="stf-login__detail">{problem.detail}</Text> : null}
          </View>
        ) : null}

        <Button type="primary" block size="large" loading={sending} disabled={sending} onClick={() => void signIn()}>
          {sending ? '正在登录…' : '登录'}
        </Button>
      </View>
    </View>
  )
}
