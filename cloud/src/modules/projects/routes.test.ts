import { and, count, eq, inArray } from 'drizzle-orm'
import { pageOf } from '../../../../types/common'
import { Invite, InvestorProject, MyProjectList, ProjectBoard, StaffProjectDetail, WeeklySummary } from '../../../../types/projects'
import { MyRequestList, StaffRequestSummary } from '../../../../types/service'
import { outbox, projectAudit, projectStages, projectTracking } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, guestToken, ManualClock, serviceTestConfig, type TestStaff } from '../../../test-support/service'

const DAY = 24 * 3600_000
// Wednesday 2026-11-18, 09:00 in China.
const clock = new ManualClock('2026-11-18T01:00:00Z')
let t: TestApp
let supervisor: TestStaff // 平原 supervisor: the 包挂领导
let agent: TestStaff // 平原 agent in the 专班
let bystander: TestStaff // 平原 agent outside the 专班
let outsider: TestStaff // 庆云 supervisor
let admin: TestStaff

const JINGDE = 'pingyuan-jingde-park'

beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  supervisor = await addStaff(t.app, 'supervisor', 'pingyuan', '陈主管')
  agent = await addStaff(t.app, 'agent', 'pingyuan', '李专班')
  bystander = await addStaff(t.app, 'agent', 'pingyuan', '王小二')
  outsider = await addStaff(t.app, 'supervisor', 'qingyun', '赵主管')
  admin = await addStaff(t.app, 'admin', null, '周管理员')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })
const send = (method: 'POST' | 'PUT', url: string, token: string, payload: object = {}) =>
  t.app.inject({ method, url, headers: bearer(token), payload })
const detail = async (id: string, token = supervisor.token) => {
  const response = await get(`/api/staff/projects/${id}`, token)
  expect(response.statusCode).toBe(200)
  return StaffProjectDetail.parse(response.json())
}
const stageOf = <S extends { stage: string }>(view: { stages: S[] }, stage: string): S =>
  view.stages.find((entry) => entry.stage === stage)!
const auditCount = async (projectId: string) =>
  Number((await t.app.db.select({ n: count() }).from(projectAudit).where(eq(projectAudit.projectId, projectId)))[0].n)
const setTeam = (id: string, body: object, token = supervisor.token) => send('PUT', `/api/staff/projects/${id}/team`, token, body)
const putStage = (id: string, stage: string, body: object, token = supervisor.token) =>
  send('PUT', `/api/staff/projects/${id}/stages/${stage}`, token, body)

describe('tracking starts where the article leaves each project', () => {
  it('creates tracking for every project record on the first board read, each stage from its article', async () => {
    const board = ProjectBoard.parse((await get('/api/staff/projects', admin.token)).json())
    const records = t.app.content.bundle.signedProjects
    expect(board.items.map((card) => card.id).sort()).toEqual(records.map((project) => project.id).sort())
    expect(Number((await t.app.db.select({ n: count() }).from(projectTracking))[0].n)).toBe(records.length)

    // Signed on 5月18日 at the 资本交易大会 (004): 签约 done, with the article and its date.
    const stanley = await detail('yunhe-stanley-fertilizer', admin.token)
    expect(stageOf(stanley, 'signed')).toMatchObject({ state: 'done', source: '004_85ff54eba2222c35.txt', reportedDate: '5月18日' })
    expect(stageOf(stanley, 'registered')).toMatchObject({ state: 'not_started', source: null })
    expect(stanley.card.currentStage).toBe('registered')

    // 正在开工建设 (001): building has started, so 开工 is done and 竣工 under way.
    const jingde = await detail(JINGDE, admin.token)
    expect(stageOf(jingde, 'started')).toMatchObject({ state: 'done', source: '001_6e7580bd8c09cae9.txt' })
    expect(stageOf(jingde, 'permit').state).toBe('done')
    expect(stageOf(jingde, 'completed').state).toBe('in_progress')

    // 即将全面开工建设 (004): not started yet, 施工许可 behind it.
    const logistics = await detail('yunhe-logistics-center', admin.token)
    expect(stageOf(logistics, 'started')).toMatchObject({ state: 'not_started', source: '004_85ff54eba2222c35.txt' })
    expect(stageOf(logistics, 'permit').state).toBe('done')

    // 完成了…工商设立 (002): registered.
    const fund = await detail('zouping-investment-mother-fund', admin.token)
    expect(stageOf(fund, 'registered')).toMatchObject({ state: 'done', source: '002_db233708d3e097bf.txt', reportedDate: '9月4日' })

    // 已入驻投产: every stage done.
    expect((await detail('zouping-meinuo', admin.token)).card.currentStage).toBeNull()
    // 洽谈中: signing under way.
    expect(stageOf(await detail('zouping-photovoltaic', admin.token), 'signed').state).toBe('in_progress')
  })

  it('creates a missing tracking row lazily on the first read of that project', async () => {
    await t.app.db.delete(projectStages).where(eq(projectStages.projectId, 'gaoqing-bird-park'))
    await t.app.db.delete(projectTracking).where(eq(projectTracking.projectId, 'gaoqing-bird-park'))
    const view = await detail('gaoqing-bird-park', admin.token)
    expect(view.stages).toHaveLength(8)
    expect(stageOf(view, 'signed')).toMatchObject({ state: 'done', source: '003_366a7cb6fb3ea4c6.txt' })
  })
})

