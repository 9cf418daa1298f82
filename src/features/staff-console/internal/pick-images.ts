import Taro from '@tarojs/taro'

const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

/** Album or camera, images only (weapp and H5 alike). A cancelled pick is just an empty list. */
export async function pickImages(count: number): Promise<string[]> {
  if (count <= 0) return []
  try {
    const result = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return result.tempFiles.map((file) => file.tempFilePath)
  } catch (error) {
    if (cancelled(error)) return []
    throw error
  }
}

/** The map point (and address) staff pick on the map: weapp only; null when cancelled or not available. */
export async function chooseMapPoint(): Promise<{ latitude: number; longitude: number; address: string } | null> {
  try {
    const point = await Taro.chooseLocation({})
    return { latitude: point.latitude, longitude: point.longitude, address: point.address || point.name || '' }
  } catch {
    return null
  }
}
