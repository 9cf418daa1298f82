import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { usePageVisible } from './use-page-visible'

/**
 * The navigation bar title (the document title on H5) from the page's own data, set only while the
 * page is on screen: a page under another one re-rendering (a shared store updated by the page on
 * top) would otherwise put its title on the page above. Taro restores each page's title on return.
 */
export function usePageTitle(title: string | null | undefined): void {
  const visible = usePageVisible()
  useEffect(() => {
    if (visible && title) void Taro.setNavigationBarTitle({ title })
  }, [visible, title])
}
