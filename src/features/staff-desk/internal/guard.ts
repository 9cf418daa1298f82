import { useEffect } from 'react'
import type { StaffSession } from '@/types/auth'
import { isLive, useSession } from '@/features/session/session-store'
import { toStaffLogin } from './navigation'

/** The signed-in staff member; without one (never signed in, expired, or a 401 ended it) go to login. */
export function useStaffGuard(): StaffSession | null {
  const staff = useSession((s) => s.staff)
  const live = isLive(staff) ? staff : null
  useEffect(() => {
    if (!live) toStaffLogin()
  }, [live])
  return live
}

export const isAdmin = (session: StaffSession | null) => session?.staff.role === 'admin'

/** Canned replies are kept by the zone's supervisors and the admins; agents use them. */
export const canManageCannedReplies = (session: StaffSession | null) => session?.staff.role === 'supervisor' || isAdmin(session)
