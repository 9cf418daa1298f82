import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { ShareVisitBody } from '@/types/service'
import { postShareVisit } from './api'
import { useSession } from '@/features/session/session-store'
import { withQuery } from '@/lib/query'
import { ROUTES } from '@/lib/routes'

type SharePage = z.infer<typeof ShareVisitBody>['page']

/** Share targets carry the target id and, when known, the sharer's code as `ref`. */
export function sharePath(route: string, params: Record<string, string | undefined>, ref: string | undefined): string {
  return withQuery(route, { ...params, ref })
}

/**
 * Where the H5 app lives: the page's own origin on H5, TARO_APP_H5_BASE in the mini-program (null
 * when that build was not told).
 */
export function h5Origin(): string | null {
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') return location.origin
  return H5_BASE || null
}

/** A staff member's own link to 首页 carrying their share code, for any channel (chat, poster, QR). */
export function homeShareLink(ref: string): string | null {
  const origin = h5Origin()
  return origin ? `${origin}${withQuery(ROUTES.home, { ref })}` : null
}

/** 朋友圈 shares take a bare query string (no path). */
export function shareQuery(params: Record<string, string | undefined>, ref: string | undefined): string {
  return withQuery('', { ...params, ref }).replace(/^\?/, '')
}

/**
 * The code a share carries as `ref`: a staff member's shareCode when signed in as staff,
 * otherwise the investor id when signed in, otherwise nothing.
 */
export function currentShareRef(): string | undefined {
  const { staff, investor } = useSession.getState()
  return staff?.staff.shareCode || investor?.investor.id || undefined
}

// Per launch: the same link opened twice in one session counts once.
const posted = new Set<string>()

function launchScene(): number | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    const scene = Taro.getEnterOptionsSync?.().scene
    return Number.isInteger(scene) && scene > 0 ? scene : undefined
  } catch {
    return undefined
  }
}

/** Records that a shared link was opened. Fire and forget: never blocks or fails the page. */
export function recordShareVisit(page: SharePage, targetId: string, ref: string | undefined): void {
  const cleanRef = ref?.trim().slice(0, 64)
  if (!cleanRef || !targetId) return
  const key = `${page}|${targetId}|${cleanRef}`
  if (posted.has(key)) return
  posted.add(key)
  const scene = launchScene()
  postShareVisit({ ref: cleanRef, page, targetId: targetId.slice(0, 200), ...(scene ? { scene } : {}) }).catch(() => {
    // Referral counts are best effort; let a later open of the same link try again.
    posted.delete(key)
  })
}

/** Tests only: forget what this launch already posted. */
export function resetShareVisitsForTest(): void {
  posted.clear()
}
