import { createHash, randomInt, randomUUID } from 'node:crypto'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { chinaDate, DAY_MS } from '../../../../types/china-time'
import type { SignedProject } from '../../../../types/content'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, INVITE_TTL_DAYS, PROJECT_STAGE_LABELS } from '../../../../types/project-stages'
import {
  type Invite,
  type ProjectStage,
  type ReviewBody,
  type StageUpdateBody,
  type StaffProjectDetail,
  type TeamBody,
} from '../../../../types/projects'
import type { Db } from '../../db/client'
import {
  projectAudit,
  projectFollowers,
  projectInvites,
  projectReviews,
  projectStages,
  projectTeam,
  projectTracking,
  serviceRequests,
  staff,
  type StageRow,
} from '../../db/schema'
import { withDb, type Deps } from '../../deps'
import { ApiError, conflict, forbidden } from '../../http/errors'
import type { StaffIdentity } from '../auth/identity'
import { maskMobile } from '../requests/views'
import { createRequest } from '../requests/submit'
import { appendAudit } from '../requests/transitions'
import { ensureTracking, mayEdit, mayManage, projectForStaff, seedStages } from './tracking'
import { loadDetail } from './views'

// What zone staff do to a tracked project. Every change is row-locked and lands in project_audit
// with who, when, and the values before and after. Every refusal is decided before anything is
// written (a project's tracking rows are created only once a change is accepted).

export type ProjectActor = { kind: 'staff'; staffId: string } | { kind: 'investor'; investorId: string } | { kind: 'system' }

