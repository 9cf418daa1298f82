import { useEffect, useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { goHome, isOpenedDirectly } from '@/lib/routes'
import './bottom-bar.scss'

/** True when the page is the only one in the stack (opened from a share or a pasted link). */
export function useOpenedDirectly(): boolean {
  const [direct, setDirect] = useState(false)
  useEffect(() => setDirect(isOpenedDirectly()), [])
  return direct
}

interface ActionProps {
  icon: string
  label: string
  onClick: () => void
  /** For toggles (关注, 对比): announced as pressed / not pressed. */
  pressed?: boolean
  /**
   * The name screen readers announce when it differs from `label`. Not `ariaLabel`: Taro's H5 build
   * renames any JSX prop called ariaLabel to aria-label, so the component would never receive it.
   */
  accessibleName?: string
  disabled?: boolean
}

/** A small icon-over-label action on the left of the bar. */
export function BarAction({ icon, label, onClick, pressed, accessibleName, disabled }: ActionProps) {
  return (
    <View
      className={`pl-bar__action${pressed ? ' pl-bar__action--on' : ''}${disabled ? ' pl-bar__action--busy' : ''}`}
      onClick={disabled ? undefined : onClick}
      {...a11y('button', { 'aria-label': accessibleName ?? label, 'aria-pressed': pressed, 'aria-disabled': disabled || undefined })}
    >
      <Text className="pl-bar__icon" aria-hidden>
        {icon}
      </Text>
      <Text className="pl-bar__label" aria-hidden>
        {label}
      </Text>
    </View>
  )
}

/** 返回首页 for pages opened directly in WeChat (no back arrow then); on H5 the BackBar offers it. */
export function HomeAction() {
  return <BarAction icon="⌂" label="首页" accessibleName="返回首页" onClick={goHome} />
}

interface Props {
  children: ReactNode
  /** The wide primary action (找店小二...). */
  primary?: ReactNode
}

/** The sticky action bar at the bottom of detail pages, above the home indicator. */
export default function BottomBar({ children, primary }: Props) {
  const direct = useOpenedDirectly()
  return (
    <View className="pl-bar" {...a11y('toolbar', { 'aria-label': '页面操作' })}>
      {direct && process.env.TARO_ENV !== 'h5' ? <HomeAction /> : null}
      {children}
      {primary ? <View className="pl-bar__primary">{primary}</View> : null}
    </View>
  )
}
