import { z } from 'zod'
import { PageQuery, pageOf, listOf } from './common'
import {
  Chain,
  ContentPhoto,
  Enterprise,
  IndustryId,
  Park,
  Policy,
  PolicyCategory,
  ServiceCommitment,
  SignedProject,
  Space,
  SpaceType,
  Zone,
  ZoneId,
} from './content'
import { HOME_FEATURED_PARKS, HOME_LATEST_PROJECTS, HOME_POLICY_HIGHLIGHTS, HOME_ZONE_CARDS, HOME_ZONE_FIGURES } from './vocabulary'

/** A zone as pickers, chips and the service form list it: GET /api/zones. */
export const ZoneOption = z.object({
  id: ZoneId,
  name: z.string(),
  shortName: z.string(),
  order: z.number().int(),
})
export type ZoneOption = z.infer<typeof ZoneOption>
/** Ordered by `order`, then id. */
export const ZoneOptionList = listOf(ZoneOption)
export type ZoneOptionList = z.infer<typeof ZoneOptionList>

/** Zone with counts, as the zone and park pages show it. */
export const ZoneSummary = Zone.extend({
  parkCount: z.number().int().nonnegative(),
  spaceCount: z.number().int().nonnegative(),
})
export type ZoneSummary = z.infer<typeof ZoneSummary>

/** A park as a list row / card: enough for the directory, no heavy detail. */
export const ParkCard = Park.pick({
  id: true,
  zoneId: true,
  name: true,
  summary: true,
  featured: true,
  industries: true,
  headline: true,
}).extend({
  zoneName: z.string(),
  /** The first photo, or null. */
  cover: ContentPhoto.nullable(),
  /** Types of the park's space listings. */
  spaceTypes: z.array(SpaceType),
})
export type ParkCard = z.infer<typeof ParkCard>

export const PolicyCard = Policy.pick({
  id: true,
  zoneId: true,
  title: true,
  kind: true,
  category: true,
  summary: true,
  validTo: true,
  issuer: true,
}).extend({
  zoneName: z.string(),
  expired: z.boolean(),
})
export type PolicyCard = z.infer<typeof PolicyCard>

/** A space listing with the names a list shows. */
export const SpaceCard = Space.extend({
  zoneName: z.string(),
  parkName: z.string().nullable(),
})
export type SpaceCard = z.infer<typeof SpaceCard>

export const ChainCard = Chain.pick({ id: true, zoneId: true, name: true, gaps: true }).extend({
  zoneName: z.string(),
  /** A teaser of the summary. */
  summary: z.string(),
})
export type ChainCard = z.infer<typeof ChainCard>

/** A zone as the home tab shows it: its hotlines and first figures, no sources, contacts or photos. */
export const HomeZone = ZoneSummary.omit({ sources: true, contact: true, photos: true }).extend({
  figures: ZoneSummary.shape.figures.max(HOME_ZONE_FIGURES),
  cover: ContentPhoto.nullable(),
})
export type HomeZone = z.infer<typeof HomeZone>

/** The home tab in one request, bounded whatever the number of zones and parks; the rest is paged. */
export const HomeResponse = z.object({
  /** The first zones by `order`. */
  zones: z.array(HomeZone).max(HOME_ZONE_CARDS),
  zoneCount: z.number().int().nonnegative(),
  featuredParks: z.array(ParkCard).max(HOME_FEATURED_PARKS),
  parkCount: z.number().int().nonnegative(),
  spaceCount: z.number().int().nonnegative(),
  /** Newest known date first, then editorial rank. */
  latestProjects: z.array(SignedProject).max(HOME_LATEST_PROJECTS),
  policyHighlights: z.array(PolicyCard).max(HOME_POLICY_HIGHLIGHTS),
  /** Content version; changes on every import and publish. */
  version: z.string(),
})
export type HomeResponse = z.infer<typeof HomeResponse>

