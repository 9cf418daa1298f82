import Taro from '@tarojs/taro'
import { View, Image } from '@tarojs/components'
import type { Photo } from '@/types/service'
import { apiUrl } from '@/api/client'
import { photoThumbUrl } from './photo-url'
import '@/styles/service.scss'

/** The request's photos; a tap opens the full-size viewer. */
export default function PhotoStrip({ photos }: { photos: Photo[] }) {
  if (!photos.length) return null
  const urls = photos.map((p) => apiUrl(p.url))
  return (
    <View className="svc-photos">
      {photos.map((photo, index) => (
        <View
          key={photo.id}
          className="svc-photo"
          role="button"
          aria-label={`查看第 ${index + 1} 张图片`}
          onClick={() => void Taro.previewImage({ urls, current: urls[index] })}
        >
          {/* The button's name says which photo; the <img> inside is decoration for screen readers (H5). */}
          <Image className="svc-photo__img" src={photoThumbUrl(photo.url)} mode="aspectFill" lazyLoad imgProps={{ alt: '' }} />
        </View>
      ))}
    </View>
  )
}
