import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { ShareVisitBody } from '../../../../types/service'
import { shareVisits, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import type { ContentSnapshot } from '../content/snapshot'

/** Zones the shared page is about (a comparison may span several), for per-zone referral figures. */
const zonesOf = (snapshot: ContentSnapshot, visit: ShareVisitBody): string[] => {
  const parkZone = (id: string) => snapshot.parkById.get(id)?.card.zoneId
  const ids = (() => {
    switch (visit.page) {
      case 'pages/policy/index':
        return [snapshot.policyById.get(visit.targetId)?.card.zoneId]
      case 'pages/park/index':
        return [parkZone(visit.targetId)]
      case 'pages/zone/index':
        return [snapshot.zoneById.get(visit.targetId)?.id]
      case 'pages/chain/index':
        return [snapshot.chainById.get(visit.targetId)?.zoneId]
      case 'pages/space/index':
        return [snapshot.spaceById.get(visit.targetId)?.space.zoneId]
      case 'pages/compare/index':
        return visit.targetId.split(',').map((id) => parkZone(id.trim()))
      case 'pages/index/index':
        return []
    }
  })()
  return [...new Set(ids.filter((id): id is NonNullable<typeof id> => Boolean(id)))]
}

/** One opened shared link: who shared it (the staff member whose shareCode is `ref`), what, and who opened it. */
export const recordShareVisit = async (deps: Pick<Deps, 'db' | 'content' | 'clock'>, visit: ShareVisitBody, investorId: string | null) => {
  const [sharer] = await deps.db.select({ id: staff.id, zoneId: staff.zoneId }).from(staff).where(eq(staff.shareCode, visit.ref)).limit(1)
  // 首页 is about no zone of its own: a colleague's home link counts for their zone.
  const zoneIds = visit.page === 'pages/index/index' ? (sharer?.zoneId ? [sharer.zoneId] : []) : zonesOf(deps.content.current(), visit)
  await deps.db.insert(shareVisits).values({
    id: randomUUID(),
    ref: visit.ref,
    page: visit.page,
    targetId: visit.targetId,
    scene: visit.scene ?? null,
    investorId,
    staffId: sharer?.id ?? null,
    zoneIds,
    createdAt: deps.clock(),
  })
}
