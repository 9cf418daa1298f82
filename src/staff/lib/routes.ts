import Taro from '@tarojs/taro'

/** Pages of the staff subpackage. Only staff pages import this. */
export const STAFF_ROUTES = {
  login: '/staff/login/index',
  inbox: '/staff/inbox/index',
  request: '/staff/request/index',
  dashboard: '/staff/dashboard/index',
} as const

export const staffRequestUrl = (id: string) => `${STAFF_ROUTES.request}?id=${encodeURIComponent(id)}`

export const toStaffLogin = () => void Taro.redirectTo({ url: STAFF_ROUTES.login })
export const toInbox = () => void Taro.redirectTo({ url: STAFF_ROUTES.inbox })

/** From the dashboard: back when the inbox is underneath (the usual way in), else open it. */
export function backToInbox(): void {
  const pages = Taro.getCurrentPages()
  const previous = pages[pages.length - 2] as { route?: string } | undefined
  if (previous?.route && `/${previous.route}` === STAFF_ROUTES.inbox) void Taro.navigateBack()
  else toInbox()
}
export const openStaffRequest = (id: string) => void Taro.navigateTo({ url: staffRequestUrl(id) })
export const openDashboard = () => void Taro.navigateTo({ url: STAFF_ROUTES.dashboard })
