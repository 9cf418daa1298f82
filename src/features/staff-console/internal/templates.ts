import type { ContentKind } from '@/types/console'

const NP = 'not_provided'
const noContact = { phone: NP, address: NP, location: NP }
const noHeadline = { area: NP, investment: NP, enterprises: NP, signedProjects: NP }

/** Short words for generated ids (qingyun-space-m3k9…): ids are lowercase slugs, titles are Chinese. */
const ID_WORDS: Record<ContentKind, string> = {
  zones: 'zone',
  parks: 'park',
  spaces: 'space',
  policies: 'policy',
  enterprises: 'enterprise',
  projects: 'project',
  chains: 'chain',
  commitments: 'commitment',
}

/** A new record's id: the zone, the kind and a time-based suffix (unique enough within a zone). */
export function newRecordId(kind: ContentKind, zoneId: string, now: number = Date.now(), random: () => number = Math.random): string {
  const suffix = `${now.toString(36)}${Math.floor(random() * 36 ** 3)
    .toString(36)
    .padStart(3, '0')}`
  return `${zoneId}-${ID_WORDS[kind]}-${suffix}`
}

/** An empty record of a kind for the zone: every fact 'not_provided', lists empty. */
export function newRecord(kind: Exclude<ContentKind, 'zones'>, zoneId: string, id: string): Record<string, unknown> {
  const base = { id, zoneId }
  switch (kind) {
    case 'parks':
      return {
        ...base,
        name: '',
        summary: '',
        featured: false,
        order: 0,
        industries: [],
        industryChains: [],
        headline: noHeadline,
        figures: [],
        highlights: [],
        contact: noContact,
        photos: [],
      }
    case 'spaces':
      return {
        ...base,
        parkId: null,
        type: 'factory',
        title: '',
        description: '',
        area: NP,
        price: NP,
        availability: NP,
        delivery: NP,
        deliveryDate: NP,
        customBuild: false,
        photos: [],
      }
    case 'policies':
      return {
        ...base,
        parkIds: [],
        title: '',
        kind: 'support',
        category: 'industry',
        summary: '',
        eligibility: NP,
        benefits: NP,
        amount: NP,
        howToApply: NP,
        validFrom: NP,
        validTo: NP,
        issuer: NP,
        documentNumber: NP,
        links: [],
        criteria: {},
      }
    case 'enterprises':
      return { ...base, parkId: null, name: '', role: '入驻企业', industry: NP, description: '' }
    case 'projects':
      return {
        ...base,
        parkId: null,
        name: '',
        status: 'signed',
        amount: NP,
        partner: NP,
        industry: NP,
        dateText: NP,
        date: NP,
        description: '',
        rank: 0,
      }
    case 'chains':
      return {
        ...base,
        name: '',
        summary: '',
        leaderTitle: NP,
        deputyLeaderTitles: [],
        ownerEnterprises: [],
        ownerEnterpriseIds: [],
        leadDepartment: NP,
        supportDepartments: [],
        contact: NP,
        parkIds: [],
        policyIds: [],
        projectIds: [],
        spaceIds: [],
        gaps: [],
      }
    case 'commitments':
      return { ...base, title: '', kind: 'service', description: '', figure: NP }
  }
}

/** A new zone as an admin creates it: names, ticket prefix and order; the rest its staff fill in. */
export function newZone(fields: { id: string; name: string; shortName: string; ticketPrefix: string; order: number; summary: string }) {
  return {
    ...fields,
    leadingIndustries: [],
    figures: [],
    contact: noContact,
    investmentHotline: NP,
    supervisionHotline: NP,
    officeHours: NP,
    photos: [],
    sources: [],
  }
}

/** What a draft's body carries: the record as the contract defines it, without what only the API sets. */
export function toDraftBody(record: Record<string, unknown>): Record<string, unknown> {
  const { updatedAt: _updatedAt, ...body } = record
  return body
}

/** The name a list shows for a record of any kind. */
export const recordTitle = (record: Record<string, unknown> | null | undefined): string =>
  String(record?.name ?? record?.title ?? record?.id ?? '')
