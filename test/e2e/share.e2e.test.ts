// A shared park link opened cold (fresh browser context, no history): it lands on the park, offers
// 返回首页, and records the visit for the sharer, which the staff dashboard's referrals then count.
import type { Browser } from 'playwright-core'
import { API_URL, H5_URL, PageChecks, launchBrowser, phoneContext, staffToken } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Referrals = {
  byStaff: Array<{ staffId: string; displayName: string; visits: number }>
  byPage: Array<{ page: string; targetId: string; visits: number }>
}

async function referrals(token: string): Promise<Referrals | undefined> {
  const res = await fetch(`${API_URL}/api/staff/dashboard`, { headers: { Authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return ((await res.json()) as { referrals?: Referrals }).referrals
}

test('cold open of a shared park link: the park, 返回首页, and the visit counted for the sharer', async () => {
  const checks = new PageChecks()
  // The sharer is the e2e 店小二: their shareCode is what their shared links carry as ref.
  const staff = await staffToken()
  const before = await referrals(staff.token)
  const visitsBefore = before?.byStaff.find((row) => row.staffId === staff.id)?.visits ?? 0

  const context = await phoneContext(browser)
  const page = await context.newPage()
  const recorded = page.waitForResponse(
    (response) => response.url() === `${API_URL}/api/share-visits` && response.request().method() === 'POST',
    { timeout: 30_000 },
  )
  await page.goto(`${H5_URL}/pages/park/index?id=pingyuan-jingde&ref=${encodeURIComponent(staff.shareCode)}`)

  await page.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  // Opened directly: nothing to go back to, so the bar offers the way home.
  const home = page.getByRole('button', { name: '返回首页' })
  await home.waitFor()

  const response = await recorded
  expect(response.status()).toBe(201)
  expect(response.request().postDataJSON()).toEqual(
    expect.objectContaining({ ref: staff.shareCode, page: 'pages/park/index', targetId: 'pingyuan-jingde' }),
  )
  await checks.visit(page, 'share-01-cold-open-park')

  // The staff dashboard counts it: for the sharer, and for the page.
  const after = await referrals(staff.token)
  expect(after).toBeDefined()
  const mine = after!.byStaff.find((row) => row.staffId === staff.id)
  expect(mine?.visits).toBe(visitsBefore + 1)
  expect(after!.byPage).toEqual(
    expect.arrayContaining([expect.objectContaining({ page: 'pages/park/index', targetId: 'pingyuan-jingde' })]),
  )

  // 返回首页 works.
  await home.click()
  await page.waitForURL(/\/pages\/index\/index/)
  await page.getByRole('heading', { name: '园区通', level: 1 }).waitFor()
  await checks.visit(page, 'share-02-home-after-cold-open')

  await context.close()
  checks.assertClean()
})
