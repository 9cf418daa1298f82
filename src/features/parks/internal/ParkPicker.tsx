import { View, Text } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import type { ParkCard } from '@/types/content-api'
import { a11y } from '@/lib/a11y'
import { MAX_COMPARE } from '../compare-store'
import './park-picker.scss'

interface Props {
  visible: boolean
  parks: readonly ParkCard[]
  selected: readonly string[]
  onToggle: (park: ParkCard) => void
  onClose: () => void
}

/** Choose up to three parks to compare, grouped by zone. */
export default function ParkPicker({ visible, parks, selected, onToggle, onClose }: Props) {
  const zones = Array.from(new Set(parks.map((park) => park.zoneName)))
  return (
    <Popup visible={visible} position="bottom" round closeable closeAriaLabel="关闭" title={`选择园区（${selected.length}/${MAX_COMPARE}）`} onClose={onClose} destroyOnClose>
      <View className="pl-picker">
        {parks.length === 0 ? <Text className="pl-muted">园区列表加载中，请稍候…</Text> : null}
        {zones.map((zoneName) => (
          <View key={zoneName} className="pl-picker__group">
            <Text className="pl-picker__zone">{zoneName}</Text>
            {parks
              .filter((park) => park.zoneName === zoneName)
              .map((park) => {
                const checked = selected.includes(park.id)
                return (
                  <View
                    key={park.id}
                    className={`pl-picker__row${checked ? ' pl-picker__row--on' : ''}`}
                    onClick={() => onToggle(park)}
                    {...a11y('checkbox', { 'aria-checked': checked, 'aria-label': `${park.name}，${zoneName}` })}
                  >
                    <Text className="pl-picker__box" aria-hidden>
                      {checked ? '✓' : ''}
                    </Text>
                    <Text className="pl-picker__name">{park.name}</Text>
                  </View>
                )
              })}
          </View>
        ))}
      </View>
    </Popup>
  )
}
