/**
 * Test fixtures built from the real seed content (cloud/content), shaped like the API answers.
 * Only tests import this module.
 */
import { z } from 'zod'
import { taroMock } from './taro'
import { Chain, Enterprise, Park, Policy, ServiceCommitment, SignedProject, Space, Zone } from '@/types/content'
import {
  type HomeResponse,
  type ParkCard,
  type ParkDetail,
  type PolicyCard,
  type PolicyDetail,
  type ChainDetail,
  type SpaceCard,
  type SpaceDetail,
  type ZoneDetail,
  type ZoneOptionList,
  type ZoneSummary,
} from '@/types/content-api'
import { compareLatestProjects, toChainCard, toHomeZone, toParkCard, toPolicyCard, toSpaceCard, toZoneOption } from '@/types/cards'
import zonesJson from '../../cloud/content/zones.json'
import parksJson from '../../cloud/content/parks.json'
import policiesJson from '../../cloud/content/policies.json'
import projectsJson from '../../cloud/content/signed-projects.json'
import commitmentsJson from '../../cloud/content/service-commitments.json'
import enterprisesJson from '../../cloud/content/enterprises.json'
import spacesJson from '../../cloud/content/spaces.json'
import chainsJson from '../../cloud/content/chains.json'

export const zones = z.array(Zone).parse(zonesJson)
export const parks = z.array(Park).parse(parksJson)
export const policies = z.array(Policy).parse(policiesJson)
export const projects = z.array(SignedProject).parse(projectsJson)
export const commitments = z.array(ServiceCommitment).parse(commitmentsJson)
export const enterprises = z.array(Enterprise).parse(enterprisesJson)
export const spaces = z.array(Space).parse(spacesJson)
export const chains = z.array(Chain).parse(chainsJson)

export const TODAY = '2026-11-21'

export const zoneSummary = (zoneId: string): ZoneSummary => {
  const zone = zones.find((item) => item.id === zoneId)
  if (!zone) throw new Error(`no zone ${zoneId}`)
  return {
    ...zone,
    parkCount: parks.filter((park) => park.zoneId === zoneId).length,
    spaceCount: spaces.filter((space) => space.zoneId === zoneId).length,
  }
}

export const parkCard = (park: Park): ParkCard =>
  toParkCard(
    park,
    zoneSummary(park.zoneId).name,
    spaces.filter((space) => space.parkId === park.id),
  )

export const policyCard = (policy: Policy): PolicyCard => toPolicyCard(policy, zoneSummary(policy.zoneId).name, TODAY)

/** GET /api/home as the API builds it from the seed content. */
export const homeResponse = (version = 'v1'): HomeResponse => ({
  zones: zones.map((zone) => toHomeZone(zoneSummary(zone.id))),
  zoneCount: zones.length,
  featuredParks: parks.filter((park) => park.featured).map(parkCard),
  parkCount: parks.length,
  spaceCount: spaces.length,
  latestProjects: [...projects].sort(compareLatestProjects).slice(0, 6),
  policyHighlights: policies
    .filter((policy) => policy.kind === 'support')
    .slice(0, 6)
    .map(policyCard),
  version,
})

/** GET /api/zones. */
export const zoneOptions = (): ZoneOptionList => ({ items: zones.map(toZoneOption) })

/** GET /api/parks: every park on one page. */
export const parkPage = () => ({ items: parks.map(parkCard), nextCursor: null, total: parks.length })

export const parkById = (id: string): Park => {
  const park = parks.find((item) => item.id === id)
  if (!park) throw new Error(`no park ${id}`)
  return park
}

export const parkDetail = (id: string, patch: (park: Park) => Park = (park) => park): ParkDetail => {
  const park = patch(parkById(id))
  return {
    park,
    zone: zoneSummary(park.zoneId),
    spaces: spaces
      .filter((space) => space.parkId === park.id)
      .map((space) => toSpaceCard(space, zoneSummary(space.zoneId).name, park.name)),
    chains: chains.filter((chain) => chain.parkIds.includes(park.id)).map((chain) => toChainCard(chain, zoneSummary(chain.zoneId).name)),
    enterprises: enterprises.filter((item) => item.parkId === park.id || (item.parkId === null && item.zoneId === park.zoneId)),
    signedProjects: projects.filter((item) => item.parkId === park.id || (item.parkId === null && item.zoneId === park.zoneId)),
    serviceCommitments: commitments.filter((item) => item.zoneId === park.zoneId),
    policies: policies
      .filter((item) => item.zoneId === park.zoneId && (item.parkIds.length === 0 || item.parkIds.includes(park.id)))
      .map(policyCard),
  }
}

