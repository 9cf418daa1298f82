import type { Browser } from 'playwright-core'
import { H5_URL, launchBrowser, phoneContext, screenshot } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('the home page lists the zones, and a park opens its profile', async () => {
  const context = await phoneContext(browser)
  const page = await context.newPage()
  await page.goto(`${H5_URL}/pages/index/index`)
  await page.getByText('京德智造产业园').first().waitFor({ timeout: 30_000 })
  for (const zone of ['庆云', '平原', '邹平', '高青', '运河']) {
    await expect(page.getByText(zone).first().isVisible()).resolves.toBe(true)
  }
  await screenshot(page, 'smoke-home')

  await page.getByText('京德智造产业园').first().click()
  await page.waitForURL(/\/pages\/park\/index\?id=pingyuan-jingde/)
  await page.getByRole('heading', { name: '京德智造产业园' }).or(page.getByText('京德智造产业园').first()).first().waitFor()
  await expect(page.getByText('667').first().isVisible()).resolves.toBe(true)
  await screenshot(page, 'smoke-park')
  await context.close()
})
