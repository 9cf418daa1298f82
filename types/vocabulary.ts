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

/** Zone ids are fixed by the product: the five development zones / counties of the seeds. */
export const ZONE_IDS = ['qingyun', 'pingyuan', 'zouping', 'gaoqing', 'yunhe'] as const

/** Figures a home zone card shows; the zone page has them all. */
export const HOME_ZONE_FIGURES = 4

export const SPACE_TYPES = ['land', 'factory', 'office'] as const
export const SPACE_TYPE_LABELS: Record<(typeof SPACE_TYPES)[number], string> = { land: '土地', factory: '标准厂房', office: '写字楼' }

export const PROJECT_STATUSES = ['negotiating', 'about_to_sign', 'signed', 'under_construction', 'in_production'] as const
export const PROJECT_STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], string> = {
  negotiating: '洽谈中',
  about_to_sign: '即将签约',
  signed: '已签约',
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
 * Photo thumbnails (GET /api/uploads/:id?w=…): the box, in pixels, a request photo's tile asks for.
 * Tiles are 98 px wide on screen; at 3 device pixels per px a larger picture is wasted bytes
 * (WeChat's 图片大小 rule: no more pixels than shown × pixel ratio²).
 */
export const PHOTO_THUMB_PX = 288
