import Taro from '@tarojs/taro'

/** Pages of the service-request flow (main package). Staff pages are linked only from the staff subpackage. */
export const SERVICE_ROUTES = {
  form: '/pages/service/index',
  list: '/pages/requests/index',
  detail: '/pages/request/index',
  privacy: '/pages/privacy/index',
} as const

const qs = (query: Record<string, string | undefined>) => {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const requestDetailUrl = (id: string) => `${SERVICE_ROUTES.detail}${qs({ id })}`
export const serviceFormUrl = (query: { zoneId?: string; parkId?: string } = {}) => `${SERVICE_ROUTES.form}${qs(query)}`

export const openRequestDetail = (id: string) => void Taro.navigateTo({ url: requestDetailUrl(id) })
export const openServiceForm = (query?: { zoneId?: string; parkId?: string }) => void Taro.navigateTo({ url: serviceFormUrl(query) })
export const openMyRequests = () => void Taro.navigateTo({ url: SERVICE_ROUTES.list })
export const openPrivacyNotice = () => void Taro.navigateTo({ url: SERVICE_ROUTES.privacy })
