import { useEffect } from 'react'
import type { StaffSession } from '@/types/auth'
import { isLive, useSession } from '@/features/session/session-store'
import { ROUTES, redirect } from '@/lib/routes'

/** The signed-in staff member; without one (never signed in, expired, or a 401 ended it) go to the staff login. */
export function useStaffSession(): StaffSession | null {
  const staff = useSession((s) => s.staff)
  const live = isLive(staff) ? staff : null
  useEffect(() => {
    if (!live) redirect(ROUTES.staffLogin)
  }, [live])
  return live
}
