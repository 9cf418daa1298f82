import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { MAX_CONTENT_PHOTOS } from '@/types/vocabulary'
import { apiUrl, errorMessage, mediaUrl } from '@/api/client'
import { a11y } from '@/lib/a11y'
import TextBox from '@/components/text-box/TextBox'
import ChipGroup from '@/components/chip-group/ChipGroup'
import { uploadContentPhoto } from '../api'
import { fieldDomId, type FieldSpec, type Option } from './fields'
import { messagesFor } from './issues'
import { getAt } from './record-path'
import { chooseMapPoint, pickImages } from './pick-images'

const NP = 'not_provided'
const QUALIFIERS = ['近', '超过', '余', '约'] as const

interface Props {
  spec: FieldSpec
  record: Record<string, unknown>
  /** Field errors, path → message (local check or the API's). */
  errors: Readonly<Record<string, string>>
  onChange: (path: string, value: unknown) => void
  /** Choices for fields that point at the zone's records (parkIds, policyIds …). */
  refOptions: Readonly<Record<string, Option[] | undefined>>
  /** The field a 资料完整度 link asked for. */
  focused?: boolean
  /** Signed preview addresses of the record's photos, by id (ConsoleRecord.photoUrls). */
  photoUrls?: Readonly<Record<string, string>>
}

/** Label, hint, control, then the Chinese reasons under it. */
function Shell({ spec, errors, focused, children }: { spec: FieldSpec; errors: string[]; focused?: boolean; children: ReactNode }) {
  return (
    <View
      id={fieldDomId(spec.path)}
      className={`csl-field${errors.length ? ' csl-field--error' : ''}${focused ? ' csl-field--focus' : ''}`}
    >
      <Text className="csl-field__label">{spec.label}</Text>
      {spec.hint ? <Text className="csl-field__hint">{spec.hint}</Text> : null}
      {children}
      {errors.map((message) => (
        <Text key={message} className="csl-field__error" {...a11y('alert')}>
          {message}
        </Text>
      ))}
    </View>
  )
}

function TextInput({
  label,
  value,
  onChange,
  type = 'text',
  placeholder,
  maxLength,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'digit' | 'number'
  placeholder?: string
  maxLength?: number
}) {
  return (
    <Input
      className="svc-input csl-input"
      aria-label={label}
      type={type}
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      onChange={onChange}
    />
  )
}

/** A number typed as text: blank, a number, or (kept as typed) something the check will refuse in Chinese. */
function NumberInput({
  label,
  value,
  onChange,
  integer,
  blankAbsent,
  unit,
  placeholder,
}: {
  label: string
  value: unknown
  onChange: (value: unknown) => void
  integer?: boolean
  blankAbsent?: boolean
  unit?: string
  placeholder?: string
}) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '')
  const change = (raw: string) => {
    setText(raw)
    const trimmed = raw.trim()
    if (trimmed === '') return onChange(blankAbsent ? undefined : '')
    const number = Number(trimmed)
    onChange(Number.isFinite(number) ? number : raw)
  }
  return (
    <View className="csl-row">
      <View className="csl-row__grow">
        <TextInput
          label={label}
          type={integer ? 'number' : 'digit'}
          value={text}
          onChange={change}
          placeholder={placeholder ?? (blankAbsent ? '没有可不填' : '数字')}
        />
      </View>
      {unit ? <Text className="csl-unit">{unit}</Text> : null}
    </View>
  )
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <Text
      className={`pl-chip${checked ? ' pl-chip--active' : ''}`}
      onClick={() => onChange(!checked)}
      {...a11y('checkbox', { 'aria-checked': checked, 'aria-label': label })}
    >
      {checked ? `✓ ${label}` : label}
    </Text>
  )
}