export const appendProjectAudit = async (
  tx: Db,
  projectId: string,
  at: Date,
  actor: ProjectActor,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> => {
  await tx.insert(projectAudit).values({
    projectId,
    at,
    actorKind: actor.kind,
    staffId: actor.kind === 'staff' ? actor.staffId : null,
    investorId: actor.kind === 'investor' ? actor.investorId : null,
    action,
    detail,
  })
}

const fieldErrors = (fields: Record<string, string>) => new ApiError(400, 'validation_error', '请求参数有误', fields)

const rightsOf = async (deps: Pick<Deps, 'db'>, member: StaffIdentity, project: SignedProject) => ({
  canEdit: await mayEdit(deps.db, member, project),
  canManage: mayManage(member, project),
})

export const getProjectForStaff = async (deps: Deps, member: StaffIdentity, id: string): Promise<StaffProjectDetail> => {
  const project = projectForStaff(deps, member, id)
  const now = deps.clock()
  await ensureTracking(deps.db, [project], now)
  return loadDetail(deps, project, await rightsOf(deps, member, project), chinaDate(now))
}

/** The project, when this staff member may change it: another zone's is 404, a colleague outside the 专班 403. */
const editableProject = async (deps: Deps, member: StaffIdentity, id: string): Promise<SignedProject> => {
  const project = projectForStaff(deps, member, id)
  if (!(await mayEdit(deps.db, member, project))) throw forbidden('只有该项目的专班成员、本开发区主管和管理员可以更新项目')
  return project
}

/** The stage as stored, or as it will be seeded when the project has no tracking yet. */
const currentStageRow = async (
  db: Db,
  project: SignedProject,
  stage: ProjectStage,
): Promise<Pick<StageRow, 'state' | 'plannedDate' | 'actualDate' | 'note' | 'blocker'>> => {
  const [row] = await db
    .select()
    .from(projectStages)
    .where(and(eq(projectStages.projectId, project.id), eq(projectStages.stage, stage)))
  if (row) return row
  const seeded = seedStages(project).find((candidate) => candidate.stage === stage)!
  return { ...seeded, note: null, blocker: null }
}

const blank = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim()

type StageValues = {
  state: StageRow['state']
  plannedDate: string | null
  actualDate: string | null
  note: string | null
  blocker: string | null
}

/** The stage after the update, or the field errors that refuse it. */
const nextStage = (current: StageValues, body: StageUpdateBody, today: string): StageValues | Record<string, string> => {
  const errors: Record<string, string> = {}
  if (body.actualDate && body.state !== 'done') errors.actualDate = '只有已完成的阶段填写实际完成日期'
  else if (body.actualDate && body.actualDate > today) errors.actualDate = '实际完成日期不能晚于今天'
  const note = blank(body.note)
  const blocker =
    body.state === 'blocked'
      ? (blank(body.blocker) ?? (body.blocker === undefined && current.state === 'blocked' ? current.blocker : null) ?? note ?? null)
      : null
  if (body.state === 'blocked' && !blocker) errors.blocker = '请说明受阻原因'
  if (Object.keys(errors).length > 0) return errors
  return {
    state: body.state,
    plannedDate: body.plannedDate === undefined ? current.plannedDate : body.plannedDate,
    actualDate: body.state === 'done' ? (body.actualDate ?? (current.state === 'done' ? current.actualDate : null) ?? today) : null,
    note: note === undefined ? current.note : note,
    blocker,
  }
}

const VALUE_KEYS = ['state', 'plannedDate', 'actualDate', 'note', 'blocker'] as const

/** PUT …/stages/{stage}: state, dates and note; a 受阻 stage records what blocks it. */
export const updateStage = async (
  deps: Deps,
  member: StaffIdentity,
  id: string,
  stage: ProjectStage,
  body: StageUpdateBody,
): Promise<StaffProjectDetail> => {
  const project = await editableProject(deps, member, id)
  const now = deps.clock()
  const today = chinaDate(now)
  const checked = nextStage(await currentStageRow(deps.db, project, stage), body, today)
  if (!('state' in checked)) throw fieldErrors(checked)
  await ensureTracking(deps.db, [project], now)
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projectStages)
      .where(and(eq(projectStages.projectId, project.id), eq(projectStages.stage, stage)))
      .for('update')
    // Recomputed on the locked row: a colleague may have changed it since the check above.
    const next = nextStage(row, body, today)
    if (!('state' in next)) throw fieldErrors(next)
    const before = Object.fromEntries(VALUE_KEYS.map((key) => [key, row[key]]))
    const after = Object.fromEntries(VALUE_KEYS.map((key) => [key, next[key]]))
    if (VALUE_KEYS.every((key) => before[key] === after[key])) return
    const replanned = next.plannedDate !== row.plannedDate
    await tx
      .update(projectStages)
      .set({
        ...next,
        updatedAt: now,
        updatedBy: member.id,
        // A new planned date gets its own reminder and escalation.
        ...(replanned ? { reminderSentAt: null, escalatedAt: null } : {}),
      })
      .where(and(eq(projectStages.projectId, project.id), eq(projectStages.stage, stage)))
    await appendProjectAudit(tx, project.id, now, { kind: 'staff', staffId: member.id }, 'stage_updated', { stage, before, after })
  })
  return loadDetail(deps, project, await rightsOf(deps, member, project), today)
}

