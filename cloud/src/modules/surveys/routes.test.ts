import { count, eq } from 'drizzle-orm'
import { pageOf } from '../../../../types/common'
import { MyRequestList, StaffRequestSummary } from '../../../../types/service'
import { MySurveyList, StaffSurveyList, Survey, SurveyForInvestor, SurveyList, SurveyResults } from '../../../../types/surveys'
import { surveyResponses, surveys } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, guestToken, ManualClock, serviceTestConfig, submit, type TestStaff } from '../../../test-support/service'

const DAY = 24 * 3600_000
const clock = new ManualClock('2026-11-18T01:00:00Z') // Wednesday 09:00 in China
let t: TestApp
let supervisor: TestStaff
let agent: TestStaff
let outsider: TestStaff

beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  supervisor = await addStaff(t.app, 'supervisor', 'zouping', '孙主管')
  agent = await addStaff(t.app, 'agent', 'zouping', '赵小二')
  outsider = await addStaff(t.app, 'supervisor', 'gaoqing', '吴主管')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const surveyBody = (overrides: object = {}) => ({
  kind: 'needs',
  title: '2026 年冬季企业需求调查',
  intro: '了解企业在用工、融资、水电气暖方面的急难愁盼问题。',
  questions: [
    { type: 'single', title: '企业目前最急需解决的问题', required: true, options: ['用工', '融资', '水电气暖', '审批'] },
    { type: 'multiple', title: '希望开发区提供哪些服务', required: false, options: ['政策解读', '人才招聘', '银企对接'] },
    { type: 'rating', title: '对开发区服务的满意度', required: true },
    { type: 'text', title: '其他意见和建议', required: false },
  ],
  opensOn: '2026-11-18',
  closesOn: '2026-11-30',
  ...overrides,
})
const answerBody = (overrides: object = {}) => ({
  company: '邹平示例铝业有限公司',
  contactName: '张经理',
  mobile: '13800002222',
  answers: { q1: '融资', q2: ['银企对接', '政策解读'], q3: 4, q4: '希望组织一次银企对接会。' },
  ...overrides,
})
const post = (url: string, token: string | null, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, payload })
const get = (url: string, token: string | null = null) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} })
const surveyCount = async () => Number((await t.app.db.select({ n: count() }).from(surveys))[0].n)
const responseCount = async (surveyId: string) =>
  Number((await t.app.db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)))[0].n)

const published = async (overrides: object = {}) => {
  const created = await post('/api/staff/surveys', supervisor.token, surveyBody(overrides))
  expect(created.statusCode).toBe(201)
  const survey = Survey.parse(created.json())
  expect((await post(`/api/staff/surveys/${survey.id}/publish`, supervisor.token)).statusCode).toBe(200)
  return survey
}

describe('writing and publishing', () => {
  it('supervisors write drafts; agents are refused; bad input is 400 per field and stores nothing', async () => {
    const before = await surveyCount()
    expect((await post('/api/staff/surveys', agent.token, surveyBody())).statusCode).toBe(403)
    const bad = await post(
      '/api/staff/surveys',
      supervisor.token,
      surveyBody({
        title: '调查',
        questions: [
          { type: 'single', title: '企业规模', required: true, options: ['小'] },
          { type: 'text', title: '建议', required: false, options: ['a', 'b'] },
          { type: 'multiple', title: '需求', required: true, options: ['用工', '用工'] },
        ],
        closesOn: '2026-11-01',
      }),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toMatchObject({
      title: '请填写问卷标题（至少 4 个字）',
      'questions.0.options': '选择题至少需要 2 个选项',
      'questions.1.options': '只有选择题可以设置选项',
      'questions.2.options': '选项不能重复',
    })
    expect(
      (await post('/api/staff/surveys', supervisor.token, surveyBody({ opensOn: '2026-11-01', closesOn: '2026-11-10' }))).json().error
        .fields,
    ).toEqual({
      closesOn: '截止日期不能早于今天',
    })
    expect(await surveyCount()).toBe(before)
  })

  it('a draft is invisible to investors until published, and fixed once published', async () => {
    const draft = Survey.parse((await post('/api/staff/surveys', supervisor.token, surveyBody())).json())
    expect(draft).toMatchObject({ status: 'draft', zoneId: 'zouping', zoneName: '邹平经济技术开发区' })
    expect(draft.questions.map((question) => question.id)).toEqual(['q1', 'q2', 'q3', 'q4'])
    expect((await get(`/api/surveys/${draft.id}`)).statusCode).toBe(404)
    expect(SurveyList.parse((await get('/api/surveys?zoneId=zouping')).json()).items.map((card) => card.id)).not.toContain(draft.id)

    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/surveys/${draft.id}`,
      headers: bearer(supervisor.token),
      payload: surveyBody({ title: '2026 年冬季企业需求调查（修订）' }),
    })
    expect(Survey.parse(edited.json()).title).toBe('2026 年冬季企业需求调查（修订）')
    expect((await post(`/api/staff/surveys/${draft.id}/publish`, outsider.token)).statusCode).toBe(404)
    expect((await post(`/api/staff/surveys/${draft.id}/publish`, agent.token)).statusCode).toBe(403)
    const live = Survey.parse((await post(`/api/staff/surveys/${draft.id}/publish`, supervisor.token)).json())
    expect(live.status).toBe('open')
    expect(SurveyList.parse((await get('/api/surveys?zoneId=zouping')).json()).items.map((card) => card.id)).toContain(draft.id)
    const frozen = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/surveys/${draft.id}`,
      headers: bearer(supervisor.token),
      payload: surveyBody(),
    })
    expect(frozen.statusCode).toBe(409)
    expect(frozen.json().error.code).toBe('survey_published')
    const list = StaffSurveyList.parse((await get('/api/staff/surveys', agent.token)).json())
    expect(list.items.find((card) => card.id === draft.id)).toMatchObject({ status: 'open', responseCount: 0 })
    expect((await get('/api/staff/surveys?zoneId=zouping', outsider.token)).statusCode).toBe(403)
  })
})

