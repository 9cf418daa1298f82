import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { InvestorSession, StaffSession } from '@/types/auth'
import { signInInvestor } from './api'
import { taroStorage } from '@/lib/storage'

interface SessionState {
  investor: InvestorSession | null
  staff: StaffSession | null
  /** Stable per install, so a guest who signs in again keeps the same identity. */
  deviceId: string
  /** Signs the investor in if needed and returns a valid token. */
  ensureInvestor: () => Promise<InvestorSession>
  setStaff: (session: StaffSession | null) => void
  signOutInvestor: () => void
}

const isLive = (session: { expiresAt: string } | null): session is { expiresAt: string } & NonNullable<typeof session> =>
  session !== null && Date.parse(session.expiresAt) - Date.now() > 60_000

const newDeviceId = () => `dev-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`

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
