// Issue 15, a new user's walk through the H5 app, pressing what they would press: 关注 a park and
// find it in 我的, 对比 N above the tab bar, the compare page (its title, the same facts as the park
// page), a way back on every sub-page, context carried from 首页 and from a policy, a missing park.
// Every page: screenshots at 320, 375 and 414 px (checked for text broken onto lone characters) and axe.
import type { Browser, Page } from 'playwright-core'
import { H5_URL, PageChecks, launchBrowser, phoneContext } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item', { hasText: label })
// The page on top is the last one in the document (the one below may still be sliding out).
const back = (page: Page) => page.getByRole('button', { name: '返回', exact: true }).filter({ visible: true }).last()

test('关注 on H5: follow a park, see it in 我的, unfollow it (issue 15.1)', async () => {
  const checks = new PageChecks()
  const context = await phoneContext(browser)
  const page = await context.newPage()

  // A cold open: nothing to go back to, so the top bar offers 首页.
  await page.goto(`${H5_URL}/pages/park/index?id=pingyuan-jingde`)
  await page.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  await page.getByRole('button', { name: '返回首页' }).waitFor()

  const put = page.waitForResponse((r) => r.url().endsWith('/api/favourites/pingyuan-jingde') && r.request().method() === 'PUT')
  await page.getByRole('button', { name: '关注园区', pressed: false }).click()
  expect((await put).status()).toBe(204)
  await page.getByRole('button', { name: '关注园区', pressed: true }).waitFor()
  await page.getByText('已关注，可在“我的”查看').waitFor()
  await expect(page.getByText(/操作失败/).count()).resolves.toBe(0)
  await checks.visit(page, 'walk-01-park-followed')

  // 首页, then 我的: the park is listed, and no raw guest id.
  await page.getByRole('button', { name: '返回首页' }).click()
  await page.waitForURL(/\/pages\/index\/index/)
  await tab(page, '我的').click()
  await page.waitForURL(/\/pages\/mine\/index/)
  // 关注的园区 comes first on 我的 (最近看过 below lists the park too).
  const followed = page
    .getByRole('link', { name: /京德智造产业园/ })
    .filter({ visible: true })
    .first()
  await followed.waitFor()
  await expect(page.locator('.mine__sub').filter({ visible: true }).textContent()).resolves.not.toMatch(/编号|[0-9a-f]{6}/)
  await checks.visit(page, 'walk-02-mine-following')

  // Open it from 我的 (a sub-page now: 返回), unfollow, and go back.
  await followed.click()
  await page.waitForURL(/\/pages\/park\/index\?id=pingyuan-jingde/)
  const del = page.waitForResponse((r) => r.url().endsWith('/api/favourites/pingyuan-jingde') && r.request().method() === 'DELETE')
  await page.getByRole('button', { name: '关注园区', pressed: true }).click()
  expect((await del).status()).toBe(204)
  await page.getByRole('button', { name: '关注园区', pressed: false }).waitFor()
  await back(page).click()
  await page.waitForURL(/\/pages\/mine\/index/)
  await page.getByText('还没有关注的园区。在园区详情页点“关注”，这里会列出来。').filter({ visible: true }).waitFor()
  await checks.visit(page, 'walk-03-mine-unfollowed')

  await context.close()
  checks.assertClean()
})

test('对比 N sits above the tab bar; compare is titled 园区对比 and says what the park page says (issues 15.2–15.4, 15.10)', async () => {
  const checks = new PageChecks()
  const context = await phoneContext(browser)
  const page = await context.newPage()
  await page.goto(`${H5_URL}/pages/parks/index`)
  await page.getByText(/^共 \d+ 个园区$/).waitFor()

  for (const name of ['京德智造产业园', '新型医药产业园']) {
    await page.getByRole('radio', { name: '开发区：平原' }).click()
    await page
      .getByRole('link', { name: new RegExp(name) })
      .first()
      .click()
    await page.getByRole('heading', { name, level: 1 }).waitFor()
    // The park's name is the page title while it shows.
    await page.waitForFunction((title) => document.title === title, name)
    await page.getByRole('button', { name: '加入对比', pressed: false }).click()
    await page.getByRole('button', { name: '加入对比', pressed: true }).waitFor()
    await back(page).click()
    await page.waitForURL(/\/pages\/parks\/index/)
  }

  // The floating 对比 2 is clear of the tab bar, and a real tap reaches it.
  const compare = page.getByRole('link', { name: '对比 2 个园区' })
  await compare.waitFor()
  const button = (await compare.boundingBox())!
  const tabbar = (await page.locator('.weui-tabbar').boundingBox())!
  expect(button.y + button.height).toBeLessThanOrEqual(tabbar.y)
  await checks.visit(page, 'walk-04-parks-compare-button')
  await compare.click()
  await page.waitForURL(/\/pages\/compare\/index/)
  const table = page.getByRole('table', { name: '园区对比表' })
  await table.waitFor()
  // Not the name of the park page underneath (issue 15.3).
  await page.waitForTimeout(500)
  await expect(page.title()).resolves.toBe('园区对比')

  // 京德's park page lists enterprises and a signed project: so does compare.
  const cells = async (label: string) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label }) })
      .getByRole('cell')
      .allTextContents()
  const [enterprises] = await cells('入驻企业')
  const [projects] = await cells('签约项目')
  expect(enterprises).toBe('已列出 2 家')
  expect(projects).toMatch(/^已列出 \d+ 个$/)
  await checks.visit(page, 'walk-05-compare')

  // Back from compare to the list; the title follows the page again.
  await back(page).click()
  await page.waitForURL(/\/pages\/parks\/index/)
  await context.close()
  checks.assertClean()
})

