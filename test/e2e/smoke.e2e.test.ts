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
  // The page's own h1 (Taro's hidden navigation-bar title carries the same name, so not getByText).
  await page.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  await page.getByText('667').filter({ visible: true }).first().waitFor()
  await screenshot(page, 'smoke-park')
  await context.close()
})
