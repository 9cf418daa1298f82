import { z } from 'zod'
import { Figure, SlugId, SourceFile, orNotProvided } from './common'
import { COMMITMENT_KINDS, POLICY_CATEGORIES, PROJECT_STATUSES, SPACE_TYPES, TALENT_LEVELS, ZONE_IDS } from './vocabulary'

export const ZoneId = z.enum(ZONE_IDS)
export type ZoneId = z.infer<typeof ZoneId>

export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

export const Coordinates = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})

/** How to reach a zone or park. Unknown facts stay 'not_provided', never invented. */
export const Contact = z.object({
  phone: orNotProvided(z.string().min(3).max(30)),
  address: orNotProvided(z.string().min(2).max(120)),
  location: orNotProvided(Coordinates),
})
export type Contact = z.infer<typeof Contact>

export const Zone = z.object({
  id: ZoneId,
  /** Official name as the article uses it: 庆云县, 平原经济开发区 ... */
  name: z.string().min(2).max(40),
  shortName: z.string().min(1).max(10),
  summary: z.string().min(10).max(600),
  leadingIndustries: z.array(z.string().min(1).max(30)).max(20),
  figures: z.array(Figure).max(20),
  contact: Contact,
  /** 监督热线: the number, or 'not_provided' when the article only says one exists. */
  supervisionHotline: orNotProvided(z.string().min(3).max(30)),
  sources: z.array(SourceFile).min(1),
})
export type Zone = z.infer<typeof Zone>

export const SpaceType = z.enum(SPACE_TYPES)
export type SpaceType = z.infer<typeof SpaceType>

/** A land, 标准厂房 or office listing inside a park. */
export const Space = z.object({
  id: SlugId,
  type: SpaceType,
  title: z.string().min(2).max(60),
  description: z.string().max(400),
  area: orNotProvided(Figure),
  /** Price text as published, or 面议 when the source says so; otherwise not provided. */
  price: orNotProvided(z.string().min(1).max(40)),
  /** Delivery as the article states it (e.g. "5月底封顶，7月可入驻"). */
  delivery: orNotProvided(z.string().min(1).max(60)),
  customBuild: z.boolean(),
  source: SourceFile,
})
export type Space = z.infer<typeof Space>

/** The four hero figures of a park; any can be missing from the sources. */
export const ParkHeadline = z.object({
  area: orNotProvided(Figure),
  investment: orNotProvided(Figure),
  enterprises: orNotProvided(Figure),
  signedProjects: orNotProvided(Figure),
})

export const Park = z.object({
  id: SlugId,
  zoneId: ZoneId,
  name: z.string().min(2).max(40),
  summary: z.string().min(10).max(600),
  featured: z.boolean(),
  /** Display order inside the zone (the article's order). */
  order: z.number().int().min(0),
  industries: z.array(z.string().min(1).max(30)).max(20),
  industryChains: z.array(z.string().min(1).max(60)).max(20),
  headline: ParkHeadline,
  /** More figures the article gives about this park (e.g. 京津企业占比 80%). */
  figures: z.array(Figure).max(20),
  highlights: z.array(z.string().min(2).max(120)).max(12),
  spaces: z.array(Space).max(20),
  contact: Contact,
  /** Cover image (5:4) URL when one exists; the sources provide none yet. */
  image: orNotProvided(z.string().url()),
  source: SourceFile,
})
export type Park = z.infer<typeof Park>

export const Enterprise = z.object({
  id: SlugId,
  zoneId: ZoneId,
  parkId: SlugId.nullable(),
  name: z.string().min(2).max(60),
  /** Its role as the article puts it: 链主企业, 龙头企业, 入驻企业, 合作企业 ... */
  role: z.string().min(2).max(20),
  industry: orNotProvided(z.string().min(1).max(30)),
  description: z.string().max(300),
  source: SourceFile,
})
export type Enterprise = z.infer<typeof Enterprise>

export const ProjectStatus = z.enum(PROJECT_STATUSES)
export type ProjectStatus = z.infer<typeof ProjectStatus>

export const SignedProject = z.object({
  id: SlugId,
  zoneId: ZoneId,
  parkId: SlugId.nullable(),
  name: z.string().min(2).max(80),
  status: ProjectStatus,
  amount: orNotProvided(Figure),
  /** Partner / investor as named in the article. */
  partner: orNotProvided(z.string().min(2).max(60)),
  industry: orNotProvided(z.string().min(1).max(30)),
  /** Date as the article gives it (often without a year: "5月18日"). */
  dateText: orNotProvided(z.string().min(2).max(30)),
  description: z.string().max(300),
  /** Higher first in "latest signed projects"; articles rarely give full dates. */
  rank: z.number().int().min(0),
  source: SourceFile,
})
export type SignedProject = z.infer<typeof SignedProject>

export const PolicyCategory = z.enum(POLICY_CATEGORIES)
export type PolicyCategory = z.infer<typeof PolicyCategory>

export const TalentLevel = z.enum(TALENT_LEVELS)
export type TalentLevel = z.infer<typeof TalentLevel>

/**
 * Eligibility criteria as data. Absent key = no condition of that kind.
 * Only conditions the source article states may appear here.
 */
export const PolicyCriteria = z.object({
  /** Project industry must contain one of these keywords (substring match). */
  industries: z.array(z.string().min(1).max(30)).max(20).optional(),
  minInvestmentWan: z.number().nonnegative().optional(),
  minJobs: z.number().int().nonnegative().optional(),
  /** Applies when the project brings talent at one of these levels. */
  talentLevels: z.array(TalentLevel).min(1).optional(),
  /** Applies only to projects that need land or space. */
  needsSpace: z.literal(true).optional(),
})
export type PolicyCriteria = z.infer<typeof PolicyCriteria>

export const Policy = z.object({
  id: SlugId,
  zoneId: ZoneId,
  /** Parks it is limited to; empty means the whole zone. */
  parkIds: z.array(SlugId),
  title: z.string().min(2).max(60),
  category: PolicyCategory,
  summary: z.string().min(10).max(400),
  eligibility: orNotProvided(z.string().min(2).max(400)),
  benefits: orNotProvided(z.string().min(2).max(600)),
  amount: orNotProvided(Figure),
  howToApply: orNotProvided(z.string().min(2).max(400)),
  validFrom: orNotProvided(DateString),
  validTo: orNotProvided(DateString),
  issuer: orNotProvided(z.string().min(2).max(60)),
  criteria: PolicyCriteria,
  source: SourceFile,
})
export type Policy = z.infer<typeof Policy>

export const CommitmentKind = z.enum(COMMITMENT_KINDS)

/** A promise the zone makes to investors: 店小二 24 小时服务, 一次办好 1235 项, 监督热线 ... */
export const ServiceCommitment = z.object({
  id: SlugId,
  zoneId: ZoneId,
  title: z.string().min(2).max(40),
  kind: CommitmentKind,
  description: z.string().min(4).max(400),
  figure: orNotProvided(Figure),
  source: SourceFile,
})
export type ServiceCommitment = z.infer<typeof ServiceCommitment>

/** Everything under cloud/content/, as one validated bundle. */
export const ContentBundle = z.object({
  zones: z.array(Zone),
  parks: z.array(Park),
  enterprises: z.array(Enterprise),
  signedProjects: z.array(SignedProject),
  policies: z.array(Policy),
  serviceCommitments: z.array(ServiceCommitment),
})
export type ContentBundle = z.infer<typeof ContentBundle>
