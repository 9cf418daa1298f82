import { useEffect } from 'react'
import type { StaffSession } from '@/types/auth'
import { ApiError } from '@/api/client'
import { useSession } from '@/features/session/session-store'
import { toStaffLogin } from './routes'

export const isLiveStaff = (session: StaffSession | null, now = Date.now()): session is StaffSession =>
  session !== null && Date.parse(session.expiresAt) > now

/** The signed-in staff member; without one (never signed in, expired, or a 401 cleared it) go to login. */
export function useStaffGuard(): StaffSession | null {
  const staff = useSession((s) => s.staff)
  const live = isLiveStaff(staff) ? staff : null
  useEffect(() => {
    if (!live) toStaffLogin()
  }, [live])
  return live
}

/** A 401 on a staff route means the session is gone: clear it so the guard sends the user to login. */
export function dropSessionOn401(error: unknown): void {
  if (error instanceof ApiError && error.statusCode === 401) useSession.getState().setStaff(null)
}

export const isAdmin = (session: StaffSession | null) => session?.staff.role === 'admin'
