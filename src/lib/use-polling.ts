import { useEffect, useRef } from 'react'
import { usePageVisible } from './use-page-visible'

/** H5 only: the browser tab is in the background (Taro tells pages nothing then). */
const documentHidden = (): boolean => process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' && document.hidden

/**
 * Calls `poll` every `intervalMs` while the page is on screen and `active`: the timer starts when the
 * page shows, and is cleared when it is hidden, closed or unmounted, so no timer outlives the page.
 * On H5 a background browser tab skips its turns and polls at once when it comes back.
 */
export function usePolling(poll: () => void, intervalMs: number, active = true): void {
  const visible = usePageVisible()
  const latest = useRef(poll)
  latest.current = poll

  useEffect(() => {
    if (!visible || !active) return undefined
    const timer = setInterval(() => {
      if (!documentHidden()) latest.current()
    }, intervalMs)
    const onVisibility = () => {
      if (!documentHidden()) latest.current()
    }
    const listens = process.env.TARO_ENV === 'h5' && typeof document !== 'undefined'
    if (listens) document.addEventListener('visibilitychange', onVisibility)
    return () => {
      clearInterval(timer)
      if (listens) document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [visible, active, intervalMs])
}