export const ZoneDetail = z.object({
  zone: ZoneSummary,
  parks: z.array(ParkCard),
  spaces: z.array(SpaceCard),
  projects: z.array(SignedProject),
  enterprises: z.array(Enterprise),
  serviceCommitments: z.array(ServiceCommitment),
  policies: z.array(PolicyCard),
  chains: z.array(ChainCard),
})
export type ZoneDetail = z.infer<typeof ZoneDetail>

export const ParkDetail = z.object({
  park: Park,
  zone: ZoneSummary,
  spaces: z.array(SpaceCard),
  enterprises: z.array(Enterprise),
  signedProjects: z.array(SignedProject),
  serviceCommitments: z.array(ServiceCommitment),
  policies: z.array(PolicyCard),
  chains: z.array(ChainCard),
})
export type ParkDetail = z.infer<typeof ParkDetail>

export const PolicyDetail = z.object({
  policy: Policy,
  zone: ZoneSummary,
  expired: z.boolean(),
})
export type PolicyDetail = z.infer<typeof PolicyDetail>

const optionalText = z.string().trim().max(50).optional()
/** Query strings carry booleans as text. */
const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true')

export const ParkListQuery = PageQuery.extend({
  zoneId: ZoneId.optional(),
  /** One of the curated industries (types/industries.ts). */
  industry: IndustryId.optional(),
  spaceType: SpaceType.optional(),
  /** Minimum area in square metres of at least one of the park's space listings. */
  minArea: z.coerce.number().nonnegative().max(1e9).optional(),
  /** Free text, ranked: the park's own name, then its enterprises and projects, its summary, zone-level text. */
  q: optionalText,
})
export type ParkListQuery = z.infer<typeof ParkListQuery>
export const ParkPage = pageOf(ParkCard)
export type ParkPage = z.infer<typeof ParkPage>

export const PolicyListQuery = PageQuery.extend({
  zoneId: ZoneId.optional(),
  category: PolicyCategory.optional(),
  q: optionalText,
})
export type PolicyListQuery = z.infer<typeof PolicyListQuery>
export const PolicyPage = pageOf(PolicyCard)
export type PolicyPage = z.infer<typeof PolicyPage>

export const SpaceListQuery = PageQuery.extend({
  zoneId: ZoneId.optional(),
  parkId: z.string().trim().max(64).optional(),
  type: SpaceType.optional(),
  /** Square metres (亩, 万平方米, 公顷 converted). */
  minArea: z.coerce.number().nonnegative().max(1e9).optional(),
  maxArea: z.coerce.number().nonnegative().max(1e9).optional(),
  /** true: only 可租 / 可售. */
  available: queryFlag.optional(),
})
export type SpaceListQuery = z.infer<typeof SpaceListQuery>
export const SpacePage = pageOf(SpaceCard)
export type SpacePage = z.infer<typeof SpacePage>

export const SpaceDetail = z.object({
  space: Space,
  zone: ZoneOption,
  park: ParkCard.nullable(),
})
export type SpaceDetail = z.infer<typeof SpaceDetail>

export const ChainListQuery = z.object({ zoneId: ZoneId.optional() })
export const ChainList = listOf(ChainCard)
export type ChainList = z.infer<typeof ChainList>

export const ChainDetail = z.object({
  chain: Chain,
  zone: ZoneOption,
  parks: z.array(ParkCard),
  policies: z.array(PolicyCard),
  projects: z.array(SignedProject),
  spaces: z.array(SpaceCard),
  enterprises: z.array(Enterprise),
})
export type ChainDetail = z.infer<typeof ChainDetail>

/** GET /api/industries: the curated industries present in a zone (or anywhere), for the 产业 filter. */
export const IndustryListQuery = z.object({ zoneId: ZoneId.optional() })
export const IndustryOption = z.object({
  id: IndustryId,
  label: z.string(),
  /** Parks of the zone (or of all zones) in this industry. */
  parkCount: z.number().int().nonnegative(),
})
export const IndustryList = listOf(IndustryOption)
export type IndustryList = z.infer<typeof IndustryList>

export const IdParams = z.object({ id: z.string().min(1).max(64) })

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  contentVersion: z.string(),
})
