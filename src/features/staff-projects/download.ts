import Taro from '@tarojs/taro'
import { ApiError, buildUrl } from '@/api/client'
import { useSession } from '@/features/session/session-store'

/**
 * A CSV from a staff route, in the mini-program: downloaded with the staff token, then handed to
 * WeChat's 发送给朋友 (文件传输助手 opens it on a computer in Excel): WeChat cannot open CSV itself.
 */
export async function downloadCsv(path: string, query: Record<string, string | undefined>, fileName: string): Promise<void> {
  const token = useSession.getState().staff?.token
  const result = await Taro.downloadFile({ url: buildUrl(path, query), header: token ? { Authorization: `Bearer ${token}` } : {} })
  if (result.statusCode !== 200) throw new ApiError(result.statusCode, 'download_failed', '下载失败，请稍后重试')
  await Taro.shareFileMessage({ filePath: result.tempFilePath, fileName })
}
