import { ApiError, buildUrl } from '@/api/client'
import { useSession } from '@/features/session/session-store'

/** A CSV from a staff route, in the browser: fetched with the staff token and saved as a file. */
export async function downloadCsv(path: string, query: Record<string, string | undefined>, fileName: string): Promise<void> {
  const token = useSession.getState().staff?.token
  const response = await fetch(buildUrl(path, query), { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!response.ok) throw new ApiError(response.status, 'download_failed', '下载失败，请稍后重试')
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
