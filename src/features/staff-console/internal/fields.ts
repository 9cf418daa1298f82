import type { ContentKind } from '@/types/console'
import {
  POLICY_CATEGORIES,
  POLICY_CATEGORY_LABELS,
  POLICY_KINDS,
  POLICY_KIND_LABELS,
  PROJECT_STATUSES,
  PROJECT_STATUS_LABELS,
  SPACE_AVAILABILITY,
  SPACE_AVAILABILITY_LABELS,
  SPACE_TYPES,
  SPACE_TYPE_LABELS,
  TALENT_LEVELS,
  TALENT_LEVEL_LABELS,
  COMMITMENT_KINDS,
} from '@/types/vocabulary'
import { INDUSTRIES } from '@/types/industries'

/** Kinds a field may point at (ids of the zone's records). */
export type RefKind = 'parks' | 'policies' | 'projects' | 'spaces' | 'enterprises'

export type Option = { value: string; label: string }

/**
 * One field of the edit form, by its path in the record. `blank` says what an empty input means:
 * 'not_provided' (a fact nobody provided: investors see nothing), 'absent' (an optional key left out).
 */
export type FieldSpec =
  | {
      type: 'text'
      path: string
      label: string
      max: number
      blank?: 'not_provided'
      multiline?: boolean
      hint?: string
      placeholder?: string
    }
  | { type: 'number'; path: string; label: string; blank?: 'absent'; integer?: boolean; unit?: string; hint?: string }
  | { type: 'switch'; path: string; label: string; hint?: string; /** Off stores nothing (criteria.needsSpace). */ offAbsent?: boolean }
  | { type: 'select'; path: string; label: string; options: readonly Option[]; blank?: 'not_provided'; hint?: string }
  | { type: 'multi'; path: string; label: string; options: readonly Option[]; blank?: 'absent'; hint?: string }
  | { type: 'list'; path: string; label: string; max: number; itemMax: number; hint?: string; placeholder?: string }
  | { type: 'figure'; path: string; label: string; hint?: string }
  | { type: 'figures'; path: string; label: string; max: number; hint?: string }
  | { type: 'date'; path: string; label: string; hint?: string }
  | { type: 'location'; path: string; label: string; hint?: string }
  | { type: 'photos'; path: string; label: string; hint?: string }
  | { type: 'links'; path: string; label: string; hint?: string }
  | { type: 'refs'; path: string; label: string; ref: RefKind; hint?: string }
  | { type: 'ref'; path: string; label: string; ref: 'parks'; noneLabel: string; hint?: string }

export type FieldGroup = { title: string; fields: FieldSpec[] }

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): Option[] =>
  values.map((value) => ({ value, label: labels[value] }))

export const COMMITMENT_KIND_LABELS: Record<(typeof COMMITMENT_KINDS)[number], string> = {
  service: '服务',
  approval: '审批',
  tracking: '跟踪',
  supervision: '监督',
  mechanism: '机制',
}

const NP = 'not_provided' as const
const phoneHint = '座机请带区号，如 0534-1234567；不填则不显示'

const contactFields = (place: string): FieldSpec[] => [
  { type: 'text', path: 'contact.phone', label: '联系电话', max: 30, blank: NP, hint: phoneHint },
  { type: 'text', path: 'contact.address', label: '地址', max: 120, blank: NP },
  { type: 'location', path: 'contact.location', label: '地图位置', hint: `投资者点“查看位置”即可导航到${place}` },
]

