import type { ContentBundle, Park, Zone } from '../../types/content'

export type ScaleSize = { zones: number; parksPerZone: number; policies: number; projects: number }

/** The size issue 11 asks the content to handle. */
export const ISSUE_11_SCALE: ScaleSize = { zones: 200, parksPerZone: 15, policies: 1000, projects: 5000 }

/** AA, AB … ZZ, then AAA …: a distinct ticket prefix per generated zone. */
const prefixOf = (index: number): string => {
  const letters = (n: number, width: number) =>
    Array.from({ length: width }, (_, at) => String.fromCharCode(65 + (Math.floor(n / 26 ** (width - 1 - at)) % 26))).join('')
  return index < 26 * 26 ? letters(index, 2) : letters(index - 26 * 26, 3)
}

/**
 * Many zones made from the seed records (their text and sources reused, ids, names and links
 * renumbered), valid for the content rules; every park featured and every zone with the most
 * figures, so lists are as large as they can be. Test and benchmark content only.
 */
export const generateContent = (seed: ContentBundle, size: ScaleSize): ContentBundle => {
  const out: ContentBundle = {
    zones: [],
    parks: [],
    spaces: [],
    enterprises: [],
    signedProjects: [],
    policies: [],
    chains: [],
    serviceCommitments: [],
  }
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]
  const perZone = (total: number, zone: number) => Math.floor(total / size.zones) + (zone < total % size.zones ? 1 : 0)

  for (let z = 0; z < size.zones; z++) {
    const template: Zone = pick(seed.zones, z)
    const zoneId = `gen-${z}-${template.id}`.slice(0, 32)
    const figures = Array.from({ length: 40 }, (_, n) => ({
      ...pick(template.figures, n),
      label: `${pick(template.figures, n).label}${n}`,
    }))
    out.zones.push({
      ...template,
      id: zoneId,
      name: `${template.name}${z}`.slice(0, 40),
      shortName: `${template.shortName}${z}`.slice(0, 10),
      ticketPrefix: prefixOf(z),
      order: z,
      figures,
    })

    const parkIds: string[] = []
    for (let p = 0; p < size.parksPerZone; p++) {
      const park: Park = pick(seed.parks, z * size.parksPerZone + p)
      const id = `${zoneId}-p${p}`
      parkIds.push(id)
      out.parks.push({ ...park, id, zoneId, name: `${park.name}${z}-${p}`.slice(0, 40), featured: true, order: p })
    }
    const parkOf = (n: number) => (n % 3 === 2 ? null : pick(parkIds, n))

    seed.spaces.forEach((space, n) => out.spaces.push({ ...space, id: `${zoneId}-s${n}`, zoneId, parkId: parkOf(n) }))
    seed.enterprises
      .slice(0, 3)
      .forEach((enterprise, n) => out.enterprises.push({ ...enterprise, id: `${zoneId}-e${n}`, zoneId, parkId: parkOf(n) }))
    for (let n = 0; n < perZone(size.projects, z); n++) {
      const project = pick(seed.signedProjects, z + n)
      out.signedProjects.push({ ...project, id: `${zoneId}-j${n}`, zoneId, parkId: parkOf(n), rank: n })
    }
    for (let n = 0; n < perZone(size.policies, z); n++) {
      const policy = pick(seed.policies, z + n)
      out.policies.push({ ...policy, id: `${zoneId}-y${n}`, zoneId, parkIds: n % 2 ? [pick(parkIds, n)] : [] })
    }
    const chain = pick(seed.chains, z)
    out.chains.push({
      ...chain,
      id: `${zoneId}-c0`,
      zoneId,
      parkIds: parkIds.slice(0, 2),
      policyIds: [],
      projectIds: [],
      spaceIds: [],
      ownerEnterpriseIds: [],
    })
    seed.serviceCommitments
      .slice(0, 3)
      .forEach((commitment, n) => out.serviceCommitments.push({ ...commitment, id: `${zoneId}-k${n}`, zoneId }))
  }
  return out
}
