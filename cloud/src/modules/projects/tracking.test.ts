import { count, like } from 'drizzle-orm'
import type { SignedProject } from '../../../../types/content'
import { PROJECT_STAGES } from '../../../../types/project-stages'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { projectStages, projectTracking } from '../../db/schema'
import { ensureTracking } from './tracking'

// A province lists thousands of signed projects; the job loop hands all of them to ensureTracking
// every tick. Once they went into one INSERT, which overflowed the query builder's stack, so the
// tick failed every time and no SLA reminder or notice went out.

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const PROVINCE = 5_000

const provinceProjects = (): SignedProject[] => {
  const seeds = t.app.content.bundle.signedProjects
  return Array.from({ length: PROVINCE }, (_, n) => ({ ...seeds[n % seeds.length], id: `province-project-${n}` }))
}

const rows = async () => ({
  tracking: (await t.app.db.select({ n: count() }).from(projectTracking).where(like(projectTracking.projectId, 'province-project-%')))[0].n,
  stages: (await t.app.db.select({ n: count() }).from(projectStages).where(like(projectStages.projectId, 'province-project-%')))[0].n,
})

it(
  `tracks ${PROVINCE.toLocaleString('en')} project records at once, each with its ${PROJECT_STAGES.length} stages, and only once`,
  async () => {
    const now = new Date('2026-11-20T02:00:00Z')
    expect(await ensureTracking(t.app.db, provinceProjects(), now)).toBe(PROVINCE)
    expect(await rows()).toEqual({ tracking: PROVINCE, stages: PROVINCE * PROJECT_STAGES.length })
    expect(await ensureTracking(t.app.db, provinceProjects(), now)).toBe(0)
    expect(await rows()).toEqual({ tracking: PROVINCE, stages: PROVINCE * PROJECT_STAGES.length })
  },
  120_000,
)
