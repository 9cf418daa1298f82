/**
 * The contract's plain values: enumerations, their Chinese labels and the "not provided" marker.
 * No zod here, so the mini-program's main package can use them without the zod runtime; the
 * schemas in content.ts and common.ts are built from these same lists.
 */

/**
 * Marks a fact the source articles do not give (phone, address, coordinates, prices...).
 * Content must say so explicitly instead of inventing a value; the UI hides it or shows 待补充.
 */
export const NOT_PROVIDED = 'not_provided' as const

export const isProvided = <T>(value: T | typeof NOT_PROVIDED | null | undefined): value is T =>
  value !== NOT_PROVIDED && value !== null && value !== undefined

/** A zone id: a slug the content defines (whether that zone exists is the content's business). */
export const ZONE_ID_PATTERN = /^[a-z][a-z0-9-]{1,31}$/
export const isZoneIdLike = (value: unknown): value is string => typeof value === 'string' && ZONE_ID_PATTERN.test(value)

/** Figures a home zone card shows; the zone page has them all. */
export const HOME_ZONE_FIGURES = 4
/** What GET /api/home carries at most, whatever the number of zones: the rest is paged. */
export const HOME_ZONE_CARDS = 8
export const HOME_FEATURED_PARKS = 12
export const HOME_LATEST_PROJECTS = 6
export const HOME_POLICY_HIGHLIGHTS = 6

/** Photos a zone, park or space listing may carry (the first is the cover). */
export const MAX_CONTENT_PHOTOS = 9

export const SPACE_TYPES = ['land', 'factory', 'office'] as const
export const SPACE_TYPE_LABELS: Record<(typeof SPACE_TYPES)[number], string> = { land: '土地', factory: '标准厂房', office: '写字楼' }

/** Availability of a space listing (载体). */
export const SPACE_AVAILABILITY = ['for_rent', 'for_sale', 'reserved', 'occupied'] as const
export const SPACE_AVAILABILITY_LABELS: Record<(typeof SPACE_AVAILABILITY)[number], string> = {
  for_rent: '可租',
  for_sale: '可售',
  reserved: '已预订',
  occupied: '已入驻',
}
/** Listings an investor can still take (the `available=true` filter). */
export const AVAILABLE_SPACE_STATES: readonly (typeof SPACE_AVAILABILITY)[number][] = ['for_rent', 'for_sale']

export const PROJECT_STATUSES = [
  'negotiating',
  'about_to_sign',
  'signed',
  'registered',
  'about_to_start',
  'under_construction',
  'in_production',
] as const
export const PROJECT_STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], string> = {
  negotiating: '洽谈中',
  about_to_sign: '即将签约',
  signed: '已签约',
  registered: '已注册设立',
  about_to_start: '即将开工',
  under_construction: '在建',
  in_production: '已投产',
}

export const POLICY_CATEGORIES = ['land', 'tax', 'finance', 'talent', 'innovation', 'approval', 'industry'] as const
export const POLICY_CATEGORY_LABELS: Record<(typeof POLICY_CATEGORIES)[number], string> = {
  land: '土地',
  tax: '财税',
  finance: '金融',
  talent: '人才',
  innovation: '科技创新',
  approval: '审批服务',
  industry: '产业扶持',
}

/**
 * The need (types/service REQUEST_TYPES) a policy's category stands for, so 咨询店小二 from a policy opens
 * the form on the right type: the one mapping (zod-free: the policy page uses it).
 */
export const REQUEST_TYPE_OF_POLICY = {
  land: 'site',
  tax: 'policy',
  finance: 'finance',
  talent: 'talent',
  innovation: 'policy',
  approval: 'agency',
  industry: 'policy',
} as const satisfies Record<(typeof POLICY_CATEGORIES)[number], string>

/**
 * What a policy is to an investor: support the project can get (扶持政策), or a rule the project must
 * pass to be accepted (准入要求, e.g. 庆云's 三个不选). Matching scores the first and lists the second apart.
 */
export const POLICY_KINDS = ['support', 'requirement'] as const
export const POLICY_KIND_LABELS: Record<(typeof POLICY_KINDS)[number], string> = { support: '扶持政策', requirement: '准入要求' }

export const TALENT_LEVELS = ['none', 'general', 'skilled', 'high', 'top'] as const
export const TALENT_LEVEL_LABELS: Record<(typeof TALENT_LEVELS)[number], string> = {
  none: '暂无人才引进需求',
  general: '一般人才',
  skilled: '技能人才（蓝领）',
  high: '高层次人才',
  top: '顶尖人才（院士等）',
}

export const COMMITMENT_KINDS = ['service', 'approval', 'tracking', 'supervision', 'mechanism'] as const

/**
 * The kinds of content zone staff keep in the console (the path segment of /api/staff/content/{kind}),
 * in the order the console lists them.
 */
export const CONTENT_KINDS = ['zones', 'parks', 'spaces', 'policies', 'enterprises', 'projects', 'chains', 'commitments'] as const
export const CONTENT_KIND_LABELS: Record<(typeof CONTENT_KINDS)[number], string> = {
  zones: '开发区',
  parks: '园区',
  spaces: '载体',
  policies: '政策',
  enterprises: '企业',
  projects: '签约项目',
  chains: '产业链',
  commitments: '服务承诺',
}

/**
 * Photo thumbnails (GET /api/uploads/:id?w=…): the box, in pixels, a request photo's tile asks for.
 * Tiles are 98 px wide on screen; at 3 device pixels per px a larger picture is wasted bytes
 * (WeChat's 图片大小 rule: no more pixels than shown × pixel ratio²).
 */
export const PHOTO_THUMB_PX = 288
