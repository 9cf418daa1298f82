import Taro from '@tarojs/taro'
import { ROUTES, navigate, redirect } from '@/lib/routes'

export const toStaffLogin = () => redirect(ROUTES.staffLogin)
export const toInbox = () => redirect(ROUTES.staffInbox)
export const openStaffRequest = (id: string) => navigate(ROUTES.staffRequest, { id })
export const openDashboard = () => navigate(ROUTES.staffDashboard)
export const openShare = () => navigate(ROUTES.staffShare)
/** 内容管理 (the zone console): its own pages in the staff subpackage. */
export const openConsole = () => navigate(ROUTES.staffContent)

/** From the dashboard: back when the inbox is underneath (the usual way in), else open it. */
export function backToInbox(): void {
  const pages = Taro.getCurrentPages()
  const previous = pages[pages.length - 2] as { route?: string } | undefined
  if (previous?.route && `/${previous.route}` === ROUTES.staffInbox) void Taro.navigateBack()
  else toInbox()
}
