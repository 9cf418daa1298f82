// Issue 4, the service loop: an investor files a request with a photo (after the privacy consent)
// and gets a ticket with the 24-hour promise; a 店小二 signs in, claims it, replies and resolves it;
// the investor sees the reply and rates it 非常满意, ending 已评价. Screenshot + axe on every page.
import { deflateSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { API_URL, H5_URL, PageChecks, launchBrowser, phoneContext, staffAccount, staffToken } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** A small valid PNG (a 24×16 two-tone "site photo") made here, so the test carries no binary fixture. */
function samplePng(): Buffer {
  const width = 24
  const height = 16
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const rows: number[] = []
  for (let y = 0; y < height; y += 1) {
    rows.push(0)
    for (let x = 0; x < width; x += 1) rows.push(...(y < height / 2 ? [11, 87, 208] : [40, 160, 90]))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const statusTag = (page: Page, label: string) => page.locator('.svc-status-tag', { hasText: label }).filter({ visible: true }).first()

/** Polling pages (request detail, inbox) ask every 15 s: give them two turns. */
const POLLED = { timeout: 35_000 }

/** A second investor's request, sent through the API while the 店小二 watches the inbox. */
async function submitThroughApi(): Promise<{ ticketNo: string; id: string; token: string }> {
  const guest = await fetch(`${API_URL}/api/auth/guest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ deviceId: `e2e-second-${Date.now()}` }),
  })
  const { token } = (await guest.json()) as { token: string }
  const created = await fetch(`${API_URL}/api/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-${Date.now()}` },
    body: JSON.stringify({
      type: 'finance',
      zoneId: 'pingyuan',
      company: '山东第二示例科技有限公司',
      contactName: '李经理',
      mobile: '13900139000',
      description: '想了解项目贷款贴息的申请条件和所需材料，计划下月提交。',
      photos: [],
    }),
  })
  expect(created.status).toBe(201)
  const body = (await created.json()) as { ticketNo: string; id: string }
  return { ...body, token }
}

/** Step badges are circles: as wide as they are tall (issue 15.14). */
async function expectRoundBadges(page: Page): Promise<void> {
  const boxes = await page
    .locator('.nut-step-head-text')
    .filter({ visible: true })
    .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map((rect) => [rect.width, rect.height]))
  expect(boxes.length).toBeGreaterThan(0)
  for (const [width, height] of boxes) expect(Math.abs(width - height)).toBeLessThan(1)
}

test('service: request with a photo → 店小二 claims, replies, resolves → investor sees the reply and rates it', async () => {
  const checks = new PageChecks()
  const investorContext = await phoneContext(browser)
  const investor = await investorContext.newPage()

  // From the park profile to 找店小二.
  await investor.goto(`${H5_URL}/pages/park/index?id=pingyuan-jingde`)
  await investor.getByRole('heading', { name: '京德智造产业园', level: 1 }).waitFor()
  await investor.getByRole('button', { name: /^找店小二/ }).click()
  await investor.waitForURL(/\/pages\/service\/index\?/)

  // Privacy consent before anything is typed.
  const consent = investor.getByRole('dialog').filter({ hasText: '个人信息保护提示' })
  await consent.waitFor()
  await checks.visit(investor, 'service-01-consent')
  await consent.getByRole('button', { name: '同意并继续' }).click()
  await consent.waitFor({ state: 'hidden' })

  // The form, zone and park prefilled from the park page.
  await investor.getByRole('radio', { name: '开发区：平原经济开发区', checked: true }).waitFor()
  await investor.getByRole('button', { name: /京德智造产业园，选择园区/ }).waitFor()
  await investor.getByRole('radio', { name: '需求类型：选址与厂房' }).click()
  await investor.getByRole('textbox', { name: '企业名称' }).fill('山东示例新材料有限公司')
  await investor.getByRole('textbox', { name: '联系人' }).fill('王经理')
  await investor.getByRole('textbox', { name: '手机号' }).fill('13800138000')
  await investor
    .getByRole('textbox', { name: '需求描述' })
    .fill('计划投资 5000 万元建设新材料项目，需要约 3000 平方米标准厂房，想了解租金和交付时间。')
  await investor.getByRole('radio', { name: '方便联系的时间：工作日上午' }).click()
  await checks.visit(investor, 'service-02-form')

  // One photo: album, then the browser's file chooser.
  const chooser = investor.waitForEvent('filechooser')
  await investor.getByRole('button', { name: /^添加图片/ }).click()
  const album = investor.getByText('从相册选择')
  if (await album.isVisible({ timeout: 3_000 }).catch(() => false)) {
    await checks.visit(investor, 'service-03-photo-source')
    await album.click()
  }
  await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: samplePng() })
  await investor.getByRole('button', { name: '删除第 1 张图片' }).waitFor({ timeout: 30_000 })
  await checks.visit(investor, 'service-04-form-with-photo')

  // Submit: the ticket and the 24-hour promise.
  const created = investor.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST')
  await investor.getByRole('button', { name: '提交需求' }).click()
  expect((await created).status()).toBe(201)
  await investor.getByText('提交成功').waitFor()
  const ticket = ((await investor.locator('.svc-success__ticket').textContent()) ?? '').trim()
  expect(ticket).toMatch(/^PY-\d{8}-\d{4}$/)
  await investor.getByText('24小时内响应').waitFor()
  await expect(investor.getByText(/^最迟 .+ 前，工作人员会联系您或在线答复$/).isVisible()).resolves.toBe(true)
  await checks.visit(investor, 'service-05-submitted')

  await investor.getByRole('button', { name: '查看请求进展' }).click()
  await investor.waitForURL(/\/pages\/request\/index\?id=/)
  const requestUrl = investor.url()
  await investor.getByText(ticket).filter({ visible: true }).waitFor()
  await statusTag(investor, '待受理').waitFor()
  await investor.locator('.svc-detail__desc').waitFor()
  await checks.visit(investor, 'service-06-request-new')

  // The 店小二, in their own browser session.
  const staffContext = await phoneContext(browser)
  const staff = await staffContext.newPage()
  await staff.goto(`${H5_URL}/staff/login/index`)
  await staff.getByRole('heading', { name: /工作人员登录/ }).waitFor()
  await checks.visit(staff, 'staff-01-login')
  const account = staffAccount()
  await staff.getByRole('textbox', { name: '用户名' }).fill(account.username)
  await staff.getByRole('textbox', { name: '密码' }).fill(account.password)
  await staff.getByRole('button', { name: '登录' }).click()
  await staff.waitForURL(/\/staff\/inbox\/index/)
  const row = staff.getByRole('listitem').filter({ hasText: ticket })
  await row.waitFor()
  // The queue's size is on screen, and a request arriving meanwhile shows up by itself (issue 15.5).
  const count = staff.getByText(/^「待受理」共 \d+ 条$/).filter({ visible: true })
  const before = Number(/共 (\d+) 条/.exec((await count.textContent()) ?? '')?.[1])
  await checks.visit(staff, 'staff-02-inbox')
  const second = await submitThroughApi()
  await staff.getByRole('listitem').filter({ hasText: second.ticketNo }).waitFor(POLLED)
  await staff
    .getByText(`「待受理」共 ${before + 1} 条`)
    .filter({ visible: true })
    .waitFor()
  await staff.getByText('新到 1 条').filter({ visible: true }).waitFor()
  await checks.visit(staff, 'staff-02b-inbox-new-arrival')

  await row.click()
  await staff.waitForURL(/\/staff\/request\/index\?id=/)
  await staff.getByText(ticket).filter({ visible: true }).waitFor()
  await staff.getByText('山东示例新材料有限公司').filter({ visible: true }).waitFor()
  await expect(
    staff
      .getByText(/小程序/)
      .filter({ visible: true })
      .count(),
  ).resolves.toBe(0)
  await expect(staff.getByPlaceholder(/小程序/).count()).resolves.toBe(0)
  await checks.visit(staff, 'staff-03-request')

  // 常用回复: when there are none, it says who adds them (issue 15.17).
  await staff.getByText('常用回复', { exact: true }).filter({ visible: true }).click()
  const canned = staff.getByRole('dialog').filter({ hasText: '常用回复' })
  await canned.waitFor()
  // The list loads after the sheet opens: wait for its entries or its empty note, then read which.
  await canned.locator('.stf-canned__item, .stf-canned__empty').first().waitFor()
  if ((await canned.locator('.stf-canned__item').count()) === 0) {
    await canned.getByText('还没有常用回复。本开发区的主管和管理员可以添加常用回复。').waitFor()
  }
  await checks.visit(staff, 'staff-03b-canned-replies')
  await canned.getByRole('button', { name: '关闭' }).click()
  await canned.waitFor({ state: 'hidden' })

  await staff.getByRole('button', { name: '认领' }).click()
  await staff
    .getByText(/负责人：.+（我）/)
    .filter({ visible: true })
    .waitFor()

  const replyText = '王经理您好，京德智造产业园现有 3000 平方米标准厂房可租，月底可交付，我们明天上午电话与您详谈。'
  await staff.getByRole('textbox', { name: '公开回复内容' }).fill(replyText)
  await staff.getByRole('button', { name: '发送公开回复' }).click()
  await staff.getByText(replyText).filter({ visible: true }).waitFor()

  // The investor's open page picks the reply up by itself; its tag agrees with the timeline (issues 15.5, 15.6).
  await investor.getByText(replyText).filter({ visible: true }).waitFor(POLLED)
  await statusTag(investor, '已答复').waitFor()
  // The reply's line names the colleague as they call themselves (no second 店小二 in front).
  await investor.getByText(/^平原店小二（e2e）/).filter({ visible: true }).first().waitFor()
  await expect(investor.getByText(/店小二 平原店小二/).count()).resolves.toBe(0)
  await expectRoundBadges(investor)
  await checks.visit(investor, 'service-06b-request-replied')

  await staff.getByRole('button', { name: '改为「已办结」' }).click()
  const confirm = staff.getByRole('dialog').filter({ hasText: '确认改为「已办结」' })
  await confirm.waitFor()
  await checks.visit(staff, 'staff-04-resolve-confirm')
  await confirm.getByRole('button', { name: '确认' }).click()
  await statusTag(staff, '已办结').waitFor()
  await checks.visit(staff, 'staff-05-request-resolved')

  // The second request: resolved, then 关闭工单 with a reason, never 改为「已评价」 (issue 15.6).
  await staff.getByRole('button', { name: '返回', exact: true }).filter({ visible: true }).click()
  await staff.waitForURL(/\/staff\/inbox\/index/)
  await staff.getByRole('listitem').filter({ hasText: second.ticketNo }).click()
  await staff.waitForURL(/\/staff\/request\/index\?id=/)
  await staff.getByText('山东第二示例科技有限公司').filter({ visible: true }).waitFor()
  await staff.getByRole('button', { name: '认领' }).click()
  await staff
    .getByText(/负责人：.+（我）/)
    .filter({ visible: true })
    .waitFor()
  await staff.getByRole('button', { name: '改为「已办结」' }).click()
  await staff.getByRole('dialog').filter({ hasText: '确认改为「已办结」' }).getByRole('button', { name: '确认' }).click()
  await statusTag(staff, '已办结').waitFor()
  await expect(staff.getByRole('button', { name: '改为「已评价」' }).count()).resolves.toBe(0)
  await staff.getByRole('button', { name: '关闭工单' }).click()
  const closing = staff.getByRole('dialog').filter({ hasText: '确认关闭工单？' })
  await closing.waitFor()
  const closeButton = closing.getByRole('button', { name: '关闭工单' })
  await expect(closeButton.isDisabled()).resolves.toBe(true)
  await closing.getByRole('textbox', { name: '关闭原因' }).fill('企业已通过银行自行办理，电话确认后关闭')
  await checks.visit(staff, 'staff-05b-close-ticket')
  await closeButton.click()
  await statusTag(staff, '已关闭').waitFor()
  await staff.getByText('更改了状态：已办结 → 已关闭（企业已通过银行自行办理，电话确认后关闭）').filter({ visible: true }).waitFor()
  await checks.visit(staff, 'staff-05c-ticket-closed')
  // The investor is told why.
  const closedView = (await (
    await fetch(`${API_URL}/api/requests/${second.id}`, { headers: { Authorization: `Bearer ${second.token}` } })
  ).json()) as { status: string; timeline: Array<{ step: string; note?: string }> }
  expect(closedView.status).toBe('closed')
  expect(closedView.timeline.at(-1)).toMatchObject({ step: 'closed', note: '企业已通过银行自行办理，电话确认后关闭' })

  // Dashboard from the inbox. A visit whose ref is no colleague's code is said apart (issue 15.16).
  await staff.getByRole('button', { name: '返回', exact: true }).filter({ visible: true }).click()
  await staff.waitForURL(/\/staff\/inbox\/index/)
  const unknownRef = await fetch(`${API_URL}/api/share-visits`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ref: 'nobody-we-know', page: 'pages/park/index', targetId: 'pingyuan-jingde' }),
  })
  expect(unknownRef.status).toBe(201)
  await staff.getByRole('link', { name: '数据看板' }).click()
  await staff.waitForURL(/\/staff\/dashboard\/index/)
  await staff.getByText('请求总数').waitFor()
  await staff
    .getByText(/^另有 \d+ 次来自企业转发或无法识别的分享码，未计入工作人员。$/)
    .filter({ visible: true })
    .waitFor()
  await checks.visit(staff, 'staff-06-dashboard')

  // 我的分享码: the H5 link with my ref, its QR code; no 小程序码 without WeChat credentials (issue 15.12).
  const me = await staffToken()
  await staff.getByRole('link', { name: '我的分享码' }).click()
  await staff.waitForURL(/\/staff\/share\/index/)
  const link = `${H5_URL}/pages/index/index?ref=${encodeURIComponent(me.shareCode)}`
  await staff.getByText(link, { exact: true }).filter({ visible: true }).waitFor()
  const qr = staff.getByRole('img', { name: '我的分享链接二维码' })
  await qr.waitFor()
  await expect(qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(100)
  await staff
    .getByText(/小程序码需要开发区在服务器上配置小程序 AppID 和 AppSecret/)
    .filter({ visible: true })
    .waitFor()
  await staff.getByRole('button', { name: '复制链接' }).click()
  await checks.visit(staff, 'staff-07-share')

  // Someone opens the link: 首页, counted for this colleague.
  const visitorContext = await phoneContext(browser)
  const visitor = await visitorContext.newPage()
  const recorded = visitor.waitForResponse((r) => r.url() === `${API_URL}/api/share-visits` && r.request().method() === 'POST')
  await visitor.goto(link)
  const visit = await recorded
  expect(visit.status()).toBe(201)
  expect(visit.request().postDataJSON()).toEqual(expect.objectContaining({ ref: me.shareCode, page: 'pages/index/index' }))
  await visitor.getByRole('heading', { name: '园区通', level: 1 }).waitFor()
  await visitorContext.close()
  await staff.getByRole('button', { name: '返回', exact: true }).filter({ visible: true }).click()
  await staff.waitForURL(/\/staff\/dashboard\/index/)

  // The investor, still on the same page, sees it resolved without reloading (issue 15.5), and rates it.
  await statusTag(investor, '已办结').waitFor(POLLED)
  expect(investor.url()).toBe(requestUrl)
  await investor.getByText(replyText).filter({ visible: true }).waitFor()
  await investor.getByRole('radiogroup', { name: '服务评价' }).waitFor()
  await checks.visit(investor, 'service-07-request-resolved')
  await investor.getByRole('radio', { name: /非常满意/ }).click()
  await investor.getByRole('button', { name: '提交评价' }).click()
  await statusTag(investor, '已评价').waitFor()
  await investor.getByText('我的评价').waitFor()
  await expect(investor.locator('.svc-detail__rating').textContent()).resolves.toBe('非常满意')
  await checks.visit(investor, 'service-08-request-rated')

  await staffContext.close()
  await investorContext.close()
  checks.assertClean()
})