describe('who sees and who changes a project', () => {
  beforeAll(async () => {
    const response = await setTeam(JINGDE, {
      leaderId: supervisor.id,
      memberIds: [agent.id],
      contactName: '刘经理',
      contactMobile: '13912345678',
    })
    expect(response.statusCode).toBe(200)
  })

  it('staff of the zone read the board and the project; another zone is refused', async () => {
    expect((await get('/api/staff/projects', bystander.token)).statusCode).toBe(200)
    expect((await get('/api/staff/projects?zoneId=qingyun', bystander.token)).statusCode).toBe(403)
    const board = ProjectBoard.parse((await get('/api/staff/projects', outsider.token)).json())
    expect(board.items.every((card) => card.zoneId === 'qingyun')).toBe(true)
    expect((await get(`/api/staff/projects/${JINGDE}`, outsider.token)).statusCode).toBe(404)
    expect((await get('/api/staff/projects/no-such-project', supervisor.token)).statusCode).toBe(404)
  })

  it('the 专班 and the zone supervisor update stages; a colleague outside the 专班 403, another zone 404', async () => {
    const before = await auditCount(JINGDE)
    expect((await putStage(JINGDE, 'completed', { state: 'in_progress', plannedDate: '2026-12-20' }, bystander.token)).statusCode).toBe(403)
    expect((await putStage(JINGDE, 'completed', { state: 'in_progress', plannedDate: '2026-12-20' }, outsider.token)).statusCode).toBe(404)
    expect(await auditCount(JINGDE)).toBe(before)

    const byTeam = await putStage(
      JINGDE,
      'completed',
      { state: 'in_progress', plannedDate: '2026-12-20', actualDate: null, note: '主体结构施工中' },
      agent.token,
    )
    expect(byTeam.statusCode).toBe(200)
    const view = StaffProjectDetail.parse(byTeam.json())
    expect(stageOf(view, 'completed')).toMatchObject({ plannedDate: '2026-12-20', note: '主体结构施工中', updatedBy: '李专班' })
    expect(view.audit[0]).toMatchObject({
      actor: '李专班',
      action: 'stage_updated',
      detail: {
        stage: 'completed',
        before: { state: 'in_progress', plannedDate: null, note: null },
        after: { state: 'in_progress', plannedDate: '2026-12-20', note: '主体结构施工中' },
      },
    })
    // Sending the same again changes nothing and writes no audit entry.
    const count = await auditCount(JINGDE)
    expect((await putStage(JINGDE, 'completed', { state: 'in_progress', plannedDate: '2026-12-20' }, agent.token)).statusCode).toBe(200)
    expect(await auditCount(JINGDE)).toBe(count)
  })

  it('only supervisors and admins set the 包挂领导 and 专班; the leader must be a supervisor of the zone', async () => {
    const body = { leaderId: supervisor.id, memberIds: [agent.id, bystander.id], contactName: '刘经理', contactMobile: '13912345678' }
    expect((await setTeam(JINGDE, body, agent.token)).statusCode).toBe(403)
    const wrongLeader = await setTeam(JINGDE, { ...body, leaderId: agent.id })
    expect(wrongLeader.statusCode).toBe(400)
    expect(wrongLeader.json().error.fields).toEqual({ leaderId: '包挂领导应为本开发区的主管' })
    const foreignMember = await setTeam(JINGDE, { ...body, memberIds: [agent.id, outsider.id] })
    expect(foreignMember.json().error.fields).toEqual({ 'memberIds.1': '只能选择本开发区的工作人员' })
    const halfContact = await setTeam(JINGDE, { ...body, contactMobile: null })
    expect(halfContact.json().error.fields).toEqual({ contactMobile: '联系人和手机号需同时填写或同时清空' })

    const view = await detail(JINGDE)
    expect(view.card.leader).toMatchObject({ id: supervisor.id, displayName: '陈主管' })
    expect(view.team.map((person) => person.displayName)).toEqual(['李专班'])
    expect(view.card.contact).toEqual({ name: '刘经理', mobileMasked: '139****5678' })
    expect(view.canManage).toBe(true)
    expect((await detail(JINGDE, agent.token)).canManage).toBe(false)
    expect((await detail(JINGDE, bystander.token)).canEdit).toBe(false)
  })

  it('bad stage input is 400 with the field and nothing is stored', async () => {
    const count = await auditCount(JINGDE)
    const cases: [string, object, Record<string, string>][] = [
      ['permit', { state: 'done', actualDate: '2026-11-19' }, { actualDate: '实际完成日期不能晚于今天' }],
      ['land', { state: 'in_progress', actualDate: '2026-11-01' }, { actualDate: '只有已完成的阶段填写实际完成日期' }],
      ['land', { state: 'blocked' }, { blocker: '请说明受阻原因' }],
      ['land', { state: 'paused' }, {}],
      ['land', { state: 'done', plannedDate: '2026/12/01' }, {}],
      ['land', { state: 'done', note: 'x'.repeat(501) }, {}],
    ]
    for (const [stage, body, fields] of cases) {
      const response = await putStage(JINGDE, stage, body)
      expect(response.statusCode).toBe(400)
      const reported = response.json().error.fields as Record<string, string>
      if (Object.keys(fields).length) expect(reported).toEqual(fields)
      else expect(Object.keys(reported).length).toBeGreaterThan(0)
    }
    expect((await putStage(JINGDE, 'demolished', { state: 'done' })).statusCode).toBe(400)
    expect(await auditCount(JINGDE)).toBe(count)
    expect(stageOf(await detail(JINGDE), 'land')).toMatchObject({ state: 'done', actualDate: null, note: null })
  })

  it('受阻 records the blocker (the note stands in for it); done defaults its actual date to today', async () => {
    const blocked = StaffProjectDetail.parse((await putStage(JINGDE, 'completed', { state: 'blocked', note: '电力增容审批未完成' })).json())
    expect(stageOf(blocked, 'completed')).toMatchObject({ state: 'blocked', blocker: '电力增容审批未完成' })
    expect(blocked.card.schedule).toBe('red')
    const done = StaffProjectDetail.parse((await putStage('yunhe-stanley-fertilizer', 'registered', { state: 'done' }, admin.token)).json())
    expect(stageOf(done, 'registered')).toMatchObject({ state: 'done', actualDate: '2026-11-18' })
  })
})