describe('answering', () => {
  it('one answer per company: the second replaces the first; bad answers are 400 per question and store nothing', async () => {
    const survey = await published()
    const investor = await guestToken(t.app)
    const url = `/api/surveys/${survey.id}/responses`

    const bad = await post(url, investor, answerBody({ mobile: '12345', answers: { q1: '不存在的选项', q2: ['融资'], q3: 6, q9: 'x' } }))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toEqual({ mobile: '请填写 11 位中国大陆手机号' })
    const badAnswers = await post(url, investor, answerBody({ answers: { q1: '不存在的选项', q2: ['融资'], q3: 6, q9: 'x' } }))
    expect(badAnswers.json().error.fields).toEqual({
      'answers.q1': '请从选项中选择一项',
      'answers.q2': '请从选项中选择',
      'answers.q3': '请打 1–5 分',
      'answers.q9': '问卷中没有这道题',
    })
    const missing = await post(url, investor, answerBody({ answers: { q2: [] } }))
    expect(missing.json().error.fields).toEqual({ 'answers.q1': '此题为必答题，请选择', 'answers.q3': '此题为必答题，请选择' })
    expect(await responseCount(survey.id)).toBe(0)

    const first = await post(url, investor, answerBody())
    expect(first.statusCode).toBe(201)
    const second = await post(url, investor, answerBody({ answers: { q1: '用工', q3: 2 } }))
    expect(second.statusCode).toBe(200)
    expect(SurveyForInvestor.parse(second.json()).myResponse).toMatchObject({ answers: { q1: '用工', q3: 2 } })
    expect(await responseCount(survey.id)).toBe(1)
    const mine = SurveyForInvestor.parse((await get(`/api/surveys/${survey.id}`, investor)).json())
    expect(mine.myResponse?.answers).toEqual({ q1: '用工', q3: 2 })
    expect(SurveyForInvestor.parse((await get(`/api/surveys/${survey.id}`)).json()).myResponse).toBeNull()
  })

  it('refuses answers before the survey opens and after it closes', async () => {
    const later = await published({ opensOn: '2026-11-25', closesOn: '2026-11-30' })
    const investor = await guestToken(t.app)
    const early = await post(`/api/surveys/${later.id}/responses`, investor, answerBody())
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('survey_not_open')

    const short = await published({ closesOn: '2026-11-19' })
    expect((await post(`/api/surveys/${short.id}/responses`, investor, answerBody())).statusCode).toBe(201)
    clock.advance(2 * DAY) // Friday: closed since the end of Thursday
    const closed = await post(`/api/surveys/${short.id}/responses`, investor, answerBody({ company: '改过的名字有限公司' }))
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error).toMatchObject({ code: 'survey_closed', message: '问卷已于 2026-11-19 截止，不能再提交或修改' })
    expect(SurveyForInvestor.parse((await get(`/api/surveys/${short.id}`, investor)).json())).toMatchObject({
      survey: { status: 'closed' },
      myResponse: { company: '邹平示例铝业有限公司' },
    })
    clock.advance(-2 * DAY)
  })

  it('我的 lists open surveys of the zones an investor deals with, and those they answered', async () => {
    const survey = await published({ title: '问效于企：2026 年服务评价' })
    const client = await guestToken(t.app)
    const stranger = await guestToken(t.app)
    await submit(t.app, client, { zoneId: 'zouping', parkId: undefined })
    const listed = MySurveyList.parse((await get('/api/surveys/mine', client)).json())
    expect(listed.items.find((card) => card.id === survey.id)).toMatchObject({ answered: false, status: 'open' })
    expect(MySurveyList.parse((await get('/api/surveys/mine', stranger)).json()).items).toEqual([])
    expect((await get('/api/surveys/mine')).statusCode).toBe(401)
  })
})

