// Issue 12, the zone console: a 主管 signs in, fills in 平原经济开发区's phone and map point from the
// 资料完整度 to-do list, adds a space listing and publishes both; an investor opens the zone page and the
// listing, taps 预约看厂 and submits. No investor page of the journey shows 待补充. Screenshot + axe on
// every page.
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { H5_URL, PageChecks, launchBrowser, phoneContext, screenshot, supervisorAccount } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const PHONE = '0534-2218899'
const LISTING = '京德智造产业园 E2E 标准厂房 2 号楼'

/** Taro's H5 showModal: confirm it. */
const confirmModal = async (page: Page) => {
  const confirm = page.locator('.taro-model__confirm').filter({ visible: true })
  await confirm.waitFor()
  await confirm.click()
}

/** What the investor can read on the page: never 待补充. */
const expectNothingPending = async (page: Page) => {
  const text = await page.locator('.taro_page').filter({ visible: true }).last().innerText()
  expect(text).not.toContain('待补充')
}

test('console: a 主管 publishes the zone phone, map point and a listing → an investor sees them and books a visit', async () => {
  const checks = new PageChecks()
  const staffContext = await phoneContext(browser)
  const staff = await staffContext.newPage()

  await staff.goto(`${H5_URL}/staff/login/index`)
  const account = supervisorAccount()
  await staff.getByRole('textbox', { name: '用户名' }).fill(account.username)
  await staff.getByRole('textbox', { name: '密码' }).fill(account.password)
  await staff.getByRole('button', { name: '登录' }).click()
  await staff.waitForURL(/\/staff\/inbox\/index/)
  await staff.getByRole('link', { name: '内容管理' }).click()
  await staff.waitForURL(/\/staff\/content\/index/)
  await staff.getByRole('heading', { name: /^资料完整度：还有 \d+ 项投资者看不到$/ }).waitFor()
  await checks.visit(staff, 'console-01-home')

  // From the to-do list to the field: the zone's phone, then its map point (coordinates on H5).
  await staff.getByRole('link', { name: '去填写：平原经济开发区的联系电话' }).click()
  await staff.waitForURL(/\/staff\/content-edit\/index\?.*focus=contact\.phone/)
  await staff.getByRole('heading', { name: '平原经济开发区', level: 1 }).waitFor()
  await staff.getByRole('textbox', { name: '联系电话' }).fill(PHONE)
  await staff.getByRole('textbox', { name: '地图位置：纬度' }).fill('37.1656')
  await staff.getByRole('textbox', { name: '地图位置：经度' }).fill('116.4342')
  await checks.visit(staff, 'console-02-zone-form')
  await staff.getByRole('button', { name: '发布', exact: true }).click()
  await confirmModal(staff)
  await staff.getByText('已发布，投资者几秒内即可看到').waitFor()
  await checks.visit(staff, 'console-03-zone-published')

  // A new space listing in 京德智造产业园.
  await staff.getByRole('link', { name: '内容管理' }).click()
  await staff.waitForURL(/\/staff\/content\/index/)
  await staff.getByRole('link', { name: '载体', exact: true }).click()
  await staff.waitForURL(/\/staff\/content-list\/index\?kind=spaces/)
  await staff.getByRole('heading', { name: '载体', level: 1 }).waitFor()
  await checks.visit(staff, 'console-04-space-list')
  await staff.getByRole('button', { name: '新建载体' }).click()
  await staff.waitForURL(/\/staff\/content-edit\/index\?.*new=1/)
  await staff.getByRole('heading', { name: '新建载体', level: 1 }).waitFor()
  await staff.getByRole('textbox', { name: '标题' }).fill(LISTING)
  await staff.getByRole('radio', { name: '所在园区：京德智造产业园' }).click()
  await staff.getByRole('radio', { name: '状态：可租' }).click()
  await staff.getByRole('button', { name: '填写面积' }).click()
  await staff.getByRole('textbox', { name: '面积：名称' }).fill('建筑面积')
  await staff.getByRole('textbox', { name: '面积：数值' }).fill('3000')
  await staff.getByRole('textbox', { name: '面积：单位' }).fill('平方米')
  await staff.getByRole('textbox', { name: '价格' }).fill('面议')
  await staff.getByRole('textbox', { name: '介绍' }).fill('单层钢结构厂房，可分割出租。')

  // A photo, re-encoded by the API; its description is what screen readers say.
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#28a05a' } }).png().toBuffer()
  const chooser = staff.waitForEvent('filechooser')
  await staff.getByRole('button', { name: '添加照片' }).click()
  const album = staff.getByText('从相册选择')
  if (await album.isVisible({ timeout: 3_000 }).catch(() => false)) await album.click()
  await (await chooser).setFiles({ name: 'plant.png', mimeType: 'image/png', buffer: photo })
  await staff.getByRole('textbox', { name: '第 1 张照片说明' }).fill('厂房外景')

  // Publishing refuses what the contract refuses, in Chinese, under the field.
  await staff.getByRole('textbox', { name: '层高' }).fill('80')
  await staff.getByRole('button', { name: '发布', exact: true }).click()
  await confirmModal(staff)
  await staff.getByText('有内容需要修改，请看标红的字段').waitFor()
  await staff.locator('#field-floorHeightMeters').getByRole('alert').waitFor()
  await checks.visit(staff, 'console-05-space-error')
  await staff.getByRole('textbox', { name: '层高' }).fill('9')
  await staff.getByRole('button', { name: '发布', exact: true }).click()
  await confirmModal(staff)
  await staff.getByText('已发布，投资者几秒内即可看到').waitFor()
  await checks.visit(staff, 'console-06-space-published')

  // The revisions of the zone say who changed what.
  await staff.goto(`${H5_URL}/staff/revisions/index?kind=zones&id=pingyuan`)
  await staff.getByRole('heading', { name: '修改记录', level: 1 }).waitFor()
  await staff.getByRole('listitem', { name: `联系电话：（未提供） 改为 ${PHONE}` }).waitFor()
  await checks.visit(staff, 'console-07-revisions')

  // The console at narrow and wide phones (looked at by people, not compared by the test).
  const consolePages = [
    ['home', '/staff/content/index', /^资料完整度/],
    ['zone-form', '/staff/content-edit/index?kind=zones&id=pingyuan', /^平原经济开发区$/],
    ['spaces', '/staff/content-list/index?kind=spaces&zoneId=pingyuan', /^载体$/],
    ['revisions', '/staff/revisions/index?kind=zones&id=pingyuan', /^修改记录$/],
  ] as const
  for (const width of [320, 375, 414]) {
    await staff.setViewportSize({ width, height: 800 })
    for (const [name, path, heading] of consolePages) {
      await staff.goto(`${H5_URL}${path}`)
      await staff.getByRole('heading', { name: heading }).first().waitFor()
      await staff.waitForTimeout(300)
      await screenshot(staff, `console-${width}-${name}`)
    }
  }

  // The investor: the zone page shows the published phone and the listing; nothing reads 待补充.
  const investorContext = await phoneContext(browser)
  const investor = await investorContext.newPage()
  await investor.goto(`${H5_URL}/pages/zone/index?id=pingyuan`)
  await investor.getByRole('heading', { name: '平原经济开发区', level: 1 }).waitFor()
  await investor.getByText(PHONE).first().waitFor({ timeout: 15_000 })
  await investor.getByText(LISTING).filter({ visible: true }).first().waitFor()
  await expectNothingPending(investor)
  await checks.visit(investor, 'console-08-investor-zone')

  await investor.getByText(LISTING).first().click()
  await investor.waitForURL(/\/pages\/space\/index\?id=/)
  await investor.getByRole('heading', { name: LISTING, level: 1 }).waitFor()
  await investor.getByText('面议').filter({ visible: true }).first().waitFor()
  // The published photo is served to anyone.
  await investor.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('img[src*="/api/media/"]')).some((image) => image.complete && image.naturalWidth > 0),
  )
  await expectNothingPending(investor)
  await checks.visit(investor, 'console-09-investor-space')

  await investor.getByRole('button', { name: `预约看厂：${LISTING}` }).click()
  await investor.waitForURL(/\/pages\/service\/index\?/)
  const consent = investor.getByRole('dialog').filter({ hasText: '个人信息保护提示' })
  await consent.waitFor()
  await consent.getByRole('button', { name: '同意并继续' }).click()
  await consent.waitFor({ state: 'hidden' })
  await investor.getByRole('radio', { name: '需求类型：选址与厂房', checked: true }).waitFor()
  await investor.getByText(LISTING).filter({ visible: true }).first().waitFor()
  const visitDays = investor.getByRole('radio', { name: /^希望看厂日期：/ })
  // The first chip is 暂不确定; the next is the first day on offer.
  await visitDays.nth(1).click()
  await investor
    .getByRole('radio', { name: /^希望看厂日期：/, checked: true })
    .filter({ hasNotText: '暂不确定' })
    .waitFor()
  await investor.getByRole('textbox', { name: '企业名称' }).fill('山东示例装备制造有限公司')
  await investor.getByRole('textbox', { name: '联系人' }).fill('赵经理')
  await investor.getByRole('textbox', { name: '手机号' }).fill('13800138001')
  await investor.getByRole('textbox', { name: '需求描述' }).fill('想实地看看这处标准厂房，了解可分割面积和交付时间。')
  await expectNothingPending(investor)
  await checks.visit(investor, 'console-10-investor-visit-form')

  const created = investor.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST')
  await investor.getByRole('button', { name: '提交需求' }).click()
  const response = await created
  expect(response.status()).toBe(201)
  const body = JSON.parse(response.request().postData() ?? '{}') as { type?: string; spaceId?: string; preferredVisitDate?: string }
  expect(body.type).toBe('site')
  expect(body.spaceId).toMatch(/^pingyuan-space-/)
  expect(body.preferredVisitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await investor.getByText('提交成功').waitFor()
  await checks.visit(investor, 'console-11-investor-submitted')

  await investorContext.close()
  await staffContext.close()
  checks.assertClean()
})
