import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { goHome } from '@/lib/routes'
import { useOpenedDirectly } from '@/components/bottom-bar/BottomBar'
import './back-bar.scss'

/**
 * The way back on H5 sub-pages, where Taro draws no navigation bar: 返回 to the page before, or 首页
 * when the page was opened directly (shared link, pasted URL) and there is nothing to go back to.
 * WeChat draws its own back arrow (and the bottom bar's 首页 on a cold open), so the mini-program
 * renders nothing here. Every page that is not a tab renders it first.
 */
export default function BackBar() {
  const direct = useOpenedDirectly()
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <View className="pl-back-bar" {...a11y('navigation', { 'aria-label': '页面导航' })}>
      {direct ? (
        <View className="pl-back-bar__button" onClick={goHome} {...a11y('button', { 'aria-label': '返回首页' })}>
          <Text className="pl-back-bar__icon" aria-hidden>
            ⌂
          </Text>
          <Text aria-hidden>首页</Text>
        </View>
      ) : (
        <View className="pl-back-bar__button" onClick={() => void Taro.navigateBack()} {...a11y('button', { 'aria-label': '返回' })}>
          <Text className="pl-back-bar__icon" aria-hidden>
            ‹
          </Text>
          <Text aria-hidden>返回</Text>
        </View>
      )}
    </View>
  )
}
