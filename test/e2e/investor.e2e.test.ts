// Issue 3, the investor's journey: home → directory (zone, space type, search narrow the list) → park
// profile → two parks into the comparison → compare → policy library (category) → policy → policy match.
// Every page: a screenshot in screenshots/ and axe-core (serious/critical fail the test).
import type { Browser, Page } from 'playwright-core'
import { H5_URL, PageChecks, launchBrowser, phoneContext } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The directory's live count: 共 N 个园区. */
async function parkTotal(page: Page): Promise<number> {
  const text = await page
    .getByText(/^共 \d+ 个园区$/)
    .first()
    .textContent()
  return Number(/共 (\d+) 个园区/.exec(text ?? '')?.[1])
}

async function waitForTotal(page: Page, total: number): Promise<void> {
  await page.getByText(`共 ${total} 个园区`, { exact: true }).waitFor()
}

const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item', { hasText: label })

test('investor: directory filters narrow the list, two parks compared, a policy found and matched', async () => {
  const checks = new PageChecks()
  const context = await phoneContext(browser)
  const page = await context.newPage()

  // Home.
  await page.goto(`${H5_URL}/pages/index/index`)
  await page.getByRole('heading', { name: '园区通', level: 1 }).waitFor()
  await page.getByText('京德智造产业园').first().waitFor()
  await checks.visit(page, 'investor-01-home')

  // Directory: everything first.
  await tab(page, '园区').click()
  await page.waitForURL(/\/pages\/parks\/index/)
  await page.getByText(/^共 \d+ 个园区$/).waitFor()
  const all = await parkTotal(page)
  expect(all).toBeGreaterThan(10)
  await checks.visit(page, 'investor-02-parks-all')

  // Zone 平原: fewer parks, all of them in 平原.
  // From the keyboard: the chip takes focus and Enter chooses it (H5 shim, src/lib/h5-a11y.ts).
  const pingyuan = page.getByRole('radio', { name: '开发区：平原' })
  await pingyuan.focus()
  await expect(pingyuan.evaluate((element) => element === document.activeElement)).resolves.toBe(true)
  await page.keyboard.press('Enter')
  await page.getByRole('radio', { name: '开发区：平原', checked: true }).waitFor()
  await page.waitForFunction((total) => !document.body.innerText.includes(`共 ${total} 个园区`), all)
  const inZone = await parkTotal(page)
  expect(inZone).toBeLessThan(all)
  const zones = await page.locator('.pl-park-card__zone:visible').allTextContents()
  expect(zones.length).toBeGreaterThan(0)
  expect(new Set(zones)).toEqual(new Set(['平原经济开发区']))
  await checks.visit(page, 'investor-03-parks-pingyuan')

  // Space type 标准厂房 through its sheet.
  await page.getByRole('button', { name: /^空间类型/ }).click()
  const sheet = page.getByRole('radiogroup', { name: '空间类型' })
  await sheet.waitFor()
  await checks.visit(page, 'investor-04-space-sheet')
  await sheet.getByRole('radio', { name: '空间类型：标准厂房' }).click()
  await sheet.waitFor({ state: 'hidden' })
  await page.waitForFunction((total) => !document.body.innerText.includes(`共 ${total} 个园区`), inZone)
  const withFactory = await parkTotal(page)
  expect(withFactory).toBeGreaterThanOrEqual(1)
  expect(withFactory).toBeLessThan(inZone)
  await expect(page.getByRole('button', { name: '空间类型：标准厂房' }).count()).resolves.toBe(1)
  await checks.visit(page, 'investor-05-parks-factory')

  // Open 京德智造产业园 and put it in the comparison.
  await page
    .getByRole('link', { name: /京德智造产业园/ })
    .first()
    .click()
  await page.waitForURL(/\/pages\/park\/index\?id=pingyuan-jingde/)
  await page.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  await page.getByRole('heading', { name: '京德智造产业园', level: 1 }).locator('xpath=..').getByText('667').first().waitFor()
  await page.getByRole('button', { name: '加入对比' }).click()
  await page.getByRole('button', { name: '加入对比', pressed: true }).waitFor()
  await checks.visit(page, 'investor-06-park-jingde')

  // Back to the list: drop the space filter, search instead (within 平原).
  await page.goBack()
  await page.waitForURL(/\/pages\/parks\/index/)
  await page.getByRole('button', { name: /^空间类型/ }).click()
  await page.getByRole('radiogroup', { name: '空间类型' }).getByRole('radio', { name: '空间类型：不限' }).click()
  await waitForTotal(page, inZone)
  const search = page.locator('.parks__search input:visible')
  await search.fill('医药')
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await page.waitForFunction((total) => !document.body.innerText.includes(`共 ${total} 个园区`), inZone)
  const found = await parkTotal(page)
  expect(found).toBeGreaterThanOrEqual(1)
  expect(found).toBeLessThan(inZone)
  const names = await page.locator('.pl-park-card__name:visible').allTextContents()
  expect(names).toContain('新型医药产业园')
  await checks.visit(page, 'investor-07-parks-search')

  // Second park, then 去对比 from its hero.
  await page
    .getByRole('link', { name: /新型医药产业园/ })
    .first()
    .click()
  await page.waitForURL(/\/pages\/park\/index\?id=pingyuan-pharma/)
  await page.getByRole('heading', { name: '新型医药产业园', level: 1 }).waitFor()
  await page.getByRole('button', { name: '加入对比' }).click()
  const goCompare = page.getByRole('link', { name: /去对比/ })
  await goCompare.waitFor()
  await checks.visit(page, 'investor-08-park-pharma')
  await goCompare.click()

  // Compare: both parks side by side.
  await page.waitForURL(/\/pages\/compare\/index/)
  const table = page.getByRole('table', { name: '园区对比表' })
  await table.waitFor()
  await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual(
    expect.arrayContaining([expect.stringContaining('京德智造产业园'), expect.stringContaining('新型医药产业园')]),
  )
  expect(await table.getByRole('row').count()).toBeGreaterThan(4)
  await checks.visit(page, 'investor-09-compare')

  // Policy library, narrowed by category.
  await page.getByRole('button', { name: '浏览更多园区' }).click()
  await page.waitForURL(/\/pages\/parks\/index/)
  await tab(page, '政策').click()
  await page.waitForURL(/\/pages\/policies\/index/)
  const policyCount = page.getByText(/^共 \d+ 条/)
  await policyCount.waitFor()
  const allPolicies = Number(/共 (\d+) 条/.exec((await policyCount.textContent()) ?? '')?.[1])
  await checks.visit(page, 'investor-10-policies')
  await page.getByRole('radio', { name: '政策类别：人才' }).click()
  await page.waitForFunction(
    (total) => !/共 \d+ 条/.test(document.body.innerText) || !document.body.innerText.includes(`共 ${total} 条`),
    allPolicies,
  )
  await policyCount.waitFor()
  const talentPolicies = Number(/共 (\d+) 条/.exec((await policyCount.textContent()) ?? '')?.[1])
  expect(talentPolicies).toBeGreaterThan(0)
  expect(talentPolicies).toBeLessThan(allPolicies)
  const categories = await page.locator('[role="listitem"] .pl-policy-card__tags:visible').allTextContents()
  expect(categories.every((tags) => tags.includes('人才'))).toBe(true)
  await checks.visit(page, 'investor-11-policies-talent')

  // Policy detail.
  const firstPolicy = page.locator('[role="listitem"] .pl-policy-card__title:visible').first()
  const policyTitle = ((await firstPolicy.textContent()) ?? '').trim()
  await page
    .getByRole('link', { name: new RegExp(policyTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .click()
  await page.waitForURL(/\/pages\/policy\/index\?id=/)
  await page.getByRole('heading', { name: policyTitle, level: 1 }).waitFor()
  await page.getByText('政策要点').waitFor()
  await checks.visit(page, 'investor-12-policy')

  // Policy match from the policy page: fill the six answers, see ✓ and ✗ with reasons.
  await page.getByRole('button', { name: '去政策匹配' }).click()
  await page.waitForURL(/\/pages\/match\/index/)
  await page.getByRole('radio', { name: '意向区域：平原' }).waitFor()
  await checks.visit(page, 'investor-13-match-form')
  await page.getByRole('radio', { name: '意向区域：平原' }).click()
  await page.getByRole('radio', { name: '所属产业：高端装备制造' }).click()
  await page.getByRole('textbox', { name: '计划投资，单位万元' }).fill('5000')
  await page.getByRole('textbox', { name: '新增就业人数' }).fill('100')
  await page.getByRole('radio', { name: '人才需求：技能人才（蓝领）' }).click()
  const needsSpace = page.getByRole('switch', { name: '需要土地或厂房', checked: false })
  await needsSpace.focus()
  await page.keyboard.press(' ')
  await page.getByRole('switch', { name: '需要土地或厂房', checked: true }).waitFor()
  await page.getByRole('button', { name: '开始匹配' }).click()
  const summary = page.getByText(/共评估 \d+ 条扶持政策/)
  await summary.waitFor()
  expect(await page.locator('.match__criterion--ok:visible').count()).toBeGreaterThan(0)
  // 平原's policies publish no validity or conditions: 待确认 (?), never counted as met.
  expect(await page.locator('.match__criterion--unknown:visible').count()).toBeGreaterThan(0)
  await expect(page.locator('.match__criterion--ok .match__mark').first().textContent()).resolves.toContain('✓')
  await expect(page.locator('.match__criterion--unknown .match__mark').first().textContent()).resolves.toContain('?')
  // Each mark says why, for eyes and for screen readers.
  const reasons = await page.locator('.match__criterion--unknown').first().getAttribute('aria-label')
  expect(reasons).toMatch(/^待确认：.+，.+/)
  expect((await page.locator('.match__criterion--unknown .match__reason').first().textContent())?.trim()).toBeTruthy()
  await expect(page.getByText('在有效期内').count()).resolves.toBe(0)
  await checks.visit(page, 'investor-14-match-result')

  await context.close()
  checks.assertClean()
})