describe('results, requests and export', () => {
  it('counts options, averages ratings, lists texts with the company; an answer becomes a request once', async () => {
    const survey = await published({ title: '问策于企：惠企政策需求' })
    const a = await guestToken(t.app)
    const b = await guestToken(t.app)
    expect((await post(`/api/surveys/${survey.id}/responses`, a, answerBody())).statusCode).toBe(201)
    expect(
      (
        await post(
          `/api/surveys/${survey.id}/responses`,
          b,
          answerBody({ company: '邹平示例纺织有限公司', answers: { q1: '融资', q2: ['人才招聘'], q3: 5 } }),
        )
      ).statusCode,
    ).toBe(201)

    expect((await get(`/api/staff/surveys/${survey.id}/results`, outsider.token)).statusCode).toBe(404)
    const results = SurveyResults.parse((await get(`/api/staff/surveys/${survey.id}/results`, agent.token)).json())
    expect(results.responseCount).toBe(2)
    const [single, multiple, rating, text] = results.questions
    expect(single.options).toEqual([
      { option: '用工', count: 0 },
      { option: '融资', count: 2 },
      { option: '水电气暖', count: 0 },
      { option: '审批', count: 0 },
    ])
    expect(multiple.options.map((option) => option.count)).toEqual([1, 1, 1])
    expect(rating).toMatchObject({ average: 4.5, distribution: [0, 0, 0, 1, 1], answered: 2 })
    expect(text.texts).toEqual([expect.objectContaining({ company: '邹平示例铝业有限公司', text: '希望组织一次银企对接会。' })])
    expect(results.responses[0].mobileMasked).toBe('138****2222')

    const responseId = results.responses.find((row) => row.company === '邹平示例铝业有限公司')!.id
    const turn = () => post(`/api/staff/surveys/${survey.id}/responses/${responseId}/request`, agent.token)
    const first = await turn()
    expect(first.statusCode).toBe(200)
    expect((await turn()).json()).toEqual(first.json())
    const { requestId } = first.json() as { requestId: string }

    const theirs = MyRequestList.parse((await get('/api/requests/mine', a)).json())
    expect(theirs.items).toEqual([
      expect.objectContaining({
        id: requestId,
        company: '邹平示例铝业有限公司',
        link: { kind: 'survey', surveyId: survey.id, responseId, surveyTitle: '问策于企：惠企政策需求' },
      }),
    ])
    const inbox = pageOf(StaffRequestSummary).parse((await get('/api/staff/requests?queue=new', agent.token)).json())
    expect(inbox.items.map((item) => item.id)).toContain(requestId)
    const detail = (await get(`/api/staff/requests/${requestId}`, agent.token)).json() as {
      description: string
      audit: { action: string; actor: string }[]
    }
    expect(detail.description).toContain('来自问卷《问策于企：惠企政策需求》')
    expect(detail.description).toContain('其他意见和建议：希望组织一次银企对接会。')
    expect(detail.audit.map((entry) => entry.action)).toEqual(['created', 'filed_for_investor'])
    expect(
      SurveyResults.parse((await get(`/api/staff/surveys/${survey.id}/results`, agent.token)).json()).responses.find(
        (row) => row.id === responseId,
      )?.request?.id,
    ).toBe(requestId)

    const csv = await get(`/api/staff/surveys/export.csv?surveyId=${survey.id}`, supervisor.token)
    expect(csv.statusCode).toBe(200)
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('开发区,问卷,类型,企业,联系人,手机号,提交时间,最后修改,题号,题型,题目,答案,店小二工单')
    expect(lines).toHaveLength(1 + 4 + 3)
    expect(lines.some((line) => line.includes('邹平示例铝业有限公司') && line.includes('银企对接、政策解读'))).toBe(false)
    expect(lines.some((line) => line.includes('邹平示例铝业有限公司') && line.includes('政策解读、银企对接'))).toBe(true)
    expect((await get(`/api/staff/surveys/export.csv?surveyId=${survey.id}`, outsider.token)).statusCode).toBe(404)
    expect((await get('/api/staff/surveys/export.csv', supervisor.token)).statusCode).toBe(200)
  })
})
