import Taro from '@tarojs/taro'
import type { InvestorSession, StaffLoginBody, StaffSession } from '@/types/auth'
import { apiRequest } from '@/api/client'

/** weapp: wx.login code → code2session on the server. H5 and local development: a guest device identity. */
export async function signInInvestor(deviceId?: string): Promise<InvestorSession> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return apiRequest<InvestorSession>('/api/auth/wechat', { method: 'POST', body: { code }, auth: false })
  }
  return apiRequest<InvestorSession>('/api/auth/guest', { method: 'POST', body: deviceId ? { deviceId } : {}, auth: false })
}

export function signInStaff(body: StaffLoginBody): Promise<StaffSession> {
  return apiRequest<StaffSession>('/api/auth/staff', { method: 'POST', body, auth: false })
}
