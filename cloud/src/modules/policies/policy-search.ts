import type { PolicyCard, PolicyListQuery } from '../../../../types/content-api'
import type { CachedBody } from '../../http/cached-body'
import type { ContentSnapshot, PolicyEntry } from '../content/snapshot'
import { cachedPage, pageAt } from '../content/paging'

const normalize = (query: PolicyListQuery) => ({
  zoneId: query.zoneId ?? null,
  category: query.category ?? null,
  q: query.q?.trim().toLowerCase() || null,
})

/** Policies a query finds: title matches before matches in the rest of the text, each in list order. */
const matchingPolicies = (entries: readonly PolicyEntry[], query: PolicyListQuery): PolicyCard[] => {
  const filter = normalize(query)
  const inTitle: PolicyCard[] = []
  const inText: PolicyCard[] = []
  for (const { card, search } of entries) {
    if (filter.zoneId && card.zoneId !== filter.zoneId) continue
    if (filter.category && card.category !== filter.category) continue
    if (!filter.q || search.title.includes(filter.q)) inTitle.push(card)
    else if (search.text.includes(filter.q)) inText.push(card)
  }
  return [...inTitle, ...inText]
}

/** One page of the policy library as response bytes, or null when the cursor does not belong to the query. */
export const policyPage = (snapshot: Pick<ContentSnapshot, 'policies' | 'policyPages'>, query: PolicyListQuery): CachedBody | null =>
  cachedPage(snapshot.policyPages, normalize(query), query, (offset, hash) =>
    pageAt(matchingPolicies(snapshot.policies, query), offset, query.limit, hash),
  )