function FigureEditor({ label, value, onChange }: { label: string; value: unknown; onChange: (value: unknown) => void }) {
  if (value === NP || value === undefined || value === null) {
    return (
      <Text
        className="pl-btn csl-add"
        onClick={() => onChange({ label, value: '', unit: '' })}
        {...a11y('button', { 'aria-label': `填写${label}` })}
      >
        ＋ 填写
      </Text>
    )
  }
  const figure = value as Record<string, unknown>
  const set = (key: string, next: unknown) => {
    const copy = { ...figure, [key]: next }
    if (next === undefined) delete copy[key]
    onChange(copy)
  }
  return (
    <View className="csl-figure">
      <TextInput
        label={`${label}：名称`}
        placeholder="名称，如 总投资"
        value={String(figure.label ?? '')}
        onChange={(text) => set('label', text)}
        maxLength={40}
      />
      <View className="csl-row">
        <View className="csl-row__grow">
          <NumberInput label={`${label}：数值`} value={figure.value} placeholder="数值" onChange={(next) => set('value', next)} />
        </View>
        <View className="csl-row__unit">
          <TextInput
            label={`${label}：单位`}
            placeholder="单位"
            value={String(figure.unit ?? '')}
            onChange={(text) => set('unit', text)}
            maxLength={12}
          />
        </View>
      </View>
      <ChipGroup
        label={`${label}：修饰词`}
        options={[{ value: '', label: '无' }, ...QUALIFIERS.map((word) => ({ value: word, label: word }))]}
        value={typeof figure.qualifier === 'string' ? figure.qualifier : ''}
        onChange={(word) => set('qualifier', word || undefined)}
        scroll
      />
      <View className="csl-row">
        <View className="csl-row__grow">
          <NumberInput
            label={`${label}：年份`}
            value={figure.year}
            integer
            blankAbsent
            placeholder="数据所属年份，如 2025"
            onChange={(next) => set('year', next)}
            unit="年"
          />
        </View>
        <Text className="pl-link csl-remove" onClick={() => onChange(NP)} {...a11y('button', { 'aria-label': `清除${label}` })}>
          清除
        </Text>
      </View>
    </View>
  )
}

/**
 * Photos picked on this device, by upload id: the file itself is the preview until the record comes
 * back from the API with a signed address for it (photoUrls).
 */
const localPreviews = new Map<string, string>()

function PhotoEditor({
  label,
  value,
  zoneId,
  photoUrls,
  onChange,
}: {
  label: string
  value: unknown
  zoneId: string
  photoUrls: Readonly<Record<string, string>>
  onChange: (value: unknown) => void
}) {
  // A photo only a draft uses is not public: the signed address stands in for the staff token an image tag cannot send.
  const preview = (id: string) => localPreviews.get(id) ?? (photoUrls[id] ? apiUrl(photoUrls[id]) : mediaUrl(id))
  const photos = (Array.isArray(value) ? value : []) as { id: string; alt: string }[]
  const [busy, setBusy] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  const add = async () => {
    setProblem(null)
    const paths = await pickImages(MAX_CONTENT_PHOTOS - photos.length).catch(() => [])
    if (!paths.length) return
    setBusy((count) => count + paths.length)
    const added: { id: string; alt: string }[] = []
    for (const path of paths) {
      try {
        const { id } = await uploadContentPhoto(path, zoneId)
        localPreviews.set(id, path)
        added.push({ id, alt: '' })
      } catch (error) {
        setProblem(errorMessage(error))
      } finally {
        setBusy((count) => count - 1)
      }
    }
    if (added.length) onChange([...photos, ...added].slice(0, MAX_CONTENT_PHOTOS))
  }
  const update = (index: number, next: { id: string; alt: string } | null) => {
    const copy = [...photos]
    if (next) copy[index] = next
    else copy.splice(index, 1)
    onChange(copy)
  }
  return (
    <View>
      <View className="csl-photos">
        {photos.map((photo, index) => (
          <View key={photo.id} className="csl-photo">
            <Image className="csl-photo__image" src={preview(photo.id)} mode="aspectFill" aria-hidden />
            <TextInput
              label={`第 ${index + 1} 张照片说明`}
              placeholder="说明，如 厂房外景"
              value={photo.alt}
              onChange={(alt) => update(index, { ...photo, alt })}
              maxLength={60}
            />
            <View className="csl-row">
              {index > 0 ? (
                <Text
                  className="pl-link csl-remove"
                  onClick={() => onChange([photo, ...photos.filter((_, other) => other !== index)])}
                  {...a11y('button', { 'aria-label': `第 ${index + 1} 张设为封面` })}
                >
                  设为封面
                </Text>
              ) : (
                <Text className="csl-cover">封面</Text>
              )}
              <Text
                className="pl-link csl-remove"
                onClick={() => update(index, null)}
                {...a11y('button', { 'aria-label': `删除第 ${index + 1} 张照片` })}
              >
                删除
              </Text>
            </View>
          </View>
        ))}
      </View>
      {busy > 0 ? <Text className="svc-muted" {...a11y('status')}>{`正在上传 ${busy} 张…`}</Text> : null}
      {problem ? (
        <Text className="csl-field__error" {...a11y('alert')}>
          {problem}
        </Text>
      ) : null}
      {photos.length < MAX_CONTENT_PHOTOS ? (
        <Text className="pl-btn csl-add" onClick={() => void add()} {...a11y('button', { 'aria-label': `添加${label}` })}>
          ＋ 添加照片
        </Text>
      ) : null}
    </View>
  )
}

