import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import InfoRow from '@/components/info-row/InfoRow'

/** A phone number with 拨打 (and 复制); nothing at all when nobody provided the number. */
export function PhoneRow({ label, phone, copy = true }: { label: string; phone: string | null; copy?: boolean }) {
  if (!phone) return null
  return (
    <InfoRow
      label={label}
      value={phone}
      actions={
        <>
          <Text
            className="pl-btn"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}
            {...a11y('button', { 'aria-label': `拨打${label} ${phone}` })}
          >
            拨打
          </Text>
          {copy ? (
            <Text
              className="pl-btn"
              onClick={() => void Taro.setClipboardData({ data: phone })}
              {...a11y('button', { 'aria-label': `复制${label} ${phone}` })}
            >
              复制
            </Text>
          ) : null}
        </>
      }
    />
  )
}

type Point = { latitude: number; longitude: number }

/** The address, with 查看位置 on the map when the map point is known; a map point alone still opens the map. */
export function AddressRow({ address, location, placeName }: { address: string | null; location: Point | null; placeName: string }) {
  if (!address && !location) return null
  const open = location
    ? () =>
        void Taro.openLocation({
          latitude: location.latitude,
          longitude: location.longitude,
          name: placeName,
          address: address ?? undefined,
          scale: 15,
        })
    : null
  return (
    <InfoRow
      label="地址"
      value={address ?? '已标注地图位置'}
      actions={
        open ? (
          <Text className="pl-btn" onClick={open} {...a11y('button', { 'aria-label': `查看位置：${placeName}` })}>
            查看位置
          </Text>
        ) : null
      }
    />
  )
}
