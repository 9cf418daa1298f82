import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { Photo } from '@/types/service'
import { photoThumbUrl } from '@/components/request/photo-url'
import type { UploadItem } from '../draft-store'
import { MAX_PHOTOS, type PickedFile } from './draft'
import { pickImages } from './pick-images'
import { a11y } from '@/lib/a11y'
import './photo-picker.scss'

interface Props {
  photos: Photo[]
  uploads: UploadItem[]
  disabled?: boolean
  onAdd: (files: PickedFile[]) => void
  onRemovePhoto: (id: string) => void
  onRetry: (key: string) => void
  onRemoveUpload: (key: string) => void
}

/** Up to three photos: uploaded ones, those uploading (with progress) or failed (retry/remove), then an add tile. */
export function PhotoPicker({ photos, uploads, disabled = false, onAdd, onRemovePhoto, onRetry, onRemoveUpload }: Props) {
  const room = MAX_PHOTOS - photos.length - uploads.length
  const add = async () => {
    if (disabled || room <= 0) return
    try {
      const files = await pickImages(room)
      if (files.length) onAdd(files)
    } catch {
      void Taro.showToast({ title: '无法打开相册，请稍后重试', icon: 'none' })
    }
  }

  return (
    // A group, not a list: the add tile is a button, and a list may only hold list items.
    <View className="svc-picker" role="group" aria-label={`图片，已选 ${photos.length + uploads.length} 张`}>
      {photos.map((photo, index) => (
        <View key={photo.id} className="svc-picker__tile">
          <Image className="svc-picker__img" src={photoThumbUrl(photo.url)} mode="aspectFill" imgProps={{ alt: `第 ${index + 1} 张图片` }} />
          <View
            className="svc-picker__remove"
            role="button"
            aria-label={`删除第 ${index + 1} 张图片`}
            onClick={() => onRemovePhoto(photo.id)}
          >
            <Text>×</Text>
          </View>
        </View>
      ))}
      {uploads.map((item) => (
        <View key={item.key} className="svc-picker__tile">
          <Image className="svc-picker__img" src={item.path} mode="aspectFill" imgProps={{ alt: '待上传的图片' }} />
          {item.status === 'uploading' ? (
            <View className="svc-picker__overlay" aria-live="polite">
              <Text>{`上传中 ${Math.round(item.progress)}%`}</Text>
            </View>
          ) : (
            <View className="svc-picker__overlay svc-picker__overlay--failed" role="alert">
              <Text className="svc-picker__failed-text">{item.error ?? '上传失败'}</Text>
              <View className="svc-picker__actions">
                <Text className="svc-picker__action" {...a11y('button')} onClick={() => onRetry(item.key)}>
                  重试
                </Text>
                <Text className="svc-picker__action" {...a11y('button')} onClick={() => onRemoveUpload(item.key)}>
                  移除
                </Text>
              </View>
            </View>
          )}
        </View>
      ))}
      {room > 0 ? (
        <View
          className={`svc-picker__tile svc-picker__add${disabled ? ' svc-picker__add--disabled' : ''}`}
          role="button"
          aria-label={`添加图片，还可添加 ${room} 张`}
          onClick={add}
        >
          <Text className="svc-picker__plus" aria-hidden="true">
            +
          </Text>
          <Text className="svc-picker__add-text">添加图片</Text>
        </View>
      ) : null}
    </View>
  )
}
