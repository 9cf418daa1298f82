import { z } from 'zod'
import { PageQuery, pageOf, listOf } from './common'
import { Enterprise, Park, Policy, PolicyCategory, ServiceCommitment, SignedProject, SpaceType, Zone, ZoneId } from './content'
import { HOME_ZONE_FIGURES } from './vocabulary'

/** Zone with counts, as the home page and zone switcher show it. */
export const ZoneSummary = Zone.extend({
  parkCount: z.number().int().nonnegative(),
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
  image: true,
}).extend({
  zoneName: z.string(),
  spaceTypes: z.array(SpaceType),
})
export type ParkCard = z.infer<typeof ParkCard>

export const PolicyCard = Policy.pick({
  id: true,
  zoneId: true,
  title: true,
  category: true,
  summary: true,
  validTo: true,
  issuer: true,
}).extend({
  zoneName: z.string(),
  expired: z.boolean(),
})
export type PolicyCard = z.infer<typeof PolicyCard>

/** A zone as the home tab and the zone pickers use it: its hotline, no sources or contacts, its first figures only. */
export const HomeZone = ZoneSummary.omit({ sources: true, contact: true }).extend({
  figures: ZoneSummary.shape.figures.max(HOME_ZONE_FIGURES),
})
export type HomeZone = z.infer<typeof HomeZone>

export const HomeResponse = z.object({
  zones: z.array(HomeZone),
  /** Every park as a card, grouped by the client with zoneId; featured ones carry `featured`. */
  parks: z.array(ParkCard),
  latestProjects: z.array(SignedProject),
  policyHighlights: z.array(PolicyCard),
  /** Content version; changes on every import. */
  version: z.string(),
})
export type HomeResponse = z.infer<typeof HomeResponse>

export const ZoneDetail = z.object({
  zone: ZoneSummary,
  parks: z.array(ParkCard),
  serviceCommitments: z.array(ServiceCommitment),
  policies: z.array(PolicyCard),
  signedProjects: z.array(SignedProject),
})
export type ZoneDetail = z.infer<typeof ZoneDetail>

export const ParkDetail = z.object({
  park: Park,
  zone: ZoneSummary,
  enterprises: z.array(Enterprise),
  signedProjects: z.array(SignedProject),
  serviceCommitments: z.array(ServiceCommitment),
  policies: z.array(PolicyCard),
})
export type ParkDetail = z.infer<typeof ParkDetail>

export const PolicyDetail = z.object({
  policy: Policy,
  zone: ZoneSummary,
  expired: z.boolean(),
})
export type PolicyDetail = z.infer<typeof PolicyDetail>

const optionalText = z.string().trim().max(50).optional()

export const ParkListQuery = PageQuery.extend({
  zoneId: ZoneId.optional(),
  industry: optionalText,
  spaceType: SpaceType.optional(),
  /** Minimum area in square metres of at least one available space. */
  minArea: z.coerce.number().nonnegative().max(1e9).optional(),
  /** Free text over park names, industries and enterprises (substring match). */
  q: optionalText,
})
export type ParkListQuery = z.infer<typeof ParkListQuery>
export const ParkPage = pageOf(ParkCard)
export type ParkPage = z.infer<typeof ParkPage>

export const PolicyListQuery = z.object({
  zoneId: ZoneId.optional(),
  category: PolicyCategory.optional(),
  q: optionalText,
})
export type PolicyListQuery = z.infer<typeof PolicyListQuery>
export const PolicyList = listOf(PolicyCard)
export type PolicyList = z.infer<typeof PolicyList>
export const ZoneList = listOf(ZoneSummary)
export type ZoneList = z.infer<typeof ZoneList>

export const IdParams = z.object({ id: z.string().min(1).max(64) })

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  contentVersion: z.string(),
})