describe('invites', () => {
  const invite = async (projectId = JINGDE, token = supervisor.token) => {
    const response = await send('POST', `/api/staff/projects/${projectId}/invites`, token)
    expect(response.statusCode).toBe(201)
    return Invite.parse(response.json())
  }
  const claim = (code: string, token: string) =>
    t.app.inject({ method: 'POST', url: '/api/projects/claim', headers: bearer(token), payload: { code } })

  it('a code works once, for its investor only, and shows the timeline without internal notes', async () => {
    const created = await invite()
    expect(created.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(created.path).toBe(`pages/claim/index?code=${created.code}`)
    expect(created.expiresAt).toBe(new Date(clock.now().getTime() + 7 * DAY).toISOString())
    expect((await send('POST', `/api/staff/projects/${JINGDE}/invites`, bystander.token)).statusCode).toBe(403)

    const first = await guestToken(t.app)
    const second = await guestToken(t.app)
    const claimed = await claim(created.code.toLowerCase(), first)
    expect(claimed.statusCode).toBe(200)
    const view = InvestorProject.parse(claimed.json())
    expect(view.project.id).toBe(JINGDE)
    expect(view.leaderRole).toBe('平原经济开发区 主管')
    expect(stageOf(view, 'completed')).toMatchObject({ state: 'blocked' })
    // Internal notes, blockers and the contact never reach the investor.
    expect(claimed.body).not.toContain('电力增容')
    expect(claimed.body).not.toContain('主体结构施工中')
    expect(claimed.body).not.toContain('139')
    expect(claimed.body).not.toContain('陈主管')

    // The same investor again: fine. Anyone else: used.
    expect((await claim(created.code, first)).statusCode).toBe(200)
    const reused = await claim(created.code, second)
    expect(reused.statusCode).toBe(409)
    expect(reused.json().error).toMatchObject({ code: 'invite_used' })
    expect(reused.json().error.message).toContain('只能使用一次')

    // Who may open the project: its investor and staff of the zone.
    expect((await get(`/api/projects/${JINGDE}`, first)).statusCode).toBe(200)
    expect((await get(`/api/projects/${JINGDE}`, second)).statusCode).toBe(404)
    expect((await get(`/api/projects/${JINGDE}`, bystander.token)).statusCode).toBe(200)
    expect((await get(`/api/projects/${JINGDE}`, outsider.token)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `/api/projects/${JINGDE}` })).statusCode).toBe(401)
    const mine = MyProjectList.parse((await get('/api/projects/mine', first)).json())
    expect(mine.items).toEqual([
      expect.objectContaining({ id: JINGDE, zoneName: '平原经济开发区', currentStage: 'completed', currentState: 'blocked' }),
    ])
    expect(MyProjectList.parse((await get('/api/projects/mine', second)).json()).items).toEqual([])
    expect((await detail(JINGDE)).card.followers).toBe(1)
  })

  it('an expired code, an unknown code and a malformed code each get their own clear error', async () => {
    const created = await invite('pingyuan-strike-uav')
    const investor = await guestToken(t.app)
    clock.advance(7 * DAY)
    const expired = await claim(created.code, investor)
    expect(expired.statusCode).toBe(410)
    expect(expired.json().error).toMatchObject({ code: 'invite_expired' })
    clock.advance(-7 * DAY)
    const unknown = await claim('ABCDEFGH', investor)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('invite_not_found')
    const malformed = await claim('0O1I', investor)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.fields).toEqual({ code: '邀请码应为 8 位字母或数字' })
    // Still usable before it expires.
    expect((await claim(created.code, investor)).statusCode).toBe(200)
  })
})

