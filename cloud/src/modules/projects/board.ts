import { chinaDate } from '../../../../types/china-time'
import type { SignedProject, ZoneId } from '../../../../types/content'
import type { BoardQuery, ProjectBoard, StaffProjectCard } from '../../../../types/projects'
import type { Deps } from '../../deps'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { ensureTracking, projectRecords } from './tracking'
import { boardOrder, loadBoardData, toCard } from './views'

/** The projects a staff member's query is about: their zone (admins: the one asked for, or all). */
export const scopedProjects = (deps: Pick<Deps, 'content'>, member: StaffIdentity, zoneId: ZoneId | undefined): SignedProject[] => {
  const zone = scopeZone(member, zoneId)
  return projectRecords(deps).filter((project) => zone === null || project.zoneId === zone)
}

/** Every tracked project in scope as cards, in board order (see boardOrder). */
export const projectCards = async (deps: Deps, projects: SignedProject[], now: Date): Promise<StaffProjectCard[]> => {
  await ensureTracking(deps.db, projects, now)
  const data = await loadBoardData(
    deps.db,
    projects.map((project) => project.id),
  )
  const today = chinaDate(now)
  const ranks = new Map(projects.map((project) => [project.id, project.rank]))
  return projects.map((project) => toCard(deps, project, data, today)).sort(boardOrder(ranks))
}

/** GET /api/staff/projects: the 督考 board, filtered; the counts are of the filtered list. */
export const listBoard = async (deps: Deps, member: StaffIdentity, query: BoardQuery): Promise<ProjectBoard> => {
  const projects = scopedProjects(deps, member, query.zoneId)
  const cards = (await projectCards(deps, projects, deps.clock())).filter(
    (card) =>
      (!query.stage || card.currentStage === query.stage) &&
      (!query.state || card.currentState === query.state) &&
      (!query.overdue || card.overdue === (query.overdue === 'true')) &&
      (!query.parkId || card.parkId === query.parkId) &&
      (!query.leaderId || card.leader?.id === query.leaderId.toLowerCase()) &&
      (!query.schedule || card.schedule === query.schedule),
  )
  return {
    items: cards,
    counts: {
      total: cards.length,
      red: cards.filter((card) => card.schedule === 'red').length,
      amber: cards.filter((card) => card.schedule === 'amber').length,
      green: cards.filter((card) => card.schedule === 'green').length,
      overdue: cards.filter((card) => card.overdue).length,
    },
  }
}
