import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { InvestorSession, StaffLoginBody, StaffSession } from '@/types/auth'
import { configureApi } from '@/api/client'
import { taroStorage } from '@/lib/storage'
import { signInInvestor, signInStaff } from './api'

interface SessionState {
  investor: InvestorSession | null
  staff: StaffSession | null
  /** Stable per install, so a guest who signs in again keeps the same identity. */
  deviceId: string
  /** Signs the investor in if needed and returns a valid token. */
  ensureInvestor: () => Promise<InvestorSession>
  /** POST /api/auth/staff; the session is kept on success, the ApiError thrown otherwise. */
  signInStaff: (body: StaffLoginBody) => Promise<StaffSession>
  setStaff: (session: StaffSession | null) => void
  signOutInvestor: () => void
}

/**
 * The one rule for a usable session, investor or staff: it must outlive the next request, so a token
 * in its last minute counts as expired (signed in again, or sent to the staff login) rather than sent.
 */
export const isLive = <S extends { expiresAt: string }>(session: S | null, now: number = Date.now()): session is S =>
  session !== null && Date.parse(session.expiresAt) - now > 60_000

/**
 * A guest's device id is its credential (the same id signs in as the same guest), so it comes from
 * the platform's cryptographic random source: crypto.randomUUID, or a v4 UUID from
 * crypto.getRandomValues where randomUUID is missing (Safari before 15.4, plain-http pages).
 * The mini-program signs in with wx.login and never sends one.
 */
export const newDeviceId = (): string => {
  if (process.env.TARO_ENV === 'weapp') return ''
  if (typeof crypto.randomUUID === 'function') return `dev-${crypto.randomUUID()}`
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `dev-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

let pending: Promise<InvestorSession> | null = null

export const useSession = create<SessionState>()(
  persist(
    (set, get) => ({
      investor: null,
      staff: null,
      deviceId: newDeviceId(),
      ensureInvestor: () => {
        const current = get().investor
        if (isLive(current)) return Promise.resolve(current)
        // One sign-in at a time even when several pages ask at once.
        pending ??= signInInvestor(get().deviceId)
          .then((session) => {
            set({ investor: session })
            return session
          })
          .finally(() => {
            pending = null
          })
        return pending
      },
      signInStaff: async (body) => {
        const staff = await signInStaff(body)
        set({ staff })
        return staff
      },
      setStaff: (staff) => set({ staff }),
      signOutInvestor: () => set({ investor: null }),
    }),
    {
      name: 'parklink-session',
      storage: taroStorage,
      partialize: ({ investor, staff, deviceId }) => ({ investor, staff, deviceId }),
    },
  ),
)

/**
 * Staff pages send the staff token, every other page the investor's.
 * Decided per request path so the one API module serves both sides.
 */
export function tokenFor(path: string): string | null {
  const { investor, staff } = useSession.getState()
  if (path.startsWith('/api/staff/')) return isLive(staff) ? staff.token : null
  return isLive(investor) ? investor.token : null
}

/** A signed-in request was refused (401): that side's session is over. Staff pages then go to login. */
export function endSessionFor(path: string): void {
  const session = useSession.getState()
  if (path.startsWith('/api/staff/')) session.setStaff(null)
  else session.signOutInvestor()
}

/** Requests carry the session's token and a 401 ends it: called once at start-up (src/app.ts), and by tests. */
export const connectSession = () => configureApi({ getToken: tokenFor, onUnauthorized: endSessionFor })