describe('遇到问题找店小二 and 受阻 → request', () => {
  let investor: string
  beforeAll(async () => {
    const created = Invite.parse((await send('POST', '/api/staff/projects/pingyuan-5g-charging-pile/invites', supervisor.token)).json())
    investor = await guestToken(t.app)
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/projects/claim', headers: bearer(investor), payload: { code: created.code } }))
        .statusCode,
    ).toBe(200)
  })
  const file = (token: string, overrides: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { ...bearer(token), 'idempotency-key': `key-${Math.random()}` },
      payload: {
        type: 'agency',
        zoneId: 'pingyuan',
        company: '德州示例科技有限公司',
        contactName: '王先生',
        mobile: '13800001111',
        description: '签约后注册登记需要哪些材料，能否代办？',
        ...overrides,
      },
    })

  it('the investor files a request linked to a followed project and stage; it shows in their list', async () => {
    const response = await file(investor, { projectId: 'pingyuan-5g-charging-pile', projectStage: 'registered' })
    expect(response.statusCode).toBe(201)
    const mine = MyRequestList.parse((await get('/api/requests/mine', investor)).json())
    expect(mine.items[0].link).toEqual({
      kind: 'project',
      projectId: 'pingyuan-5g-charging-pile',
      projectName: '5G通讯基站智能充电桩项目',
      stage: 'registered',
    })

    const stranger = await guestToken(t.app)
    expect((await file(stranger, { projectId: 'pingyuan-5g-charging-pile', projectStage: 'registered' })).statusCode).toBe(403)
    const wrongZone = await file(investor, { zoneId: 'qingyun', projectId: 'pingyuan-5g-charging-pile', projectStage: 'registered' })
    expect(wrongZone.json().error.fields).toEqual({ projectId: '该项目不属于所选开发区' })
    expect((await file(investor, { projectId: 'pingyuan-5g-charging-pile' })).json().error.fields).toEqual({
      projectStage: '请同时提供项目和阶段',
    })
  })

  it('a blocked stage becomes a request of the following investor with one tap, once', async () => {
    const id = 'pingyuan-5g-charging-pile'
    const tap = () => send('POST', `/api/staff/projects/${id}/stages/signed/request`, supervisor.token)
    expect((await tap()).json().error.code).toBe('stage_not_blocked')
    expect((await putStage(id, 'signed', { state: 'blocked', blocker: '投资方股东会尚未审议' })).statusCode).toBe(200)
    const noContact = await tap()
    expect(noContact.statusCode).toBe(409)
    expect(noContact.json().error.code).toBe('no_contact')
    expect(
      (await setTeam(id, { leaderId: supervisor.id, memberIds: [], contactName: '孙总', contactMobile: '13700001234' })).statusCode,
    ).toBe(200)

    const first = await tap()
    expect(first.statusCode).toBe(200)
    const again = await tap()
    expect(again.json()).toEqual(first.json())
    const { requestId, ticketNo } = first.json() as { requestId: string; ticketNo: string }

    const mine = MyRequestList.parse((await get('/api/requests/mine', investor)).json())
    expect(mine.items.find((item) => item.id === requestId)).toMatchObject({ ticketNo, link: { kind: 'project', stage: 'signed' } })
    const inbox = pageOf(StaffRequestSummary).parse((await get('/api/staff/requests?queue=new', agent.token)).json())
    expect(inbox.items.map((item) => item.id)).toContain(requestId)
    expect(stageOf(await detail(id), 'signed').blockerRequest).toEqual({ id: requestId, ticketNo })

    // Without a follower there is nobody to file for.
    expect((await putStage('pingyuan-wireless-ad-hoc-comm', 'signed', { state: 'blocked', blocker: '选址未定' })).statusCode).toBe(200)
    expect(
      (await send('POST', '/api/staff/projects/pingyuan-wireless-ad-hoc-comm/stages/signed/request', supervisor.token)).json().error.code,
    ).toBe('no_investor')
  })
})

