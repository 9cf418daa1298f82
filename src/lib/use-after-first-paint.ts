import { startTransition, useEffect, useState } from 'react'

/**
 * False for a page's first render, true a moment later: pages render what is on the first screen
 * first and the long lists below it right after, so the first paint (and the LCP on H5, the first
 * setData in the mini-program) does not wait for layout of content nobody sees yet. The second
 * render is a transition: React renders it in short slices that leave the main thread free for taps.
 */
export function useAfterFirstPaint(ready = true): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    if (!ready || painted) return
    const timer = setTimeout(() => startTransition(() => setPainted(true)), 0)
    return () => clearTimeout(timer)
  }, [ready, painted])
  return painted
}
