import { ApiError, errorMessage } from '@/api/client'

export interface LoginProblem {
  title: string
  detail: string | null
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text)

/** Each refusal of POST /api/auth/staff in words a staff member can act on. */
export function staffLoginProblem(error: unknown): LoginProblem {
  if (!(error instanceof ApiError)) return { title: '登录失败', detail: errorMessage(error) }
  // The server's own Chinese message may say more (e.g. how many seconds to wait).
  const detail = hasChinese(error.message) ? error.message : null
  switch (error.statusCode) {
    case 401:
      return { title: '用户名或密码错误', detail: '请检查后重新输入；多次输错后需稍等片刻才能再试。' }
    case 429:
      return { title: '尝试次数过多', detail: detail ?? '请稍等片刻后再试，或联系管理员解除等待。' }
    case 400:
      return { title: '请填写用户名和密码', detail }
    default:
      return { title: '登录失败', detail: error.message }
  }
}