describe('reminders and escalations to the 包挂领导', () => {
  const id = 'pingyuan-strike-uav'
  const notices = async () =>
    (
      await t.app.db
        .select()
        .from(outbox)
        .where(inArray(outbox.kind, ['stage_reminder', 'stage_overdue']))
    ).filter((row) => row.payload.projectId === id)

  it('reminds once before the planned date and escalates once when it passes; a new date re-arms both', async () => {
    expect((await setTeam(id, { leaderId: supervisor.id, memberIds: [], contactName: null, contactMobile: null })).statusCode).toBe(200)
    expect((await putStage(id, 'signed', { state: 'in_progress', plannedDate: '2026-11-25' })).statusCode).toBe(200)

    await t.app.jobs.runStageReminders()
    expect(await notices()).toHaveLength(0)
    clock.set('2026-11-22T01:00:00Z') // three days before
    expect((await t.app.jobs.runStageReminders()).reminded).toBeGreaterThanOrEqual(1)
    await t.app.jobs.runStageReminders()
    const [reminder] = await notices()
    expect(await notices()).toHaveLength(1)
    expect(reminder).toMatchObject({ kind: 'stage_reminder', zoneId: 'pingyuan', recipients: [supervisor.id], requestId: null })
    expect(String(reminder.payload.markdown)).toContain('查打一体无人机项目 · 签约')
    expect(String(reminder.payload.markdown)).toContain('还有 3 天')

    clock.set('2026-11-26T01:00:00Z') // a day late
    const board = ProjectBoard.parse((await get('/api/staff/projects?overdue=true', supervisor.token)).json())
    expect(board.items[0]).toMatchObject({ overdue: true, schedule: 'red' })
    expect(board.items.map((card) => card.id)).toContain(id)
    await t.app.jobs.runStageReminders()
    await t.app.jobs.runStageReminders()
    const kinds = (await notices()).map((row) => row.kind).sort()
    expect(kinds).toEqual(['stage_overdue', 'stage_reminder'])
    const audit = (await detail(id)).audit.filter((entry) => entry.actor === '系统').map((entry) => entry.action)
    expect(audit.sort()).toEqual(['stage_overdue', 'stage_reminder'])

    // Planned again: the new date gets its own reminder.
    expect((await putStage(id, 'signed', { state: 'in_progress', plannedDate: '2026-11-27' })).statusCode).toBe(200)
    await t.app.jobs.runStageReminders()
    expect((await notices()).filter((row) => row.kind === 'stage_reminder')).toHaveLength(2)
    // Done stages are left alone.
    expect((await putStage(id, 'signed', { state: 'done' })).statusCode).toBe(200)
    clock.set('2026-11-30T01:00:00Z')
    await t.app.jobs.runStageReminders()
    expect(await notices()).toHaveLength(3)
    clock.set('2026-11-18T01:00:00Z')
  })
})

