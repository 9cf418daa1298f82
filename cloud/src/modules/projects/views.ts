import { asc, count, desc, eq, inArray } from 'drizzle-orm'
import type { SignedProject } from '../../../../types/content'
import { currentStage, isOverdue, projectSchedule } from '../../../../types/project-stages'
import {
  type InvestorStage,
  type ProjectPerson,
  type StaffProjectCard,
  type StaffProjectDetail,
  type StaffStage,
} from '../../../../types/projects'
import type { Db } from '../../db/client'
import {
  projectAudit,
  projectFollowers,
  projectInvites,
  projectReviews,
  projectTeam,
  projectTracking,
  serviceRequests,
  staff,
  type StageRow,
  type TrackingRow,
} from '../../db/schema'
import type { Deps } from '../../deps'
import { parkName, zoneName } from '../content/lookup'
import { maskMobile } from '../requests/views'
import { byStageOrder, stagesOf } from './tracking'

// How staff and investors see tracked projects.

/** What the cards of several projects need besides their records, loaded in a few queries. */
export type BoardData = {
  tracking: Map<string, TrackingRow>
  stages: Map<string, StageRow[]>
  teamSizes: Map<string, number>
  followers: Map<string, number>
  people: Map<string, ProjectPerson>
}

const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>()
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row])
  return groups
}

export const loadPeople = async (db: Db, ids: readonly (string | null)[]): Promise<Map<string, ProjectPerson>> => {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .select({ id: staff.id, displayName: staff.displayName, role: staff.role })
    .from(staff)
    .where(inArray(staff.id, wanted))
  return new Map(rows.map((row) => [row.id, row]))
}

export const loadBoardData = async (db: Db, ids: readonly string[]): Promise<BoardData> => {
  if (ids.length === 0) return { tracking: new Map(), stages: new Map(), teamSizes: new Map(), followers: new Map(), people: new Map() }
  const list = [...ids]
  const tracking = await db.select().from(projectTracking).where(inArray(projectTracking.projectId, list))
  const stages = await stagesOf(db, list)
  const teams = await db
    .select({ projectId: projectTeam.projectId, size: count() })
    .from(projectTeam)
    .where(inArray(projectTeam.projectId, list))
    .groupBy(projectTeam.projectId)
  const followers = await db
    .select({ projectId: projectFollowers.projectId, size: count() })
    .from(projectFollowers)
    .where(inArray(projectFollowers.projectId, list))
    .groupBy(projectFollowers.projectId)
  return {
    tracking: new Map(tracking.map((row) => [row.projectId, row])),
    stages: groupBy(stages, (row) => row.projectId),
    teamSizes: new Map(teams.map((row) => [row.projectId, Number(row.size)])),
    followers: new Map(followers.map((row) => [row.projectId, Number(row.size)])),
    people: await loadPeople(
      db,
      tracking.map((row) => row.leaderId),
    ),
  }
}

export const toCard = (deps: Pick<Deps, 'content'>, project: SignedProject, data: BoardData, today: string): StaffProjectCard => {
  const stages = [...(data.stages.get(project.id) ?? [])].sort(byStageOrder)
  const tracking = data.tracking.get(project.id)
  const current = currentStage(stages)
  const pending = stages.filter((stage) => stage.state !== 'done' && stage.plannedDate !== null)
  const next = pending.sort((a, b) => a.plannedDate!.localeCompare(b.plannedDate!) || byStageOrder(a, b))[0]
  const overdueStages = stages.filter((stage) => isOverdue(stage, today)).map((stage) => stage.stage)
  return {
    id: project.id,
    zoneId: project.zoneId,
    zoneName: zoneName(deps, project.zoneId),
    parkId: project.parkId,
    parkName: parkName(deps, project.parkId),
    name: project.name,
    partner: project.partner === 'not_provided' ? null : project.partner,
    currentStage: current?.stage ?? null,
    currentState: current?.state ?? null,
    overdue: overdueStages.length > 0,
    overdueStages,
    blockedStages: stages.filter((stage) => stage.state === 'blocked').map((stage) => stage.stage),
    schedule: projectSchedule(stages, today),
    nextDue: next ? { stage: next.stage, plannedDate: next.plannedDate! } : null,
    leader: tracking?.leaderId ? (data.people.get(tracking.leaderId) ?? null) : null,
    teamSize: data.teamSizes.get(project.id) ?? 0,
    contact:
      tracking?.contactName && tracking.contactMobile
        ? { name: tracking.contactName, mobileMasked: maskMobile(tracking.contactMobile) }
        : null,
    followers: data.followers.get(project.id) ?? 0,
  }
}

const SCHEDULE_ORDER = { red: 0, amber: 1, green: 2 } as const

