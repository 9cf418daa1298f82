import Taro from '@tarojs/taro'
import type { PickedFile } from './draft'

const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

/** Album or camera, images only (weapp and H5 alike). A cancelled pick is just an empty list. */
export async function pickImages(count: number): Promise<PickedFile[]> {
  if (count <= 0) return []
  try {
    const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return result.tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size, fileType: file.fileType }))
  } catch (error) {
    if (cancelled(error)) return []
    throw error
  }
}
