import Taro from '@tarojs/taro'
import { Image, ScrollView, View } from '@tarojs/components'
import type { ContentPhoto } from '@/types/content'
import { mediaUrl } from '@/api/client'
import { a11y } from '@/lib/a11y'
import './photo-gallery.scss'

/** A row of a record's photos (zone, park, listing); tap one to see them all full size. Nothing without photos. */
export default function PhotoGallery({ photos, label }: { photos: readonly ContentPhoto[]; label: string }) {
  if (!photos.length) return null
  const urls = photos.map((photo) => mediaUrl(photo.id))
  return (
    <ScrollView scrollX enhanced showScrollbar={false} className="pl-gallery" {...a11y('list', { 'aria-label': `${label}照片` })}>
      <View className="pl-gallery__row">
        {photos.map((photo, index) => (
          <View
            key={photo.id}
            className="pl-gallery__item"
            onClick={() => void Taro.previewImage({ urls, current: urls[index] })}
            {...a11y('button', { 'aria-label': `查看照片：${photo.alt || `${label}第 ${index + 1} 张`}` })}
          >
            <Image className="pl-gallery__image" src={urls[index]} mode="aspectFill" lazyLoad aria-hidden imgProps={{ alt: photo.alt }} />
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
