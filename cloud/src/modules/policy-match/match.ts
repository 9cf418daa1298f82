import { matchPolicies, type MatchInput, type MatchQuery, type MatchResult } from '../../../../types/policy-match'
import type { CachedBody } from '../../http/cached-body'
import type { ContentSnapshot } from '../content/snapshot'
import { cachedPage, pageAt } from '../content/paging'

/** Requirements (准入要求) listed with the first page at most. */
export const MAX_REQUIREMENTS = 20

/** Inputs that match alike share one cache entry: zones as a sorted set. */
const normalize = (input: MatchInput) => ({
  zoneIds: [...new Set(input.zoneIds ?? [])].sort(),
  industry: input.industry,
  investmentWan: input.investmentWan,
  jobs: input.jobs,
  talentLevel: input.talentLevel,
  needsSpace: input.needsSpace,
})

/**
 * One page of 政策匹配 as response bytes (null: the cursor does not belong to this input): the support
 * policies of the chosen zones (every zone when none is chosen), evaluated and ranked, and the chosen
 * zones' requirements apart. Cached per normalized input in the snapshot.
 */
export const matchPage = (
  snapshot: Pick<ContentSnapshot, 'policies' | 'zones' | 'today' | 'matchPages' | 'policyById'>,
  input: MatchInput,
  paging: MatchQuery,
): CachedBody | null => {
  const normalized = normalize(input)
  return cachedPage(snapshot.matchPages, normalized, paging, (offset, hash): MatchResult => {
    const zones = normalized.zoneIds.length ? new Set(normalized.zoneIds) : null
    const inZones = snapshot.policies.filter((entry) => !zones || zones.has(entry.card.zoneId))
    const zoneNames = Object.fromEntries(snapshot.zones.map((zone) => [zone.id, zone.name]))
    const matches = matchPolicies(
      inZones.map((entry) => entry.policy),
      { ...input, zoneIds: normalized.zoneIds },
      zoneNames,
      snapshot.today,
    )
    const page = pageAt(matches, offset, paging.limit, hash)
    return {
      items: page.items.map((match) => ({ ...match, policy: snapshot.policyById.get(match.policyId)!.card })),
      appliesCount: matches.filter((match) => match.applies).length,
      nextCursor: page.nextCursor,
      total: page.total,
      requirements:
        offset === 0
          ? inZones
              .filter((entry) => entry.card.kind === 'requirement' && !entry.card.expired)
              .slice(0, MAX_REQUIREMENTS)
              .map((entry) => entry.card)
          : [],
    }
  })
}