describe('现场评议 and the weekly summary', () => {
  it('records a review (dated, who was there, conclusion); a future date is refused', async () => {
    const body = {
      heldOn: '2026-11-17',
      stage: 'completed',
      attendees: ['陈主管', '李专班', '刘经理'],
      conclusion: '协调供电公司，月底前完成增容。',
    }
    const future = await send('POST', `/api/staff/projects/${JINGDE}/reviews`, supervisor.token, { ...body, heldOn: '2026-11-30' })
    expect(future.json().error.fields).toEqual({ heldOn: '评议日期不能晚于今天' })
    expect((await send('POST', `/api/staff/projects/${JINGDE}/reviews`, bystander.token, body)).statusCode).toBe(403)
    const response = await send('POST', `/api/staff/projects/${JINGDE}/reviews`, agent.token, body)
    expect(response.statusCode).toBe(200)
    const view = StaffProjectDetail.parse(response.json())
    expect(view.reviews[0]).toMatchObject({
      heldOn: '2026-11-17',
      stage: 'completed',
      attendees: ['陈主管', '李专班', '刘经理'],
      recordedBy: '李专班',
    })
    expect(view.audit[0]).toMatchObject({ action: 'review_added', actor: '李专班' })
  })

  it('summarizes the week by stage, overdue and completed, and downloads it as CSV with a BOM', async () => {
    expect((await putStage(JINGDE, 'completed', { state: 'done', actualDate: '2026-11-16' })).statusCode).toBe(200)
    const summary = WeeklySummary.parse((await get('/api/staff/project-summary', supervisor.token)).json())
    expect(summary).toMatchObject({ zoneId: 'pingyuan', weekStart: '2026-11-16', weekEnd: '2026-11-22' })
    expect(summary.projectCount).toBe(t.app.content.bundle.signedProjects.filter((project) => project.zoneId === 'pingyuan').length)
    expect(summary.completed).toEqual(
      expect.arrayContaining([expect.objectContaining({ projectId: JINGDE, stage: 'completed', actualDate: '2026-11-16' })]),
    )
    expect(summary.byStage.reduce((sum, row) => sum + row.count, 0)).toBe(summary.projectCount)
    expect((await get('/api/staff/project-summary?zoneId=qingyun', supervisor.token)).statusCode).toBe(403)

    const csv = await get('/api/staff/project-summary.csv', supervisor.token)
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''")
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('项目督考周报,平原经济开发区,2026-11-16 至 2026-11-22')
    expect(lines).toContain('竣工,京德智造产业园,平原经济开发区,2026-11-16')
  })

  it('lets the H5 staff desk PUT across origins (the browser asks first)', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/staff/projects/${JINGDE}/stages/permit`,
      headers: { origin: 'http://127.0.0.1:10086', 'access-control-request-method': 'PUT' },
    })
    expect(preflight.statusCode).toBe(204)
    expect(String(preflight.headers['access-control-allow-methods']).split(/,\s*/)).toContain('PUT')
  })

  it('the audit trail cannot be rewritten', async () => {
    await expect(
      t.app.db
        .update(projectAudit)
        .set({ action: 'forged' })
        .where(and(eq(projectAudit.projectId, JINGDE))),
    ).rejects.toThrow()
    await expect(t.app.db.delete(projectAudit).where(eq(projectAudit.projectId, JINGDE))).rejects.toThrow()
  })
})
