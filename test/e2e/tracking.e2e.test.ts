// Issue 13, 项目督考 and 问需于企: a 主管 updates a project's stage and invites its investor; the investor
// opens the invite link (cold start), follows the project and sees the timeline. The 主管 writes and
// publishes a survey; the investor answers it from its link; the answer becomes a 店小二 request that
// the staff inbox shows and the investor's request list links to the survey. Screenshot + axe on every page.
import type { Browser, Page } from 'playwright-core'
import { API_URL, H5_URL, PageChecks, launchBrowser, phoneContext, supervisorAccount } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** YYYY-MM-DD in China, `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000).toISOString().slice(0, 10)

const signIn = async (page: Page) => {
  await page.goto(`${H5_URL}/staff/login/index`)
  await page.getByRole('heading', { name: /工作人员登录/ }).waitFor()
  const account = supervisorAccount()
  await page.getByRole('textbox', { name: '用户名' }).fill(account.username)
  await page.getByRole('textbox', { name: '密码' }).fill(account.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/staff\/inbox\/index/)
}

test('督考 and 问需于企: stage update and invite → investor follows the timeline; survey published, answered, answer → 店小二 request', async () => {
  const checks = new PageChecks()
  const staffContext = await phoneContext(browser)
  const staff = await staffContext.newPage()
  await signIn(staff)

  // The 督考 board, from the workbench.
  await staff.getByRole('link', { name: '项目督考' }).click()
  await staff.waitForURL(/\/staff\/projects\/index/)
  const row = staff.getByRole('listitem', { name: /^京德智造产业园，/ })
  await row.waitFor()
  await checks.visit(staff, 'tracking-01-board')

  // 竣工 planned: the supervisor updates the stage.
  await row.click()
  await staff.waitForURL(/\/staff\/project\/index\?id=pingyuan-jingde-park/)
  await staff.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  const planned = chinaDay(30)
  await staff.getByRole('button', { name: '更新竣工' }).click()
  await staff.getByRole('radio', { name: '阶段状态：进行中' }).click()
  await staff.getByRole('textbox', { name: '计划日期' }).fill(planned)
  await staff.getByRole('textbox', { name: '内部备注' }).fill('主体结构施工中，月底封顶')
  await checks.visit(staff, 'tracking-02-stage-editor')
  const saved = staff.waitForResponse((r) => r.url().includes('/stages/completed') && r.request().method() === 'PUT')
  await staff.getByRole('button', { name: '保存' }).click()
  expect((await saved).status()).toBe(200)
  await staff.getByText(`竣工：计划日期 空 → ${planned}；备注 空 → 主体结构施工中，月底封顶`).waitFor()

  // The invite: a code shown once, and the link to send.
  await staff.getByRole('button', { name: '生成邀请码' }).click()
  const code = ((await staff.locator('.dsk-invite__code').textContent()) ?? '').trim()
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
  const link = ((await staff.locator('.dsk-invite__link').textContent()) ?? '').trim()
  expect(link).toBe(`${H5_URL}/pages/claim/index?code=${code}`)
  await checks.visit(staff, 'tracking-03-project-desk')

  // The investor opens the link cold: claimed, then the timeline.
  const investorContext = await phoneContext(browser)
  const investor = await investorContext.newPage()
  await investor.goto(link)
  await investor.waitForURL(/\/pages\/project\/index\?id=pingyuan-jingde-park/)
  await investor.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  const stage = investor.getByRole('listitem', { name: '第 7 步 竣工，进行中' })
  await stage.getByText(`计划 ${planned}`).waitFor()
  await investor.getByText('开发区将指定一位包挂领导全程督办。').waitFor()
  // Internal notes never reach the investor.
  expect(await investor.getByText('主体结构施工中').count()).toBe(0)
  await checks.visit(investor, 'tracking-04-investor-timeline')
  // The invite is spent: a second person gets a clear answer.
  const strangerContext = await phoneContext(browser)
  const stranger = await strangerContext.newPage()
  await stranger.goto(link)
  await stranger.getByText(/该邀请码已被使用/).waitFor()
  await checks.visit(stranger, 'tracking-05-invite-used')
  await strangerContext.close()

  // 问需于企: the supervisor writes and publishes a survey.
  await staff.goto(`${H5_URL}/staff/surveys/index`)
  await staff.getByRole('button', { name: '新建问卷' }).click()
  await staff.waitForURL(/\/staff\/survey-edit\/index/)
  await staff.getByRole('textbox', { name: '问卷标题' }).fill('京德智造产业园企业用工需求调查')
  await staff.getByRole('textbox', { name: '第 1 题题目' }).fill('企业目前最急需解决的问题')
  await staff.getByRole('textbox', { name: '第 1 题选项' }).fill('用工\n融资\n水电气暖')
  await staff.getByRole('button', { name: '添加一题' }).click()
  await staff.getByRole('radio', { name: '第 2 题题型：填空' }).click()
  await staff.getByRole('textbox', { name: '第 2 题题目' }).fill('具体需要什么帮助')
  await checks.visit(staff, 'tracking-06-survey-editor')
  await staff.getByRole('button', { name: '保存草稿' }).click()
  await staff.waitForURL(/\/staff\/survey\/index\?id=/)
  const surveyId = new URL(staff.url()).searchParams.get('id')!
  await staff.getByRole('button', { name: '发布问卷' }).click()
  await staff.getByText('进行中').waitFor()
  await checks.visit(staff, 'tracking-07-survey-published')

  // The investor answers from the survey's link (what 分享问卷 sends), after the privacy consent.
  await investor.goto(`${H5_URL}/pages/survey/index?id=${surveyId}`)
  await investor.getByRole('heading', { name: '京德智造产业园企业用工需求调查' }).waitFor()
  await investor.getByRole('radio', { name: '企业目前最急需解决的问题：用工' }).click()
  await investor.getByRole('textbox', { name: '具体需要什么帮助' }).fill('二期投产需要招聘 30 名数控操作工。')
  await investor.getByRole('button', { name: '同意并填写' }).click()
  await investor.getByRole('textbox', { name: '企业名称' }).fill('北京德知航创科技有限公司')
  await investor.getByRole('textbox', { name: '联系人' }).fill('刘经理')
  await investor.getByRole('textbox', { name: '手机号' }).fill('13912345678')
  await checks.visit(investor, 'tracking-08-survey-form')
  await investor.getByRole('button', { name: '提交答复' }).click()
  await investor.getByText('已提交，感谢您的反馈！截止前可以修改答复。').waitFor()
  await checks.visit(investor, 'tracking-09-survey-answered')

  // The answer becomes a request; the inbox shows it.
  await staff.reload()
  const answer = staff.getByRole('listitem', { name: '北京德知航创科技有限公司 的答复' })
  await answer.waitFor()
  await checks.visit(staff, 'tracking-10-survey-results')
  await answer.getByRole('button', { name: '转为店小二请求' }).click()
  const madeLink = answer.getByText(/^已转为店小二请求 PY-\d{8}-\d{4} ›$/)
  await madeLink.waitFor()
  const ticket = ((await madeLink.textContent()) ?? '').match(/PY-\d{8}-\d{4}/)![0]
  await staff.goto(`${H5_URL}/staff/inbox/index`)
  await staff.getByRole('listitem').filter({ hasText: ticket }).waitFor()
  await checks.visit(staff, 'tracking-11-inbox')

  // The company sees it in its list, linked to the survey.
  await investor.goto(`${H5_URL}/pages/requests/index`)
  const mine = investor.getByRole('listitem').filter({ hasText: ticket })
  await mine.getByText('来自问卷：京德智造产业园企业用工需求调查').waitFor()
  await checks.visit(investor, 'tracking-12-my-requests')

  // The weekly summary downloads as CSV with a BOM (what Excel needs to read Chinese).
  const signedIn = await fetch(`${API_URL}/api/auth/staff`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(supervisorAccount()),
  })
  const { token } = (await signedIn.json()) as { token: string }
  const csv = await fetch(`${API_URL}/api/staff/project-summary.csv`, { headers: { Authorization: `Bearer ${token}` } })
  expect(csv.status).toBe(200)
  const bytes = Buffer.from(await csv.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(bytes.toString('utf8')).toContain('京德智造产业园')

  await investorContext.close()
  await staffContext.close()
  checks.assertClean()
})