function LocationEditor({
  label,
  value,
  onChange,
  onAddress,
}: {
  label: string
  value: unknown
  onChange: (value: unknown) => void
  onAddress: (address: string) => void
}) {
  const point = value && value !== NP ? (value as { latitude: unknown; longitude: unknown }) : null
  // Bumped when the point changes from outside the inputs (map pick, 清除), so they show it.
  const [generation, setGeneration] = useState(0)
  const blank = (part: unknown) => part === undefined || part === ''
  const set = (key: 'latitude' | 'longitude', next: unknown) => {
    const latitude = key === 'latitude' ? next : point?.latitude
    const longitude = key === 'longitude' ? next : point?.longitude
    // Both blank: no map point (not provided); one blank: the check asks for it.
    onChange(blank(latitude) && blank(longitude) ? NP : { latitude: latitude ?? '', longitude: longitude ?? '' })
  }
  const pick = async () => {
    const picked = await chooseMapPoint()
    if (!picked) return
    onChange({ latitude: picked.latitude, longitude: picked.longitude })
    setGeneration((count) => count + 1)
    if (picked.address) onAddress(picked.address)
  }
  const clear = () => {
    onChange(NP)
    setGeneration((count) => count + 1)
  }
  return (
    <View>
      {process.env.TARO_ENV === 'weapp' ? (
        <Text className="pl-btn csl-add" onClick={() => void pick()} {...a11y('button', { 'aria-label': `在地图上选${label}` })}>
          在地图上选点
        </Text>
      ) : (
        <Text className="csl-field__hint">在地图应用中找到位置，复制它的纬度、经度填在这里（如 纬度 37.16，经度 116.43）。</Text>
      )}
      <View className="csl-row">
        <View className="csl-row__grow">
          <NumberInput
            key={`lat-${generation}`}
            label={`${label}：纬度`}
            value={point?.latitude}
            blankAbsent
            placeholder="纬度"
            onChange={(next) => set('latitude', next)}
          />
        </View>
        <View className="csl-row__grow">
          <NumberInput
            key={`lng-${generation}`}
            label={`${label}：经度`}
            value={point?.longitude}
            blankAbsent
            placeholder="经度"
            onChange={(next) => set('longitude', next)}
          />
        </View>
      </View>
      {point ? (
        <Text className="pl-link csl-remove" onClick={clear} {...a11y('button', { 'aria-label': `清除${label}` })}>
          清除地图位置
        </Text>
      ) : null}
    </View>
  )
}

function ListEditor<T>({
  label,
  items,
  max,
  onChange,
  blank,
  render,
}: {
  label: string
  items: T[]
  max: number
  onChange: (items: T[]) => void
  blank: T
  render: (item: T, index: number, set: (next: T) => void) => ReactNode
}) {
  return (
    <View>
      {items.map((item, index) => (
        <View key={index} className="csl-item">
          <View className="csl-row__grow">
            {render(item, index, (next) => onChange(items.map((other, position) => (position === index ? next : other))))}
          </View>
          <Text
            className="pl-link csl-remove"
            onClick={() => onChange(items.filter((_, position) => position !== index))}
            {...a11y('button', { 'aria-label': `删除${label}第 ${index + 1} 项` })}
          >
            删除
          </Text>
        </View>
      ))}
      {items.length < max ? (
        <Text className="pl-btn csl-add" onClick={() => onChange([...items, blank])} {...a11y('button', { 'aria-label': `添加${label}` })}>
          ＋ 添加
        </Text>
      ) : null}
    </View>
  )
}

function MultiChoice({
  label,
  options,
  value,
  onChange,
}: {
  label: string
  options: readonly Option[]
  value: string[]
  onChange: (value: string[]) => void
}) {
  if (!options.length) return <Text className="svc-muted">本开发区还没有可选的记录</Text>
  return (
    <View className="pl-chips" {...a11y('group', { 'aria-label': label })}>
      {options.map((option) => {
        const on = value.includes(option.value)
        return (
          <Text
            key={option.value}
            className={`pl-chip${on ? ' pl-chip--active' : ''}`}
            onClick={() => onChange(on ? value.filter((item) => item !== option.value) : [...value, option.value])}
            {...a11y('checkbox', { 'aria-checked': on, 'aria-label': `${label}：${option.label}` })}
          >
            {option.label}
          </Text>
        )
      })}
    </View>
  )
}