/** PUT …/team: 包挂领导 (a supervisor of the zone), 专班 (staff of the zone) and the investor contact. */
export const updateTeam = async (deps: Deps, member: StaffIdentity, id: string, body: TeamBody): Promise<StaffProjectDetail> => {
  const project = projectForStaff(deps, member, id)
  if (!mayManage(member, project)) throw forbidden('只有本开发区主管和管理员可以设置包挂领导、专班和联系人')
  const memberIds = [...new Set(body.memberIds.map((staffId) => staffId.toLowerCase()))]
  const leaderId = body.leaderId?.toLowerCase() ?? null
  const wanted = [...new Set([...memberIds, ...(leaderId ? [leaderId] : [])])]
  const people = wanted.length
    ? await deps.db
        .select({ id: staff.id, displayName: staff.displayName, role: staff.role, zoneId: staff.zoneId })
        .from(staff)
        .where(inArray(staff.id, wanted))
    : []
  const byId = new Map(people.map((person) => [person.id, person]))
  const errors: Record<string, string> = {}
  if (leaderId) {
    const leader = byId.get(leaderId)
    if (!leader || leader.role !== 'supervisor' || leader.zoneId !== project.zoneId) errors.leaderId = '包挂领导应为本开发区的主管'
  }
  body.memberIds.forEach((staffId, index) => {
    const person = byId.get(staffId.toLowerCase())
    if (!person || person.zoneId !== project.zoneId || person.role === 'admin')
      errors[`memberIds.${index}`] ??= '只能选择本开发区的工作人员'
  })
  if (Object.keys(errors).length > 0) throw fieldErrors(errors)

  const now = deps.clock()
  await ensureTracking(deps.db, [project], now)
  await deps.db.transaction(async (tx) => {
    const [tracking] = await tx.select().from(projectTracking).where(eq(projectTracking.projectId, project.id)).for('update')
    const team = (await tx.select({ staffId: projectTeam.staffId }).from(projectTeam).where(eq(projectTeam.projectId, project.id)))
      .map((row) => row.staffId)
      .sort()
    const name = (staffId: string | null) => (staffId ? (byId.get(staffId)?.displayName ?? staffId) : null)
    const before = {
      leaderId: tracking.leaderId,
      memberIds: team,
      contactName: tracking.contactName,
      contactMobile: tracking.contactMobile ? maskMobile(tracking.contactMobile) : null,
    }
    // Left out: the contact stays as it is.
    const contactName = body.contactName === undefined ? tracking.contactName : body.contactName
    const contactMobile = body.contactMobile === undefined ? tracking.contactMobile : body.contactMobile
    const after = {
      leaderId,
      memberIds: [...memberIds].sort(),
      contactName,
      contactMobile: contactMobile ? maskMobile(contactMobile) : null,
    }
    const unchanged =
      before.leaderId === after.leaderId &&
      before.memberIds.join() === after.memberIds.join() &&
      tracking.contactName === contactName &&
      tracking.contactMobile === contactMobile
    if (unchanged) return
    await tx
      .update(projectTracking)
      .set({ leaderId, contactName, contactMobile, updatedAt: now })
      .where(eq(projectTracking.projectId, project.id))
    await tx.delete(projectTeam).where(eq(projectTeam.projectId, project.id))
    if (memberIds.length) await tx.insert(projectTeam).values(memberIds.map((staffId) => ({ projectId: project.id, staffId })))
    await appendProjectAudit(tx, project.id, now, { kind: 'staff', staffId: member.id }, 'team_updated', {
      before: { ...before, leaderName: name(before.leaderId) },
      after: { ...after, leaderName: name(after.leaderId), memberNames: after.memberIds.map(name) },
    })
  })
  return loadDetail(deps, project, await rightsOf(deps, member, project), chinaDate(now))
}

/** POST …/reviews: a 现场评议, dated, with who was there and the conclusion. */
export const addReview = async (deps: Deps, member: StaffIdentity, id: string, body: ReviewBody): Promise<StaffProjectDetail> => {
  const project = await editableProject(deps, member, id)
  const now = deps.clock()
  const today = chinaDate(now)
  if (body.heldOn > today) throw fieldErrors({ heldOn: '评议日期不能晚于今天' })
  await ensureTracking(deps.db, [project], now)
  await deps.db.transaction(async (tx) => {
    const reviewId = randomUUID()
    await tx.insert(projectReviews).values({
      id: reviewId,
      projectId: project.id,
      heldOn: body.heldOn,
      stage: body.stage ?? null,
      attendees: body.attendees,
      conclusion: body.conclusion,
      createdBy: member.id,
      createdAt: now,
    })
    await appendProjectAudit(tx, project.id, now, { kind: 'staff', staffId: member.id }, 'review_added', {
      reviewId,
      heldOn: body.heldOn,
      stage: body.stage ?? null,
    })
  })
  return loadDetail(deps, project, await rightsOf(deps, member, project), today)
}

export const hashInviteCode = (code: string) => createHash('sha256').update(code).digest('hex')

const newInviteCode = () => Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('')

/** The page an invite opens: the claim page, cold start included. */
export const invitePath = (code: string) => `pages/claim/index?code=${code}`