/** The edit form of each kind: every field a record has, grouped as staff think of them. */
export const FORMS: Record<ContentKind, FieldGroup[]> = {
  zones: [
    {
      title: '基本信息',
      fields: [
        { type: 'text', path: 'name', label: '名称', max: 40 },
        { type: 'text', path: 'shortName', label: '简称', max: 10, hint: '用于筛选按钮，如“平原”' },
        { type: 'text', path: 'summary', label: '简介', max: 600, multiline: true },
        { type: 'list', path: 'leadingIndustries', label: '主导产业', max: 20, itemMax: 30, placeholder: '如 绿色化工' },
        { type: 'figures', path: 'figures', label: '主要数据', max: 40, hint: '每项写明它是哪一年的数据' },
        { type: 'number', path: 'order', label: '排序', integer: true, hint: '数字小的排在前面' },
      ],
    },
    {
      title: '联系方式',
      fields: [
        { type: 'text', path: 'investmentHotline', label: '招商热线', max: 30, blank: NP, hint: phoneHint },
        { type: 'text', path: 'supervisionHotline', label: '监督热线', max: 30, blank: NP, hint: phoneHint },
        ...contactFields('开发区'),
        { type: 'text', path: 'officeHours', label: '办公时间', max: 60, blank: NP, placeholder: '如 工作日 8:30–12:00，13:30–17:30' },
      ],
    },
    { title: '照片', fields: [{ type: 'photos', path: 'photos', label: '照片', hint: '第一张作为封面，最多 9 张' }] },
  ],
  parks: [
    {
      title: '基本信息',
      fields: [
        { type: 'text', path: 'name', label: '名称', max: 40 },
        { type: 'text', path: 'summary', label: '简介', max: 600, multiline: true },
        { type: 'switch', path: 'featured', label: '重点园区', hint: '首页“重点园区”展示' },
        { type: 'number', path: 'order', label: '排序', integer: true, hint: '数字小的排在前面' },
        { type: 'list', path: 'industries', label: '主导产业', max: 20, itemMax: 30 },
        { type: 'list', path: 'industryChains', label: '产业链', max: 20, itemMax: 60 },
        { type: 'list', path: 'highlights', label: '园区亮点', max: 12, itemMax: 120 },
      ],
    },
    {
      title: '核心数据',
      fields: [
        { type: 'figure', path: 'headline.area', label: '占地面积' },
        { type: 'figure', path: 'headline.investment', label: '总投资' },
        { type: 'figure', path: 'headline.enterprises', label: '入驻企业' },
        { type: 'figure', path: 'headline.signedProjects', label: '签约项目' },
        { type: 'figures', path: 'figures', label: '更多数据', max: 20 },
      ],
    },
    { title: '联系方式', fields: contactFields('园区') },
    { title: '照片', fields: [{ type: 'photos', path: 'photos', label: '照片', hint: '第一张作为封面（5:4），最多 9 张' }] },
  ],
  spaces: [
    {
      title: '载体',
      fields: [
        { type: 'text', path: 'title', label: '标题', max: 60, placeholder: '如 京德智造产业园二期标准厂房 3 号楼' },
        { type: 'select', path: 'type', label: '类型', options: options(SPACE_TYPES, SPACE_TYPE_LABELS) },
        { type: 'ref', path: 'parkId', label: '所在园区', ref: 'parks', noneLabel: '不在园区内' },
        { type: 'select', path: 'availability', label: '状态', options: options(SPACE_AVAILABILITY, SPACE_AVAILABILITY_LABELS), blank: NP },
        { type: 'figure', path: 'area', label: '面积' },
        { type: 'number', path: 'floorHeightMeters', label: '层高', unit: '米', blank: 'absent' },
        { type: 'number', path: 'floorLoadTonsPerSquareMeter', label: '承重', unit: '吨/平方米', blank: 'absent' },
        { type: 'text', path: 'price', label: '价格', max: 40, blank: NP, hint: '按公布的写，如“15 元/平方米·月”或“面议”' },
        { type: 'text', path: 'delivery', label: '交付', max: 60, blank: NP, placeholder: '如 7月可实现企业入驻' },
        { type: 'date', path: 'deliveryDate', label: '交付日期' },
        { type: 'switch', path: 'customBuild', label: '可定制建设' },
        { type: 'text', path: 'description', label: '介绍', max: 400, multiline: true },
      ],
    },
    { title: '照片', fields: [{ type: 'photos', path: 'photos', label: '照片', hint: '第一张作为封面，最多 9 张' }] },
  ],
  policies: [
    {
      title: '政策',
      fields: [
        { type: 'text', path: 'title', label: '标题', max: 60 },
        {
          type: 'select',
          path: 'kind',
          label: '类型',
          options: options(POLICY_KINDS, POLICY_KIND_LABELS),
          hint: '准入要求单独列出，不计入政策匹配',
        },
        { type: 'select', path: 'category', label: '类别', options: options(POLICY_CATEGORIES, POLICY_CATEGORY_LABELS) },
        { type: 'refs', path: 'parkIds', label: '适用园区', ref: 'parks', hint: '不选表示全开发区适用' },
        { type: 'text', path: 'summary', label: '摘要', max: 400, multiline: true },
        { type: 'text', path: 'issuer', label: '发布单位', max: 60, blank: NP },
        { type: 'text', path: 'documentNumber', label: '文号', max: 60, blank: NP, placeholder: '如 平政发〔2026〕3号' },
        { type: 'date', path: 'validFrom', label: '生效日期' },
        { type: 'date', path: 'validTo', label: '截止日期', hint: '不填则政策匹配显示“待确认”' },
      ],
    },
    {
      title: '内容',
      fields: [
        { type: 'text', path: 'eligibility', label: '适用对象', max: 400, blank: NP, multiline: true },
        { type: 'text', path: 'benefits', label: '支持内容', max: 600, blank: NP, multiline: true },
        { type: 'figure', path: 'amount', label: '支持额度' },
        { type: 'text', path: 'howToApply', label: '申报方式', max: 400, blank: NP, multiline: true },
        { type: 'links', path: 'links', label: '相关链接' },
      ],
    },
    {
      title: '匹配条件（政策匹配按这些条件逐条核对）',
      fields: [
        {
          type: 'multi',
          path: 'criteria.industries',
          label: '产业方向',
          options: INDUSTRIES.map((item) => ({ value: item.id, label: item.label })),
          blank: 'absent',
          hint: '不选表示不限产业',
        },
        { type: 'number', path: 'criteria.minInvestmentWan', label: '最低投资额', unit: '万元', blank: 'absent' },
        { type: 'number', path: 'criteria.minJobs', label: '最少新增就业', unit: '人', integer: true, blank: 'absent' },
        {
          type: 'multi',
          path: 'criteria.talentLevels',
          label: '人才层次',
          options: options(TALENT_LEVELS, TALENT_LEVEL_LABELS),
          blank: 'absent',
        },
        { type: 'switch', path: 'criteria.needsSpace', label: '仅限需要土地或厂房的项目', offAbsent: true },
      ],
    },
  ],
  enterprises: [
    {
      title: '企业',
      fields: [
        { type: 'text', path: 'name', label: '名称', max: 60 },
        { type: 'text', path: 'role', label: '角色', max: 20, placeholder: '如 链主企业、入驻企业' },
        { type: 'ref', path: 'parkId', label: '所在园区', ref: 'parks', noneLabel: '不在园区内' },
        { type: 'text', path: 'industry', label: '产业', max: 30, blank: NP },
        { type: 'text', path: 'description', label: '介绍', max: 300, multiline: true },
      ],
    },
  ],
  projects: [
    {
      title: '签约项目',
      fields: [
        { type: 'text', path: 'name', label: '名称', max: 80 },
        { type: 'select', path: 'status', label: '状态', options: options(PROJECT_STATUSES, PROJECT_STATUS_LABELS) },
        { type: 'ref', path: 'parkId', label: '所在园区', ref: 'parks', noneLabel: '不在园区内' },
        { type: 'figure', path: 'amount', label: '投资额' },
        { type: 'text', path: 'partner', label: '投资方', max: 60, blank: NP },
        { type: 'text', path: 'industry', label: '产业', max: 30, blank: NP },
        { type: 'date', path: 'date', label: '日期', hint: '“最新签约项目”按日期排序' },
        { type: 'text', path: 'dateText', label: '日期说明', max: 30, blank: NP, placeholder: '如 2026年5月18日' },
        { type: 'text', path: 'description', label: '介绍', max: 300, multiline: true },
        { type: 'number', path: 'rank', label: '排序权重', integer: true, hint: '没有日期的项目按此排序，大的在前' },
      ],
    },
  ],
  chains: [
    {
      title: '产业链',
      fields: [
        { type: 'text', path: 'name', label: '名称', max: 30, placeholder: '如 健康医药产业链' },
        { type: 'text', path: 'summary', label: '简介', max: 400, multiline: true },
        { type: 'list', path: 'gaps', label: '招商方向', max: 10, itemMax: 60, hint: '希望引进到链上的项目' },
      ],
    },
    {
      title: '链长制',
      fields: [
        { type: 'text', path: 'leaderTitle', label: '链长', max: 40, blank: NP, hint: '按公布的职务写，如“分管副县长”，不写个人联系方式' },
        { type: 'list', path: 'deputyLeaderTitles', label: '副链长', max: 5, itemMax: 40 },
        { type: 'list', path: 'ownerEnterprises', label: '链主企业', max: 10, itemMax: 60 },
        { type: 'refs', path: 'ownerEnterpriseIds', label: '链主企业（已录入的）', ref: 'enterprises' },
        { type: 'text', path: 'leadDepartment', label: '牵头部门', max: 40, blank: NP },
        { type: 'list', path: 'supportDepartments', label: '配合部门', max: 20, itemMax: 40 },
        { type: 'text', path: 'contact', label: '专班电话', max: 30, blank: NP, hint: phoneHint },
      ],
    },
    {
      title: '链上资源',
      fields: [
        { type: 'refs', path: 'parkIds', label: '园区', ref: 'parks' },
        { type: 'refs', path: 'spaceIds', label: '载体', ref: 'spaces' },
        { type: 'refs', path: 'projectIds', label: '项目', ref: 'projects' },
        { type: 'refs', path: 'policyIds', label: '政策', ref: 'policies' },
      ],
    },
  ],
  commitments: [
    {
      title: '服务承诺',
      fields: [
        { type: 'text', path: 'title', label: '名称', max: 40, placeholder: '如 店小二 24 小时响应' },
        { type: 'select', path: 'kind', label: '类型', options: options(COMMITMENT_KINDS, COMMITMENT_KIND_LABELS) },
        { type: 'text', path: 'description', label: '内容', max: 400, multiline: true },
        { type: 'figure', path: 'figure', label: '数据' },
      ],
    },
  ],
}

/** The field a path (from an error or a 资料完整度 gap) belongs to: the longest field path it starts with. */
export function fieldOf(kind: ContentKind, path: string): FieldSpec | undefined {
  const fields = FORMS[kind].flatMap((group) => group.fields)
  return fields
    .filter((field) => path === field.path || path.startsWith(`${field.path}.`) || field.path.startsWith(`${path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0]
}

/** The DOM id of a field's block (to scroll a 资料完整度 link or the first error into view). */
export const fieldDomId = (path: string) => `field-${path.replace(/\./g, '-')}`
