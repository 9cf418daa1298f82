// Offline: a park viewed once is still there when the API is gone. The API process is really
// stopped (global setup's control endpoint) and started again afterwards for the other files.
//
// The API lets browsers keep content for a minute (max-age=60, stale-while-revalidate=600), so a
// reload right away may still come from Chromium's HTTP cache and never reach the app's own cache.
// "Reopened later" is therefore a new context carrying the same localStorage but no HTTP cache.
import type { Browser } from 'playwright-core'
import { API_URL, H5_URL, PageChecks, launchBrowser, phoneContext, startApi, stopApi } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  // Whatever happened, later files get their API back.
  await startApi()
  await browser?.close()
})

// A featured park: the home tab lists featured parks (the directory has the rest).
const PARK = '京德智造产业园'

test('a viewed park reopens from the device cache while the API is stopped, with an offline notice', async () => {
  const checks = new PageChecks()
  const context = await phoneContext(browser)
  const page = await context.newPage()

  // Online: home, then the park (both saved on the device as they load).
  await page.goto(`${H5_URL}/pages/index/index`)
  await page.getByRole('link', { name: PARK }).first().click()
  await page.waitForURL(/\/pages\/park\/index\?id=pingyuan-jingde/)
  await page.getByRole('heading', { name: PARK, level: 1 }).waitFor()
  await page.getByText('联系方式').waitFor()
  await checks.visit(page, 'offline-01-park-online')
  const saved = await context.storageState()
  await context.close()

  await stopApi()
  await expect(fetch(`${API_URL}/api/health`)).rejects.toThrow()

  // Reopened later, the API unreachable: the park from the device, saying it is offline.
  const later = await phoneContext(browser, saved)
  const offline = await later.newPage()
  const failed: string[] = []
  offline.on('requestfailed', (request) => failed.push(request.url()))
  await offline.goto(`${H5_URL}/pages/park/index?id=pingyuan-jingde`)
  await offline.getByRole('heading', { name: PARK, level: 1 }).waitFor()
  const notice = offline.getByRole('status').filter({ hasText: '离线内容' })
  await notice.waitFor()
  await expect(notice.textContent()).resolves.toContain('网络不可用')
  expect(failed).toContain(`${API_URL}/api/parks/pingyuan-jingde`)
  await offline.getByText('联系方式').waitFor()
  await checks.visit(offline, 'offline-02-park-offline')

  // The home tab too.
  await offline.goto(`${H5_URL}/pages/index/index`)
  await offline.getByRole('link', { name: PARK }).first().waitFor()
  const homeNotice = offline.getByRole('status').filter({ hasText: '离线内容' })
  await homeNotice.waitFor()
  await checks.visit(offline, 'offline-03-home-offline')

  // Back online: 重试 brings fresh content and the notice goes away.
  await startApi()
  await homeNotice.getByRole('button', { name: /^重试/ }).click()
  await homeNotice.waitFor({ state: 'detached' })
  await checks.visit(offline, 'offline-04-home-online-again')

  await later.close()
  checks.assertClean()
})
