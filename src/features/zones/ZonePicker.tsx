import { useMemo, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import type { ZoneOption } from '@/types/content-api'
import { a11y } from '@/lib/a11y'
import ChipGroup from '@/components/chip-group/ChipGroup'
import SearchField from '@/components/search-field/SearchField'
import Sheet from '@/components/sheet/Sheet'
import './zone-picker.scss'

/** Up to this many zones are chips; more become a searchable list. */
export const ZONE_CHIP_LIMIT = 8
/** Rows the searchable list renders at once (type to narrow it). */
const LIST_LIMIT = 60
const ALL = '__all__'
const MORE = '__more__'

interface Props {
  /** The group's name for screen readers and the sheet title: 开发区, 意向区域 … */
  label: string
  /** Every zone to choose from (GET /api/zones); may still be empty while it loads. */
  zones: readonly ZoneOption[]
  /** Zones shown as chips when the full list is long (the home tab's first zones); default: the first ones. */
  chips?: readonly ZoneOption[]
  /** How many zones exist, when more than `zones` holds (the home answer's zoneCount). */
  total?: number
  value: string | null
  /** The "no zone" choice (全部, 不限); leave out when a zone must be chosen. */
  allLabel?: string
  onChange: (zoneId: string | null) => void
  /** The sheet opened: load the full list if needed. */
  onOpenList?: () => void
  loading?: boolean
  /** Chips with the full names (a form field) instead of the short ones (filters). */
  fullNames?: boolean
}

/** Matches a typed text against a zone's names and id (平原, 平原经济开发区, pingyuan). */
export function matchZones(zones: readonly ZoneOption[], text: string): ZoneOption[] {
  const q = text.trim().toLowerCase()
  if (!q) return [...zones]
  return zones.filter((zone) => zone.name.includes(q) || zone.shortName.includes(q) || zone.id.includes(q))
}

/**
 * The one zone picker: chips while the zones fit on a row or two, and a searchable list in a sheet
 * once there are many (a province has about 170 development zones). Plain Taro views: it serves the tab
 * pages of the main package.
 */
export default function ZonePicker({ label, zones, chips, total, value, allLabel, onChange, onOpenList, loading, fullNames }: Props) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const count = Math.max(total ?? 0, zones.length)
  const many = count > ZONE_CHIP_LIMIT
  const shown = useMemo(() => {
    const base = (chips ?? zones).slice(0, ZONE_CHIP_LIMIT)
    // A zone picked from the list stays visible among the chips.
    const picked = value && !base.some((zone) => zone.id === value) ? zones.find((zone) => zone.id === value) : undefined
    return picked ? [picked, ...base.slice(0, ZONE_CHIP_LIMIT - 1)] : base
  }, [chips, zones, value])
  const matches = useMemo(() => matchZones(zones, query), [zones, query])

  const options = [
    ...(allLabel ? [{ value: ALL, label: allLabel }] : []),
    ...shown.map((zone) => ({ value: zone.id, label: fullNames ? zone.name : zone.shortName })),
    ...(many ? [{ value: MORE, label: `更多（共 ${count} 个）` }] : []),
  ]

  const openList = () => {
    setQuery('')
    setOpen(true)
    onOpenList?.()
  }
  const choose = (zoneId: string | null) => {
    setOpen(false)
    if (zoneId !== value) onChange(zoneId)
  }

  return (
    <View className="pl-zone-picker">
      <ChipGroup
        label={label}
        options={options}
        value={value ?? (allLabel ? ALL : null)}
        onChange={(next) => (next === MORE ? openList() : choose(next === ALL ? null : next))}
        scroll
      />
      <Sheet visible={open} title={`选择${label}`} onClose={() => setOpen(false)}>
        <View className="pl-zone-picker__sheet">
          <SearchField label={`搜索${label}`} placeholder="输入开发区名称" value={query} onChange={setQuery} onSearch={setQuery} />
          <ScrollView scrollY enhanced className="pl-zone-picker__list">
            <View {...a11y('radiogroup', { 'aria-label': label })}>
              {allLabel && !query.trim() ? (
                <Text
                  className={`pl-zone-picker__row${value === null ? ' pl-zone-picker__row--active' : ''}`}
                  onClick={() => choose(null)}
                  {...a11y('radio', { 'aria-checked': value === null, 'aria-label': `${label}：${allLabel}` })}
                >
                  {allLabel}
                </Text>
              ) : null}
              {matches.slice(0, LIST_LIMIT).map((zone) => (
                <Text
                  key={zone.id}
                  className={`pl-zone-picker__row${zone.id === value ? ' pl-zone-picker__row--active' : ''}`}
                  onClick={() => choose(zone.id)}
                  {...a11y('radio', { 'aria-checked': zone.id === value, 'aria-label': `${label}：${zone.name}` })}
                >
                  {zone.name}
                </Text>
              ))}
            </View>
            {loading && zones.length === 0 ? <Text className="pl-zone-picker__note">正在加载开发区…</Text> : null}
            {!loading && zones.length > 0 && matches.length === 0 ? (
              <Text className="pl-zone-picker__note">{`没有名称含“${query.trim()}”的开发区`}</Text>
            ) : null}
            {matches.length > LIST_LIMIT ? (
              <Text className="pl-zone-picker__note">{`还有 ${matches.length - LIST_LIMIT} 个，输入名称缩小范围`}</Text>
            ) : null}
          </ScrollView>
        </View>
      </Sheet>
    </View>
  )
}