/** POST …/invites: a code for the project's investor, single use, valid INVITE_TTL_DAYS. Only its hash is kept. */
export const createInvite = async (deps: Deps, member: StaffIdentity, id: string): Promise<Invite> => {
  const project = await editableProject(deps, member, id)
  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS)
  await ensureTracking(deps.db, [project], now)
  const code = newInviteCode()
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(projectInvites)
      .values({ codeHash: hashInviteCode(code), projectId: project.id, createdBy: member.id, createdAt: now, expiresAt })
    await appendProjectAudit(tx, project.id, now, { kind: 'staff', staffId: member.id }, 'invite_created', {
      expiresAt: expiresAt.toISOString(),
    })
  })
  return { code, expiresAt: expiresAt.toISOString(), path: invitePath(code) }
}

/**
 * 受阻 → 店小二 request, one tap: filed for the investor who follows the project (the latest to
 * claim an invite), with the contact staff recorded, linked to the project and stage. Tapping again
 * answers the request already made.
 */
export const blockerToRequest = async (
  deps: Deps,
  member: StaffIdentity,
  id: string,
  stage: ProjectStage,
): Promise<{ requestId: string; ticketNo: string }> => {
  const project = await editableProject(deps, member, id)
  const current = await currentStageRow(deps.db, project, stage)
  if (current.state !== 'blocked')
    throw conflict('stage_not_blocked', `“${PROJECT_STAGE_LABELS[stage]}”阶段没有标为受阻，不能转为店小二请求`)
  const now = deps.clock()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projectStages)
      .where(and(eq(projectStages.projectId, project.id), eq(projectStages.stage, stage)))
      .for('update')
    if (row.state !== 'blocked') throw conflict('stage_not_blocked', `“${PROJECT_STAGE_LABELS[stage]}”阶段没有标为受阻，不能转为店小二请求`)
    if (row.blockerRequestId) {
      const [existing] = await tx
        .select({ id: serviceRequests.id, ticketNo: serviceRequests.ticketNo })
        .from(serviceRequests)
        .where(eq(serviceRequests.id, row.blockerRequestId))
      if (existing) return { requestId: existing.id, ticketNo: existing.ticketNo }
    }
    const [follower] = await tx
      .select({ investorId: projectFollowers.investorId })
      .from(projectFollowers)
      .where(eq(projectFollowers.projectId, project.id))
      .orderBy(desc(projectFollowers.followedAt))
      .limit(1)
    if (!follower) throw conflict('no_investor', '还没有投资者关注这个项目：请先生成邀请码请投资者关注，再转为店小二请求')
    const [tracking] = await tx.select().from(projectTracking).where(eq(projectTracking.projectId, project.id))
    if (!tracking.contactName || !tracking.contactMobile) throw conflict('no_contact', '请先在专班设置中填写投资方联系人和手机号')
    const label = PROJECT_STAGE_LABELS[stage]
    const park =
      project.parkId && deps.content.current().parks.some((entry) => entry.card.id === project.parkId) ? project.parkId : undefined
    const { request } = await createRequest(
      withDb(deps, tx),
      follower.investorId,
      {
        type: 'agency',
        zoneId: project.zoneId,
        parkId: park,
        company: project.partner !== 'not_provided' ? project.partner : project.name,
        contactName: tracking.contactName,
        mobile: tracking.contactMobile,
        description: `项目“${project.name}”${label}阶段受阻：${row.blocker ?? ''}`.slice(0, 1000),
        photos: [],
        projectId: project.id,
        projectStage: stage,
      },
      `blocker-${randomUUID()}`,
    )
    await tx
      .update(projectStages)
      .set({ blockerRequestId: request.id })
      .where(and(eq(projectStages.projectId, project.id), eq(projectStages.stage, stage)))
    await appendAudit(tx, request.id, now, { kind: 'staff', staff: member }, 'filed_for_investor', {
      from: 'project_blocker',
      projectId: project.id,
      stage,
    })
    await appendProjectAudit(tx, project.id, now, { kind: 'staff', staffId: member.id }, 'blocker_request_created', {
      stage,
      requestId: request.id,
      ticketNo: request.ticketNo,
    })
    return { requestId: request.id, ticketNo: request.ticketNo }
  })
}
