import { z } from 'zod'
import { Figure, SlugId, SourceFile, orNotProvided } from './common'
import { INDUSTRY_IDS } from './industries'
import { TICKET_PREFIX_PATTERN } from './tickets'
import {
  COMMITMENT_KINDS,
  MAX_CONTENT_PHOTOS,
  POLICY_CATEGORIES,
  POLICY_KINDS,
  PROJECT_STATUSES,
  SPACE_AVAILABILITY,
  SPACE_TYPES,
  TALENT_LEVELS,
  ZONE_ID_PATTERN,
} from './vocabulary'

/**
 * Zones are records (cloud/content/zones.json, or created by an admin): any slug is a well-formed id.
 * Whether a zone exists is the content's business (404 zone_not_found / 400 `zoneId: 没有这个开发区`).
 */
export const ZoneId = z.string().regex(ZONE_ID_PATTERN, '开发区编号应为 2–32 位小写字母、数字或连字符，以字母开头')
export type ZoneId = z.infer<typeof ZoneId>

export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

/** Set by the API when the record is published from the console; never by the client. */
export const UpdatedAt = z.iso.datetime({ offset: true, error: '应为 ISO 时间' })

export const Coordinates = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})

const Phone = z.string().trim().min(3).max(30)

/** How to reach a zone or park. Unknown facts stay 'not_provided', never invented. */
export const Contact = z.object({
  phone: orNotProvided(Phone),
  address: orNotProvided(z.string().min(2).max(120)),
  location: orNotProvided(Coordinates),
})
export type Contact = z.infer<typeof Contact>

/** A photo staff uploaded (POST /api/staff/uploads); served by GET /api/media/{id}. */
export const ContentPhoto = z.object({
  id: z.uuid('图片编号无效'),
  alt: z.string().trim().max(60, '图片说明不能超过 60 个字'),
})
export type ContentPhoto = z.infer<typeof ContentPhoto>
const Photos = z.array(ContentPhoto).max(MAX_CONTENT_PHOTOS, `最多 ${MAX_CONTENT_PHOTOS} 张图片`)

export const Zone = z.object({
  id: ZoneId,
  /** Official name as the article uses it: 庆云县, 平原经济开发区 ... */
  name: z.string().min(2).max(40),
  shortName: z.string().min(1).max(10),
  /** Ticket numbers' prefix (QY-20261121-0007); unique among zones, kept by issued numbers for good. */
  ticketPrefix: z.string().regex(TICKET_PREFIX_PATTERN, '工单前缀应为 2–4 个大写字母'),
  /** Display order among zones (then id). */
  order: z.number().int().min(0),
  summary: z.string().min(10).max(600),
  leadingIndustries: z.array(z.string().min(1).max(30)).max(20),
  figures: z.array(Figure).max(40),
  /** The general office phone, address and map point. */
  contact: Contact,
  /** 招商热线. */
  investmentHotline: orNotProvided(Phone),
  /** 监督热线: the number, or 'not_provided' when the article only says one exists. */
  supervisionHotline: orNotProvided(Phone),
  officeHours: orNotProvided(z.string().trim().min(2).max(60)),
  photos: Photos,
  /** Articles the record comes from; empty for a zone created in the console. */
  sources: z.array(SourceFile),
  updatedAt: UpdatedAt.optional(),
})
export type Zone = z.infer<typeof Zone>

export const SpaceType = z.enum(SPACE_TYPES)
export type SpaceType = z.infer<typeof SpaceType>
export const SpaceAvailability = z.enum(SPACE_AVAILABILITY)
export type SpaceAvailability = z.infer<typeof SpaceAvailability>

/** A space listing (载体): land, 标准厂房 or office, in a park or directly in the zone. */
export const Space = z.object({
  id: SlugId,
  zoneId: ZoneId,
  parkId: SlugId.nullable(),
  type: SpaceType,
  title: z.string().min(2).max(60),
  description: z.string().max(400),
  area: orNotProvided(Figure),
  floorHeightMeters: z.number().gt(0).max(50).optional(),
  floorLoadTonsPerSquareMeter: z.number().gt(0).max(100).optional(),
  /** Price text as published, or 面议 when the source says so; otherwise not provided. */
  price: orNotProvided(z.string().min(1).max(40)),
  availability: orNotProvided(SpaceAvailability),
  /** Delivery as stated: "5月底封顶，7月可实现企业入驻". */
  delivery: orNotProvided(z.string().min(1).max(60)),
  /** When a full delivery date is known. */
  deliveryDate: orNotProvided(DateString),
  customBuild: z.boolean(),
  photos: Photos,
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
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
  /** As the article or zone words them; each belongs to the curated list (types/industries.ts). */
  industries: z.array(z.string().min(1).max(30)).max(20),
  industryChains: z.array(z.string().min(1).max(60)).max(20),
  headline: ParkHeadline,
  /** More figures the article gives about this park (e.g. 京津企业占比 80%). */
  figures: z.array(Figure).max(20),
  highlights: z.array(z.string().min(2).max(120)).max(12),
  contact: Contact,
  /** The first is the cover (5:4). */
  photos: Photos,
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
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
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
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
  /** The date as the article gives it (often without a year: "5月18日"). */
  dateText: orNotProvided(z.string().min(2).max(30)),
  /** The full date, when known: 最新签约项目 are ordered by it (known first, newest first). */
  date: orNotProvided(DateString),
  description: z.string().max(300),
  /** Editorial order among projects without a date (higher first). */
  rank: z.number().int().min(0),
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
})
export type SignedProject = z.infer<typeof SignedProject>