/** Overdue first, then the rest of red, amber, green; the nearest planned date first; then editorial rank. */
export const boardOrder =
  (ranks: Map<string, number>) =>
  (a: StaffProjectCard, b: StaffProjectCard): number =>
    Number(b.overdue) - Number(a.overdue) ||
    SCHEDULE_ORDER[a.schedule] - SCHEDULE_ORDER[b.schedule] ||
    (a.nextDue?.plannedDate ?? '9999').localeCompare(b.nextDue?.plannedDate ?? '9999') ||
    (ranks.get(b.id) ?? 0) - (ranks.get(a.id) ?? 0)

const iso = (at: Date | null) => (at ? at.toISOString() : null)

export const toInvestorStage = (row: StageRow, today: string): InvestorStage => ({
  stage: row.stage,
  state: row.state,
  plannedDate: row.plannedDate,
  actualDate: row.actualDate,
  overdue: isOverdue(row, today),
  source: row.source,
  reportedDate: row.reportedDate,
})

const toStaffStage = (row: StageRow, today: string, people: Map<string, ProjectPerson>, tickets: Map<string, string>): StaffStage => ({
  ...toInvestorStage(row, today),
  note: row.note,
  blocker: row.blocker,
  blockerRequest: row.blockerRequestId ? { id: row.blockerRequestId, ticketNo: tickets.get(row.blockerRequestId) ?? '' } : null,
  updatedAt: iso(row.updatedAt),
  updatedBy: row.updatedBy ? (people.get(row.updatedBy)?.displayName ?? '工作人员') : null,
})

/** Everything the project page of the staff desk shows. */
export const loadDetail = async (
  deps: Pick<Deps, 'db' | 'content'>,
  project: SignedProject,
  rights: { canEdit: boolean; canManage: boolean },
  today: string,
): Promise<StaffProjectDetail> => {
  const db = deps.db
  const data = await loadBoardData(db, [project.id])
  const stages = [...(data.stages.get(project.id) ?? [])].sort(byStageOrder)
  const team = await db
    .select({ id: staff.id, displayName: staff.displayName, role: staff.role })
    .from(projectTeam)
    .innerJoin(staff, eq(staff.id, projectTeam.staffId))
    .where(eq(projectTeam.projectId, project.id))
    .orderBy(asc(staff.displayName), asc(staff.id))
  const audit = await db
    .select({
      id: projectAudit.id,
      at: projectAudit.at,
      actorKind: projectAudit.actorKind,
      staffName: staff.displayName,
      action: projectAudit.action,
      detail: projectAudit.detail,
    })
    .from(projectAudit)
    .leftJoin(staff, eq(staff.id, projectAudit.staffId))
    .where(eq(projectAudit.projectId, project.id))
    .orderBy(desc(projectAudit.id))
  const reviews = await db
    .select({ review: projectReviews, recordedBy: staff.displayName })
    .from(projectReviews)
    .innerJoin(staff, eq(staff.id, projectReviews.createdBy))
    .where(eq(projectReviews.projectId, project.id))
    .orderBy(desc(projectReviews.heldOn), desc(projectReviews.createdAt))
  const invites = await db
    .select({ invite: projectInvites, createdBy: staff.displayName })
    .from(projectInvites)
    .innerJoin(staff, eq(staff.id, projectInvites.createdBy))
    .where(eq(projectInvites.projectId, project.id))
    .orderBy(desc(projectInvites.createdAt))
  const requestIds = stages.map((stage) => stage.blockerRequestId).filter((id): id is string => id !== null)
  const tickets = new Map(
    requestIds.length
      ? (
          await db
            .select({ id: serviceRequests.id, ticketNo: serviceRequests.ticketNo })
            .from(serviceRequests)
            .where(inArray(serviceRequests.id, requestIds))
        ).map((row) => [row.id, row.ticketNo])
      : [],
  )
  const people = await loadPeople(
    db,
    stages.map((stage) => stage.updatedBy),
  )
  return {
    card: toCard(deps, project, data, today),
    project,
    stages: stages.map((stage) => toStaffStage(stage, today, people, tickets)),
    team,
    audit: audit.map((entry) => ({
      id: String(entry.id),
      at: entry.at.toISOString(),
      actor: entry.actorKind === 'staff' ? (entry.staffName ?? '工作人员') : entry.actorKind === 'investor' ? '投资者' : '系统',
      action: entry.action,
      detail: entry.detail,
    })),
    reviews: reviews.map(({ review, recordedBy }) => ({
      id: review.id,
      heldOn: review.heldOn,
      stage: review.stage,
      attendees: review.attendees,
      conclusion: review.conclusion,
      recordedBy,
      recordedAt: review.createdAt.toISOString(),
    })),
    invites: invites.map(({ invite, createdBy }) => ({
      createdAt: invite.createdAt.toISOString(),
      expiresAt: invite.expiresAt.toISOString(),
      usedAt: iso(invite.usedAt),
      createdBy,
    })),
    ...rights,
  }
}
