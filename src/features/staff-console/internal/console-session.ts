import { useEffect } from 'react'
import type { StaffSession } from '@/types/auth'
import { isLive, useSession } from '@/features/session/session-store'
import { ROUTES, redirect } from '@/lib/routes'

/** The signed-in staff member; without one (never signed in, expired, or a 401 ended it) go to login. */
export function useConsoleStaff(): StaffSession | null {
  const staff = useSession((s) => s.staff)
  const live = isLive(staff) ? staff : null
  useEffect(() => {
    if (!live) redirect(ROUTES.staffLogin)
  }, [live])
  return live
}

/** Supervisors and admins publish and restore; agents save drafts. */
export const canPublish = (session: StaffSession | null) => session?.staff.role === 'supervisor' || session?.staff.role === 'admin'
export const isAdmin = (session: StaffSession | null) => session?.staff.role === 'admin'
/** 常用回复 are kept by the zone's supervisors and the admins. */
export const canManageReplies = canPublish