/** One field of a record, edited in place: each type of the contract's fields has its control. */
export default function FieldEditor({ spec, record, errors, onChange, refOptions, focused, photoUrls = {} }: Props) {
  const value = getAt(record, spec.path)
  const messages = messagesFor(errors, spec.path)
  const set = (next: unknown) => onChange(spec.path, next)
  let control: ReactNode
  switch (spec.type) {
    case 'text': {
      const text = value === NP || value === undefined || value === null ? '' : String(value)
      const change = (next: string) => set(spec.blank === NP && next.trim() === '' ? NP : next)
      control = spec.multiline ? (
        <TextBox label={spec.label} value={text} onChange={change} maxLength={spec.max} showCount placeholder={spec.placeholder} />
      ) : (
        <TextInput
          label={spec.label}
          value={text}
          onChange={change}
          maxLength={spec.max}
          placeholder={spec.placeholder ?? (spec.blank ? '没有可不填' : undefined)}
        />
      )
      break
    }
    case 'number':
      control = (
        <NumberInput
          label={spec.label}
          value={value}
          onChange={set}
          integer={spec.integer}
          blankAbsent={spec.blank === 'absent'}
          unit={spec.unit}
        />
      )
      break
    case 'switch':
      control = (
        <Toggle
          label={spec.label}
          checked={value === true}
          onChange={(checked) => set(checked ? true : spec.offAbsent ? undefined : false)}
        />
      )
      break
    case 'select':
      control = (
        <ChipGroup
          label={spec.label}
          options={[...(spec.blank === NP ? [{ value: NP, label: '未提供' }] : []), ...spec.options]}
          value={typeof value === 'string' ? value : null}
          onChange={set}
        />
      )
      break
    case 'multi':
      control = (
        <MultiChoice
          label={spec.label}
          options={spec.options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(next) => set(next.length ? next : spec.blank === 'absent' ? undefined : [])}
        />
      )
      break
    case 'refs':
      control = (
        <MultiChoice
          label={spec.label}
          options={refOptions[spec.ref] ?? []}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={set}
        />
      )
      break
    case 'ref':
      control = (
        <ChipGroup
          label={spec.label}
          options={[{ value: '', label: spec.noneLabel }, ...(refOptions[spec.ref] ?? [])]}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => set(next || null)}
        />
      )
      break
    case 'list':
      control = (
        <ListEditor
          label={spec.label}
          items={Array.isArray(value) ? (value as string[]) : []}
          max={spec.max}
          blank=""
          onChange={set}
          render={(item, index, setItem) => (
            <TextInput
              label={`${spec.label}第 ${index + 1} 项`}
              value={item}
              onChange={setItem}
              maxLength={spec.itemMax}
              placeholder={spec.placeholder}
            />
          )}
        />
      )
      break
    case 'figure':
      control = <FigureEditor label={spec.label} value={value} onChange={set} />
      break
    case 'figures':
      control = (
        <ListEditor
          label={spec.label}
          items={Array.isArray(value) ? (value as unknown[]) : []}
          max={spec.max}
          blank={{ label: '', value: '', unit: '' } as unknown}
          onChange={set}
          render={(item, index, setItem) => <FigureEditor label={`${spec.label}第 ${index + 1} 项`} value={item} onChange={setItem} />}
        />
      )
      break
    case 'date': {
      const text = typeof value === 'string' && value !== NP ? value : ''
      control = (
        <TextInput
          label={spec.label}
          value={text}
          placeholder="YYYY-MM-DD，没有可不填"
          maxLength={10}
          onChange={(next) => set(next.trim() ? next.trim() : NP)}
        />
      )
      break
    }
    case 'location':
      control = (
        <LocationEditor
          label={spec.label}
          value={value}
          onChange={set}
          onAddress={(address) => {
            const addressPath = spec.path.replace(/location$/, 'address')
            if (getAt(record, addressPath) === NP) onChange(addressPath, address.slice(0, 120))
          }}
        />
      )
      break
    case 'photos':
      control = (
        <PhotoEditor label={spec.label} value={value} zoneId={String(record.zoneId ?? record.id)} photoUrls={photoUrls} onChange={set} />
      )
      break
    case 'links':
      control = (
        <ListEditor
          label={spec.label}
          items={Array.isArray(value) ? (value as { title: string; url: string }[]) : []}
          max={5}
          blank={{ title: '', url: '' }}
          onChange={set}
          render={(item, index, setItem) => (
            <>
              <TextInput
                label={`链接第 ${index + 1} 项标题`}
                placeholder="标题，如 政策原文"
                value={item.title}
                maxLength={40}
                onChange={(title) => setItem({ ...item, title })}
              />
              <TextInput
                label={`链接第 ${index + 1} 项网址`}
                placeholder="https://"
                value={item.url}
                onChange={(url) => setItem({ ...item, url: url.trim() })}
              />
            </>
          )}
        />
      )
      break
  }
  return (
    <Shell spec={spec} errors={messages} focused={focused}>
      {control}
    </Shell>
  )
}

/** Scrolls a field into view (a 资料完整度 link, the first error). */
export const scrollToField = (path: string) =>
  void Taro.pageScrollTo({ selector: `#${fieldDomId(path)}`, duration: 200, offsetTop: -12 } as Taro.pageScrollTo.Option).catch(
    () => undefined,
  )
