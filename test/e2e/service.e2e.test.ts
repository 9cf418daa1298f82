// Issue 4, the service loop: an investor files a request with a photo (after the privacy consent)
// and gets a ticket with the 24-hour promise; a 店小二 signs in, claims it, replies and resolves it;
// the investor sees the reply and rates it 非常满意, ending 已评价. Screenshot + axe on every page.
import { deflateSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { H5_URL, PageChecks, launchBrowser, phoneContext, staffAccount } from './browser'

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
  await investor.getByRole('button', { name: /选择园区，当前：京德智造产业园/ }).waitFor()
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
  await checks.visit(staff, 'staff-02-inbox')

  await row.click()
  await staff.waitForURL(/\/staff\/request\/index\?id=/)
  await staff.getByText(ticket).filter({ visible: true }).waitFor()
  await staff.getByText('山东示例新材料有限公司').filter({ visible: true }).waitFor()
  await checks.visit(staff, 'staff-03-request')

  await staff.getByRole('button', { name: '认领' }).click()
  await staff
    .getByText(/负责人：.+（我）/)
    .filter({ visible: true })
    .waitFor()

  const replyText = '王经理您好，京德智造产业园现有 3000 平方米标准厂房可租，月底可交付，我们明天上午电话与您详谈。'
  await staff.getByRole('textbox', { name: '公开回复内容' }).fill(replyText)
  await staff.getByRole('button', { name: '发送公开回复' }).click()
  await staff.getByText(replyText).filter({ visible: true }).waitFor()

  await staff.getByRole('button', { name: '改为「已办结」' }).click()
  const confirm = staff.getByRole('dialog').filter({ hasText: '确认改为「已办结」' })
  await confirm.waitFor()
  await checks.visit(staff, 'staff-04-resolve-confirm')
  await confirm.getByRole('button', { name: '确认' }).click()
  await statusTag(staff, '已办结').waitFor()
  await checks.visit(staff, 'staff-05-request-resolved')

  // Dashboard from the inbox.
  await staff.goBack()
  await staff.waitForURL(/\/staff\/inbox\/index/)
  await staff.getByRole('link', { name: '数据看板' }).click()
  await staff.waitForURL(/\/staff\/dashboard\/index/)
  await staff.getByText('请求总数').waitFor()
  await checks.visit(staff, 'staff-06-dashboard')

  // The investor sees the reply and rates it.
  await investor.goto(requestUrl)
  await investor.getByText(replyText).filter({ visible: true }).waitFor()
  await statusTag(investor, '已办结').waitFor()
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
