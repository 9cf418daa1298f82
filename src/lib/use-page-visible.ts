import { useState } from 'react'
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'

/**
 * True while this page is the one on screen: from its show until another page covers it, it is
 * closed or (WeChat) the app goes to the background. Work meant for the reader — titles, polling —
 * waits for it, so a page left under another one never acts on the page above it.
 */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(false)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  useUnload(() => setVisible(false))
  return visible
}
