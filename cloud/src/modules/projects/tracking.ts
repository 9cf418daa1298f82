import { and, asc, eq, inArray } from 'drizzle-orm'
import type { SignedProject } from '../../../../types/content'
import { PROJECT_STAGES } from '../../../../types/project-stages'
import { type ProjectStage, type StageState } from '../../../../types/projects'
import type { Db } from '../../db/client'
import { projectStages, projectTeam, projectTracking, type StageRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { notFound } from '../../http/errors'
import { canSeeZone, type StaffIdentity } from '../auth/identity'

// Every signed-project record (content kind `projects`) has a tracking row and one row per stage.
// They are created when first needed — on any read, by the job loop for every record, and by whoever
// publishes a new record (ensureTracking) — never lost, and created once even with several processes.

/** The project records of the content in memory. */
export const projectRecords = (deps: Pick<Deps, 'content'>): readonly SignedProject[] => deps.content.bundle.signedProjects

export const findProject = (deps: Pick<Deps, 'content'>, id: string): SignedProject | undefined =>
  projectRecords(deps).find((project) => project.id === id)

/** A project of a zone this staff member sees; another zone's answers like a missing one. */
export const projectForStaff = (deps: Pick<Deps, 'content'>, member: StaffIdentity, id: string): SignedProject => {
  const project = findProject(deps, id)
  if (!project || !canSeeZone(member, project.zoneId)) throw notFound('没有找到这个项目')
  return project
}

/**
 * What an article's status means for the stages. The status vocabulary is the content's; statuses
 * the seeds use and what they say:
 *   negotiating / about_to_sign  → 签约 in progress (not signed yet)
 *   signed                       → 签约 done
 *   registered                   → 注册落地 done (签约 before it)
 *   about_to_start               → 开工 not started, the stages before it done
 *   under_construction           → 开工 done, 竣工 in progress
 *   in_production                → 投产 done
 * The stage the status names carries the article as its source and the article's date text.
 */
type Seed = { reported: ProjectStage; reportedState: StageState; next?: ProjectStage }

const SEEDS: Record<string, Seed> = {
  negotiating: { reported: 'signed', reportedState: 'in_progress' },
  about_to_sign: { reported: 'signed', reportedState: 'in_progress' },
  signed: { reported: 'signed', reportedState: 'done' },
  registered: { reported: 'registered', reportedState: 'done' },
  about_to_start: { reported: 'started', reportedState: 'not_started' },
  under_construction: { reported: 'started', reportedState: 'done', next: 'completed' },
  in_production: { reported: 'producing', reportedState: 'done' },
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/

type NewStage = Omit<StageRow, 'blockerRequestId' | 'reminderSentAt' | 'escalatedAt' | 'updatedAt' | 'updatedBy' | 'note' | 'blocker'>

/** The stage rows a project starts with, from its record (pure; see SEEDS). */
export const seedStages = (project: SignedProject): NewStage[] => {
  const seed = SEEDS[project.status] ?? SEEDS.negotiating
  const reportedAt = PROJECT_STAGES.indexOf(seed.reported)
  const record = project as SignedProject & { date?: unknown; source?: string }
  const fullDate = typeof record.date === 'string' && FULL_DATE.test(record.date) ? record.date : null
  return PROJECT_STAGES.map((stage, index): NewStage => {
    const reported = index === reportedAt
    const state: StageState = reported
      ? seed.reportedState
      : index < reportedAt
        ? 'done'
        : stage === seed.next
          ? 'in_progress'
          : 'not_started'
    return {
      projectId: project.id,
      stage,
      state,
      plannedDate: null,
      actualDate: reported && state === 'done' ? fullDate : null,
      source: reported ? (record.source ?? null) : null,
      reportedDate: reported && project.dateText !== 'not_provided' ? project.dateText : null,
    }
  })
}

/**
 * Creates the tracking rows of the records that have none (ON CONFLICT DO NOTHING: a second process
 * doing the same at once creates nothing twice). Returns how many projects were new. Whoever adds a
 * project record (content import, console publish) may call it; reads and the job loop do too.
 */
export const ensureTracking = async (db: Db, projects: readonly SignedProject[], now: Date): Promise<number> => {
  if (trackedLists.get(db)?.has(projects)) return 0
  let created = 0
  for (let start = 0; start < projects.length; start += TRACKING_CHUNK)
    created += await trackChunk(db, projects.slice(start, start + TRACKING_CHUNK), now)
  if (!trackedLists.has(db)) trackedLists.set(db, new WeakSet())
  trackedLists.get(db)!.add(projects)
  return created
}

/**
 * Record lists this process has seen tracked in full, per database: the job loop hands over the
 * content's own list every tick, which at a province's size was most of the tick's work. Tracking
 * rows are never deleted, and a content reload brings a new list, which is checked again.
 */
const trackedLists = new WeakMap<object, WeakSet<readonly SignedProject[]>>()

/**
 * Projects per statement: a province's records (thousands, eight stage rows each) in one INSERT
 * would pass PostgreSQL's 65,535 bind parameters and overflow the query builder's stack.
 */
const TRACKING_CHUNK = 200

const trackChunk = async (db: Db, projects: readonly SignedProject[], now: Date): Promise<number> => {
  const ids = projects.map((project) => project.id)
  const known = new Set(
    (await db.select({ id: projectTracking.projectId }).from(projectTracking).where(inArray(projectTracking.projectId, ids))).map(
      (row) => row.id,
    ),
  )
  const missing = projects.filter((project) => !known.has(project.id))
  if (missing.length === 0) return 0
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(projectTracking)
      .values(missing.map((project) => ({ projectId: project.id, zoneId: project.zoneId, createdAt: now, updatedAt: now })))
      .onConflictDoNothing()
      .returning({ id: projectTracking.projectId })
    const createdIds = new Set(created.map((row) => row.id))
    const stages = missing.filter((project) => createdIds.has(project.id)).flatMap(seedStages)
    if (stages.length > 0) await tx.insert(projectStages).values(stages).onConflictDoNothing()
    return created.length
  })
}

export const stagesOf = async (db: Db, projectIds: readonly string[]): Promise<StageRow[]> =>
  projectIds.length === 0
    ? []
    : db
        .select()
        .from(projectStages)
        .where(inArray(projectStages.projectId, [...projectIds]))
        .orderBy(asc(projectStages.projectId))

export const byStageOrder = (a: Pick<StageRow, 'stage'>, b: Pick<StageRow, 'stage'>) =>
  PROJECT_STAGES.indexOf(a.stage) - PROJECT_STAGES.indexOf(b.stage)

export const isTeamMember = async (db: Db, projectId: string, staffId: string): Promise<boolean> =>
  (
    await db
      .select({ staffId: projectTeam.staffId })
      .from(projectTeam)
      .where(and(eq(projectTeam.projectId, projectId), eq(projectTeam.staffId, staffId)))
      .limit(1)
  ).length > 0

/** Zone supervisors and admins manage a project: its 包挂领导, 专班 and contact. */
export const mayManage = (member: StaffIdentity, project: SignedProject): boolean =>
  member.role === 'admin' || (member.role === 'supervisor' && member.zoneId === project.zoneId)

/** Managers, and the project's 专班, update stages, invite the investor and record reviews. */
export const mayEdit = async (db: Db, member: StaffIdentity, project: SignedProject): Promise<boolean> =>
  mayManage(member, project) || (member.zoneId === project.zoneId && (await isTeamMember(db, project.id, member.id)))