test('context carries: 首页 zone → 政策 tab; a policy → 咨询店小二 (type) and 政策匹配 (zone); 返回 everywhere (issues 15.10, 15.11)', async () => {
  const checks = new PageChecks()
  const context = await phoneContext(browser)
  const page = await context.newPage()
  await page.goto(`${H5_URL}/pages/index/index`)
  await page.getByRole('heading', { name: '园区通', level: 1 }).waitFor()
  await page.getByRole('radio', { name: '开发区：平原' }).click()
  await page.getByRole('radio', { name: '开发区：平原', checked: true }).waitFor()

  await tab(page, '政策').click()
  await page.waitForURL(/\/pages\/policies\/index/)
  await page.getByRole('radio', { name: '区域：平原', checked: true }).waitFor()
  await page.getByText(/^共 \d+ 条/).waitFor()
  const zones = await page.locator('[role="listitem"] .pl-policy-card').filter({ visible: true }).allTextContents()
  expect(zones.length).toBeGreaterThan(0)
  expect(zones.every((text) => !/庆云县|邹平|高青|运河/.test(text))).toBe(true)
  await checks.visit(page, 'walk-06-policies-from-home-zone')

  // A finance policy of 平原: 咨询店小二 opens the form on 融资 with the policy named.
  await page.getByRole('link', { name: '重大产业项目发展基金' }).first().click()
  await page.waitForURL(/\/pages\/policy\/index\?id=pingyuan-major-project-fund/)
  await page.getByRole('heading', { name: '重大产业项目发展基金', level: 1 }).waitFor()
  await checks.visit(page, 'walk-07-policy')
  await page.getByRole('button', { name: '咨询店小二：重大产业项目发展基金' }).click()
  await page.waitForURL(/\/pages\/service\/index\?/)
  const consent = page.getByRole('dialog').filter({ hasText: '个人信息保护提示' })
  await consent.waitFor()
  await consent.getByRole('button', { name: '同意并继续' }).click()
  await consent.waitFor({ state: 'hidden' })
  await page.getByRole('radio', { name: '需求类型：融资', checked: true }).waitFor()
  await page.getByRole('radio', { name: '开发区：平原经济开发区', checked: true }).waitFor()
  await expect(page.getByRole('textbox', { name: '需求描述' }).inputValue()).resolves.toBe('咨询政策「重大产业项目发展基金」：')
  await checks.visit(page, 'walk-08-service-from-policy')
  await back(page).click()
  await page.waitForURL(/\/pages\/policy\/index/)

  // 政策匹配 from the policy starts at its zone.
  await page.getByRole('button', { name: '去政策匹配' }).click()
  await page.waitForURL(/\/pages\/match\/index\?zoneId=pingyuan/)
  await page.getByRole('radio', { name: '意向区域：平原', checked: true }).waitFor()
  await checks.visit(page, 'walk-09-match-from-policy')
  await back(page).click()
  await page.waitForURL(/\/pages\/policy\/index/)
  await back(page).click()
  await page.waitForURL(/\/pages\/policies\/index/)

  // 我的 → each sub-page has a visible 返回 that comes back.
  await tab(page, '我的').click()
  await page.waitForURL(/\/pages\/mine\/index/)
  for (const [link, url, shot] of [
    ['我的服务请求', /\/pages\/requests\/index/, 'walk-10-requests'],
    ['政策匹配', /\/pages\/match\/index/, 'walk-11-match'],
    ['园区对比', /\/pages\/compare\/index/, 'walk-12-compare-empty'],
    ['隐私政策', /\/pages\/privacy\/index/, 'walk-13-privacy'],
    ['工作人员入口', /\/staff\/login\/index/, 'walk-14-staff-login'],
  ] as const) {
    await page.getByRole('link', { name: new RegExp(`^${link}`) }).click()
    await page.waitForURL(url)
    await back(page).waitFor()
    await checks.visit(page, shot)
    await back(page).click()
    await page.waitForURL(/\/pages\/mine\/index/)
  }

  await context.close()
  checks.assertClean()
})

test('a park that no longer exists offers 返回首页 and 浏览园区 besides 重新加载 (issue 15.15)', async () => {
  const checks = new PageChecks()
  const context = await phoneContext(browser)
  const page = await context.newPage()
  await page.goto(`${H5_URL}/pages/park/index?id=no-such-park`)
  const alert = page.getByRole('alert').filter({ hasText: '加载失败' })
  await alert.waitFor()
  await alert.getByRole('button', { name: '重新加载' }).waitFor()
  await alert.getByRole('button', { name: '返回首页' }).waitFor()
  await checks.visit(page, 'walk-15-park-missing')
  await alert.getByRole('button', { name: '浏览园区' }).click()
  await page.waitForURL(/\/pages\/parks\/index/)
  await page.getByText(/^共 \d+ 个园区$/).waitFor()
  await context.close()
  checks.assertClean()
})