export const policyDetail = (id: string, patch: (policy: Policy) => Policy = (policy) => policy): PolicyDetail => {
  const found = policies.find((item) => item.id === id)
  if (!found) throw new Error(`no policy ${id}`)
  const policy = patch(found)
  return { policy, zone: zoneSummary(policy.zoneId), expired: policyCard(policy).expired }
}

export const spaceCard = (space: (typeof spaces)[number]): SpaceCard =>
  toSpaceCard(space, zoneSummary(space.zoneId).name, space.parkId ? parkById(space.parkId).name : null)

/** GET /api/zones/{id} as the API builds it from the seed content. */
export const zoneDetail = (zoneId: string, patch: (zone: ZoneSummary) => ZoneSummary = (zone) => zone): ZoneDetail => ({
  zone: patch(zoneSummary(zoneId)),
  parks: parks.filter((park) => park.zoneId === zoneId).map(parkCard),
  spaces: spaces.filter((space) => space.zoneId === zoneId).map(spaceCard),
  projects: projects.filter((project) => project.zoneId === zoneId).sort(compareLatestProjects),
  enterprises: enterprises.filter((enterprise) => enterprise.zoneId === zoneId),
  serviceCommitments: commitments.filter((commitment) => commitment.zoneId === zoneId),
  policies: policies.filter((policy) => policy.zoneId === zoneId).map(policyCard),
  chains: chains.filter((chain) => chain.zoneId === zoneId).map((chain) => toChainCard(chain, zoneSummary(zoneId).name)),
})

/** GET /api/spaces/{id}. */
export const spaceDetail = (
  spaceId: string,
  patch: (space: (typeof spaces)[number]) => (typeof spaces)[number] = (space) => space,
): SpaceDetail => {
  const found = spaces.find((space) => space.id === spaceId)
  if (!found) throw new Error(`no space ${spaceId}`)
  const space = patch(found)
  return { space, zone: toZoneOption(zoneSummary(space.zoneId)), park: space.parkId ? parkCard(parkById(space.parkId)) : null }
}

/** GET /api/chains/{id}. */
export const chainDetail = (chainId: string): ChainDetail => {
  const chain = chains.find((item) => item.id === chainId)
  if (!chain) throw new Error(`no chain ${chainId}`)
  return {
    chain,
    zone: toZoneOption(zoneSummary(chain.zoneId)),
    parks: parks.filter((park) => chain.parkIds.includes(park.id)).map(parkCard),
    policies: policies.filter((policy) => chain.policyIds.includes(policy.id)).map(policyCard),
    projects: projects.filter((project) => chain.projectIds.includes(project.id)),
    spaces: spaces.filter((space) => chain.spaceIds.includes(space.id)).map(spaceCard),
    enterprises: enterprises.filter((enterprise) => chain.ownerEnterpriseIds.includes(enterprise.id)),
  }
}

type Answer = { statusCode: number; data: unknown }
type Route = (
  url: URL,
  request: { method: string; data?: unknown; header?: Record<string, string> },
) => Answer | Promise<Answer> | undefined

/** Answers requests by path; unmatched paths get the API's 404. */
export function serveApi(routes: Record<string, Route>): void {
  taroMock.onRequest(async (options) => {
    const url = new URL(options.url)
    const method = options.method ?? 'GET'
    for (const [pattern, route] of Object.entries(routes)) {
      const [routeMethod, routePath] = pattern.includes(' ') ? pattern.split(' ') : ['GET', pattern]
      const regex = new RegExp(`^${routePath.replace(/:[a-zA-Z]+/g, '[^/]+')}$`)
      if (routeMethod === method && regex.test(url.pathname)) {
        const answer = await route(url, { method, data: options.data, header: options.header })
        if (answer) return answer
      }
    }
    return { statusCode: 404, data: { error: { code: 'not_found', message: '未找到' } } }
  })
}

export const ok = (data: unknown): Answer => ({ statusCode: 200, data })
export const offline = (): Promise<Answer> => Promise.reject(new Error('request:fail'))

/** A promise you resolve later: holds a request open to see what renders before it returns. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
