import type { FieldChange } from '../../../../types/console'
import { NOT_PROVIDED } from '../../../../types/vocabulary'

// A readable diff between two versions of a record, for revisions: which top-level fields changed,
// and each change as short text a zone's staff can read (联系电话：（未提供） → 0534-1234567).

/** What people call each field; nested fields by their path. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  zoneId: '开发区',
  name: '名称',
  shortName: '简称',
  ticketPrefix: '工单前缀',
  order: '显示顺序',
  summary: '简介',
  leadingIndustries: '主导产业',
  figures: '数据',
  contact: '联系方式',
  'contact.phone': '联系电话',
  'contact.address': '地址',
  'contact.location': '地图位置',
  investmentHotline: '招商热线',
  supervisionHotline: '监督热线',
  officeHours: '办公时间',
  photos: '照片',
  sources: '来源文章',
  source: '来源文章',
  featured: '重点园区',
  industries: '产业',
  industryChains: '产业链',
  headline: '核心数据',
  'headline.area': '占地面积',
  'headline.investment': '总投资',
  'headline.enterprises': '入驻企业',
  'headline.signedProjects': '签约项目',
  highlights: '亮点',
  parkId: '所属园区',
  type: '类型',
  title: '标题',
  description: '说明',
  area: '面积',
  floorHeightMeters: '层高（米）',
  floorLoadTonsPerSquareMeter: '承重（吨/平方米）',
  price: '价格',
  availability: '租售状态',
  delivery: '交付',
  deliveryDate: '交付日期',
  customBuild: '可定制',
  role: '角色',
  industry: '产业',
  status: '状态',
  amount: '金额',
  partner: '合作方',
  dateText: '日期（原文）',
  date: '日期',
  rank: '排序',
  parkIds: '适用园区',
  kind: '类型',
  category: '类别',
  eligibility: '适用对象',
  benefits: '支持内容',
  howToApply: '申报方式',
  validFrom: '生效日期',
  validTo: '截止日期',
  issuer: '发布单位',
  documentNumber: '文号',
  links: '链接',
  criteria: '匹配条件',
  leaderTitle: '链长',
  deputyLeaderTitles: '副链长',
  ownerEnterprises: '链主',
  ownerEnterpriseIds: '链主企业',
  leadDepartment: '牵头部门',
  supportDepartments: '配合部门',
  policyIds: '政策',
  projectIds: '签约项目',
  spaceIds: '载体',
  gaps: '招商方向',
  figure: '数据',
}

/** Fields whose parts are compared one by one (a phone changes, not "the contact"). */
const NESTED = new Set(['contact', 'headline', 'criteria'])
/** Set by the API, not an edit. */
const IGNORED = new Set(['updatedAt'])
const MAX_TEXT = 200

const isFigure = (value: unknown): value is { label: string; value: number; unit: string; qualifier?: string; year?: number } =>
  Boolean(value && typeof value === 'object' && 'label' in value && 'value' in value && 'unit' in value)

/** A value as short text: 18亿元, 36.8,117.2, 3 张照片, （未提供）. */
export const describeValue = (value: unknown): string | null => {
  if (value === undefined || value === null) return null
  if (value === NOT_PROVIDED) return '（未提供）'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (isFigure(value)) {
    const qualifier = value.qualifier === '余' ? '' : (value.qualifier ?? '')
    return `${value.label} ${qualifier}${value.value}${value.qualifier === '余' ? '余' : ''}${value.unit}${value.year ? `（${value.year}年）` : ''}`
  }
  if (typeof value === 'object' && 'latitude' in value && 'longitude' in value) {
    const point = value as { latitude: number; longitude: number }
    return `纬度 ${point.latitude}，经度 ${point.longitude}`
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）'
    if (value.every((item) => item && typeof item === 'object' && 'id' in item && 'alt' in item)) return `${value.length} 张照片`
    return value.map((item) => describeValue(item) ?? '').join('、')
  }
  return JSON.stringify(value)
}

/** JSON with object keys sorted: records read back from jsonb (which reorders keys) compare equal. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  ) ?? 'undefined'

const clip = (text: string | null) => (text !== null && text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text)
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/** Top-level fields that differ, and the readable changes (nested fields one by one). null: no record. */
export const diffRecords = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { changedFields: string[]; diff: FieldChange[] } => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !IGNORED.has(key))
  const changedFields = keys.filter((key) => !same(before?.[key], after?.[key]))
  const diff: FieldChange[] = []
  const push = (path: string, a: unknown, b: unknown) =>
    diff.push({ path, label: FIELD_LABELS[path] ?? path, before: clip(describeValue(a)), after: clip(describeValue(b)) })
  for (const key of changedFields) {
    const a = before?.[key]
    const b = after?.[key]
    const objects = [a, b].every((value) => value === undefined || (value !== null && typeof value === 'object' && !Array.isArray(value)))
    if (NESTED.has(key) && objects) {
      const inner = [...new Set([...Object.keys((a as object) ?? {}), ...Object.keys((b as object) ?? {})])]
      for (const part of inner) {
        const x = (a as Record<string, unknown> | undefined)?.[part]
        const y = (b as Record<string, unknown> | undefined)?.[part]
        if (!same(x, y)) push(`${key}.${part}`, x, y)
      }
    } else push(key, a, b)
  }
  return { changedFields, diff }
}