export const PolicyCategory = z.enum(POLICY_CATEGORIES)
export type PolicyCategory = z.infer<typeof PolicyCategory>
export const PolicyKind = z.enum(POLICY_KINDS)
export type PolicyKind = z.infer<typeof PolicyKind>

export const TalentLevel = z.enum(TALENT_LEVELS)
export type TalentLevel = z.infer<typeof TalentLevel>

export const IndustryId = z.enum(INDUSTRY_IDS, { error: '请选择产业' })

/**
 * Eligibility criteria as data. Absent key = no condition of that kind.
 * Only conditions the source states may appear here.
 */
export const PolicyCriteria = z.object({
  /** The project's industry must be one of these (the curated list). */
  industries: z.array(IndustryId).min(1).max(20).optional(),
  minInvestmentWan: z.number().nonnegative().optional(),
  minJobs: z.number().int().nonnegative().optional(),
  /** Applies when the project brings talent at one of these levels. */
  talentLevels: z.array(TalentLevel).min(1).optional(),
  /** Applies only to projects that need land or space. */
  needsSpace: z.literal(true).optional(),
})
export type PolicyCriteria = z.infer<typeof PolicyCriteria>

export const PolicyLink = z.object({
  title: z.string().trim().min(1).max(40),
  url: z.url({ protocol: /^https$/, error: '应为 https:// 开头的网址' }),
})

export const Policy = z.object({
  id: SlugId,
  zoneId: ZoneId,
  /** Parks it is limited to; empty means the whole zone. */
  parkIds: z.array(SlugId),
  title: z.string().min(2).max(60),
  kind: PolicyKind,
  category: PolicyCategory,
  summary: z.string().min(10).max(400),
  /** Conditions as written; `criteria` holds those matching can check. */
  eligibility: orNotProvided(z.string().min(2).max(400)),
  benefits: orNotProvided(z.string().min(2).max(600)),
  amount: orNotProvided(Figure),
  howToApply: orNotProvided(z.string().min(2).max(400)),
  validFrom: orNotProvided(DateString),
  validTo: orNotProvided(DateString),
  issuer: orNotProvided(z.string().min(2).max(60)),
  /** 文号: 高政发〔2024〕3号. */
  documentNumber: orNotProvided(z.string().trim().min(2).max(60)),
  links: z.array(PolicyLink).max(5),
  criteria: PolicyCriteria,
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
})
export type Policy = z.infer<typeof Policy>

/** An industry chain team (链长制): who leads it, its 链主, the places and projects on it, its gaps. */
export const Chain = z.object({
  id: SlugId,
  zoneId: ZoneId,
  name: z.string().min(2).max(30),
  summary: z.string().max(400),
  /** 链长 by title as published (分管副县长), never a private contact. */
  leaderTitle: orNotProvided(z.string().trim().min(2).max(40)),
  deputyLeaderTitles: z.array(z.string().trim().min(2).max(40)).max(5),
  /** 链主 enterprises, named as published. */
  ownerEnterprises: z.array(z.string().trim().min(2).max(60)).max(10),
  /** Those 链主 that are Enterprise records. */
  ownerEnterpriseIds: z.array(SlugId).max(10),
  leadDepartment: orNotProvided(z.string().trim().min(2).max(40)),
  supportDepartments: z.array(z.string().trim().min(2).max(40)).max(20),
  /** The chain team's public phone. */
  contact: orNotProvided(Phone),
  parkIds: z.array(SlugId),
  policyIds: z.array(SlugId),
  projectIds: z.array(SlugId),
  spaceIds: z.array(SlugId),
  /** 招商方向: what the zone wants to bring onto the chain. */
  gaps: z.array(z.string().trim().min(2).max(60)).max(10),
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
})
export type Chain = z.infer<typeof Chain>

export const CommitmentKind = z.enum(COMMITMENT_KINDS)

/** A promise the zone makes to investors: 店小二 24 小时服务, 一次办好 1235 项, 监督热线 ... */
export const ServiceCommitment = z.object({
  id: SlugId,
  zoneId: ZoneId,
  title: z.string().min(2).max(40),
  kind: CommitmentKind,
  description: z.string().min(4).max(400),
  figure: orNotProvided(Figure),
  source: SourceFile.optional(),
  updatedAt: UpdatedAt.optional(),
})
export type ServiceCommitment = z.infer<typeof ServiceCommitment>

/** Everything under cloud/content/, as one validated bundle. */
export const ContentBundle = z.object({
  zones: z.array(Zone),
  parks: z.array(Park),
  spaces: z.array(Space),
  enterprises: z.array(Enterprise),
  signedProjects: z.array(SignedProject),
  policies: z.array(Policy),
  chains: z.array(Chain),
  serviceCommitments: z.array(ServiceCommitment),
})
export type ContentBundle = z.infer<typeof ContentBundle>
