import { and, desc, eq } from 'drizzle-orm'
import { chinaDate } from '../../../../types/china-time'
import type { SignedProject } from '../../../../types/content'
import { STAFF_ROLE_LABELS } from '../../../../types/auth'
import { currentStage, isOverdue } from '../../../../types/project-stages'
import { type InvestorProject, type InvestorProjectSummary } from '../../../../types/projects'
import { projectFollowers, projectInvites, projectTracking, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, notFound } from '../../http/errors'
import { canSeeZone, type StaffIdentity } from '../auth/identity'
import { parkName, zoneName } from '../content/lookup'
import { appendProjectAudit, hashInviteCode } from './actions'
import { byStageOrder, ensureTracking, findProject, stagesOf } from './tracking'
import { toInvestorStage } from './views'

// The investor's side: claiming an invite, the projects they follow, one project's timeline.

const notFollowed = () => notFound('没有找到这个项目')

/** The project as its investor sees it: stages with dates, the 包挂领导 by role; no notes, no names' phones. */
const toInvestorProject = async (deps: Deps, project: SignedProject, followedAt: Date | null): Promise<InvestorProject> => {
  const now = deps.clock()
  const today = chinaDate(now)
  await ensureTracking(deps.db, [project], now)
  const stages = (await stagesOf(deps.db, [project.id])).sort(byStageOrder)
  const [leader] = await deps.db
    .select({ role: staff.role })
    .from(projectTracking)
    .innerJoin(staff, eq(staff.id, projectTracking.leaderId))
    .where(eq(projectTracking.projectId, project.id))
  return {
    project,
    zoneName: zoneName(deps, project.zoneId),
    parkName: parkName(deps, project.parkId),
    stages: stages.map((stage) => toInvestorStage(stage, today)),
    currentStage: currentStage(stages)?.stage ?? null,
    leaderRole: leader ? `${zoneName(deps, project.zoneId)} ${STAFF_ROLE_LABELS[leader.role]}` : null,
    followedAt: followedAt ? followedAt.toISOString() : null,
  }
}

/**
 * POST /api/projects/claim: the investor follows the invite's project. A code works once, for 7 days:
 * unknown 404 invite_not_found, used by someone else 409 invite_used, expired 410 invite_expired.
 * The investor who used it may send it again (a second tap, the share opened twice) and gets the project.
 */
export const claimInvite = async (deps: Deps, investorId: string, code: string): Promise<InvestorProject> => {
  const now = deps.clock()
  const { project, followedAt } = await deps.db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(projectInvites)
      .where(eq(projectInvites.codeHash, hashInviteCode(code)))
      .for('update')
    const record = invite ? findProject(deps, invite.projectId) : undefined
    if (!invite || !record) throw new ApiError(404, 'invite_not_found', '邀请码不存在，请核对后重新输入')
    if (invite.usedBy === investorId) {
      const [follow] = await tx
        .select()
        .from(projectFollowers)
        .where(and(eq(projectFollowers.projectId, record.id), eq(projectFollowers.investorId, investorId)))
      return { project: record, followedAt: follow?.followedAt ?? invite.usedAt }
    }
    if (invite.usedAt) throw new ApiError(409, 'invite_used', '该邀请码已被使用，每个邀请码只能使用一次；请向开发区工作人员索取新的邀请码')
    if (invite.expiresAt.getTime() <= now.getTime())
      throw new ApiError(410, 'invite_expired', '该邀请码已过期（有效期 7 天），请向开发区工作人员索取新的邀请码')
    await tx.update(projectInvites).set({ usedAt: now, usedBy: investorId }).where(eq(projectInvites.codeHash, invite.codeHash))
    await tx.insert(projectFollowers).values({ projectId: record.id, investorId, followedAt: now }).onConflictDoNothing()
    await appendProjectAudit(tx, record.id, now, { kind: 'investor', investorId }, 'invite_claimed', {})
    return { project: record, followedAt: now }
  })
  return toInvestorProject(deps, project, followedAt)
}

/** GET /api/projects/mine: followed projects, latest first (records no longer published are left out). */
export const listFollowed = async (deps: Deps, investorId: string): Promise<InvestorProjectSummary[]> => {
  const follows = await deps.db
    .select()
    .from(projectFollowers)
    .where(eq(projectFollowers.investorId, investorId))
    .orderBy(desc(projectFollowers.followedAt))
  const projects = follows.flatMap((follow) => {
    const project = findProject(deps, follow.projectId)
    return project ? [{ project, followedAt: follow.followedAt }] : []
  })
  const stages = await stagesOf(
    deps.db,
    projects.map(({ project }) => project.id),
  )
  const today = chinaDate(deps.clock())
  return projects.map(({ project, followedAt }) => {
    const own = stages.filter((stage) => stage.projectId === project.id)
    const current = currentStage(own)
    return {
      id: project.id,
      name: project.name,
      zoneId: project.zoneId,
      zoneName: zoneName(deps, project.zoneId),
      currentStage: current?.stage ?? null,
      currentState: current?.state ?? null,
      overdue: own.some((stage) => isOverdue(stage, today)),
      followedAt: followedAt.toISOString(),
    }
  })
}

/** GET /api/projects/{id}: an investor who claimed it, or staff of its zone; anyone else 404. */
export const getProjectView = async (
  deps: Deps,
  viewer: { investorId: string } | { staff: StaffIdentity },
  id: string,
): Promise<InvestorProject> => {
  const project = findProject(deps, id)
  if (!project) throw notFollowed()
  if ('staff' in viewer) {
    if (!canSeeZone(viewer.staff, project.zoneId)) throw notFollowed()
    return toInvestorProject(deps, project, null)
  }
  const [follow] = await deps.db
    .select()
    .from(projectFollowers)
    .where(and(eq(projectFollowers.projectId, project.id), eq(projectFollowers.investorId, viewer.investorId)))
  if (!follow) throw notFollowed()
  return toInvestorProject(deps, project, follow.followedAt)
}
