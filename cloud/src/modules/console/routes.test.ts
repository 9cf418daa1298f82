import { ConsoleList, ConsoleRecord, Completeness, PublishResult, RevisionList } from '../../../../types/console'
import type { Park, Space, Zone } from '../../../../types/content'
import { ParkDetail, SpaceDetail, ZoneOptionList } from '../../../../types/content-api'
import { createTestApp, SETUP_TIMEOUT, testConfig, type TestApp } from '../../../test-support/app'
import {
  addStaff,
  bearer,
  createTwoApps,
  guestToken,
  ManualClock,
  submit,
  type TestStaff,
  type TwoApps,
} from '../../../test-support/service'
import { eq } from 'drizzle-orm'
import { cannedReplies, contentAudit, contentDrafts } from '../../db/schema'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
let agent: TestStaff
let supervisor: TestStaff
let otherSupervisor: TestStaff
let admin: TestStaff
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now })
  agent = await addStaff(t.app, 'agent', 'pingyuan', '平原店小二')
  supervisor = await addStaff(t.app, 'supervisor', 'pingyuan', '平原主管')
  otherSupervisor = await addStaff(t.app, 'supervisor', 'qingyun', '庆云主管')
  admin = await addStaff(t.app, 'admin', null, '省管理员')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, who: TestStaff | null, payload?: object) =>
  t.app.inject({ method, url, headers: who ? bearer(who.token) : {}, ...(payload ? { payload } : {}) })

const publishedPark = async (id: string) => ParkDetail.parse((await call('GET', `/api/parks/${id}`, null)).json()).park

describe('drafts and publishing', () => {
  it('keeps a draft from investors until a supervisor publishes it; an agent cannot publish', async () => {
    const before = await publishedPark('pingyuan-jingde')
    const edited: Park = { ...before, contact: { ...before.contact, phone: '0534-4221234' } }

    const saved = await call('PUT', '/api/staff/content/parks/pingyuan-jingde', agent, edited)
    expect(saved.statusCode).toBe(200)
    expect(ConsoleRecord.parse(saved.json())).toMatchObject({
      state: 'changed',
      zoneId: 'pingyuan',
      draft: { savedBy: { displayName: '平原店小二' } },
    })

    // Investors still see the published record.
    expect((await publishedPark('pingyuan-jingde')).contact.phone).toBe('not_provided')

    const refused = await call('POST', '/api/staff/content/parks/pingyuan-jingde/publish', agent)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('forbidden')
    expect((await publishedPark('pingyuan-jingde')).contact.phone).toBe('not_provided')

    clock.advance(60_000)
    const published = await call('POST', '/api/staff/content/parks/pingyuan-jingde/publish', supervisor)
    expect(published.statusCode).toBe(200)
    const result = PublishResult.parse(published.json())
    expect(result.record).toMatchObject({ state: 'published', draft: null, publishedAt: clock.now().toISOString() })
    expect(result.revision).toMatchObject({
      action: 'publish',
      by: { id: supervisor.id, displayName: '平原主管' },
      changedFields: ['contact'],
    })
    expect(result.revision.diff).toEqual([{ path: 'contact.phone', label: '联系电话', before: '（未提供）', after: '0534-4221234' }])

    // This process serves it at once, with the API's updatedAt (开发区填报 · 更新于).
    const after = await publishedPark('pingyuan-jingde')
    expect(after.contact.phone).toBe('0534-4221234')
    expect(after.updatedAt).toBe(clock.now().toISOString())
    expect((await call('GET', '/api/health', null)).json().contentVersion).toBe(result.version)
  })

  it('refuses invalid input with field-level Chinese errors and stores nothing', async () => {
    const park = await publishedPark('pingyuan-pharma')
    const response = await call('PUT', '/api/staff/content/parks/pingyuan-pharma', agent, {
      ...park,
      name: 'x',
      photos: [{ id: 'not-a-uuid', alt: '厂房' }],
      industries: ['炼金术'],
      contact: { ...park.contact, location: { latitude: 120, longitude: 36 } },
    })
    expect(response.statusCode).toBe(400)
    const { fields } = response.json().error as { fields: Record<string, string> }
    expect(fields).toMatchObject({ name: '至少 2 个字符', 'photos.0.id': '图片编号无效', 'contact.location.latitude': '不能大于 90' })
    for (const message of Object.values(fields)) expect(message).toMatch(/[\u4e00-\u9fff]/)
    // Rules after the schema: an industry outside the curated list.
    const rules = await call('PUT', '/api/staff/content/parks/pingyuan-pharma', agent, { ...park, industries: ['炼金术'] })
    expect(rules.json().error.fields).toEqual({ 'industries.0': expect.stringContaining('不在统一产业目录中') })
    const unknownPark = await call('PUT', '/api/staff/content/spaces/new-space', agent, { ...spaceOf('new-space'), parkId: 'no-such-park' })
    expect(unknownPark.json().error.fields).toEqual({ parkId: '园区 "no-such-park" 不在 parks.json 中' })

    const record = ConsoleRecord.parse((await call('GET', '/api/staff/content/parks/pingyuan-pharma', agent)).json())
    expect(record.draft).toBeNull()
    expect(await t.app.db.select().from(contentDrafts)).toEqual([])
  })

  it('refuses an id that is not the one in the path, a move to another zone and an edited source', async () => {
    const park = await publishedPark('pingyuan-pharma')
    const wrongId = await call('PUT', '/api/staff/content/parks/pingyuan-pharma', agent, { ...park, id: 'pingyuan-other' })
    expect(wrongId.json().error.fields).toEqual({ id: '与地址中的编号不一致' })
    const moved = await call('PUT', '/api/staff/content/parks/pingyuan-pharma', admin, { ...park, zoneId: 'qingyun' })
    expect(moved.json().error.fields).toEqual({ zoneId: '不能把内容移到其他开发区' })
    const source = await call('PUT', '/api/staff/content/parks/pingyuan-pharma', agent, { ...park, source: '000_3337abbc7efb327a.txt' })
    expect(source.json().error.fields).toEqual({ source: '来源文章由内容导入维护，不能在这里修改' })
  })

  it('keeps staff to their own zone (403), while an admin acts on every zone', async () => {
    const park = await publishedPark('pingyuan-pharma')
    expect((await call('PUT', '/api/staff/content/parks/pingyuan-pharma', otherSupervisor, park)).statusCode).toBe(403)
    expect((await call('GET', '/api/staff/content/parks/pingyuan-pharma', otherSupervisor)).statusCode).toBe(403)
    expect((await call('GET', '/api/staff/content/parks?zoneId=pingyuan', otherSupervisor)).statusCode).toBe(403)
    expect((await call('PUT', '/api/staff/content/parks/pingyuan-pharma', admin, park)).statusCode).toBe(200)
    expect((await call('POST', '/api/staff/content/parks/pingyuan-pharma/publish', otherSupervisor)).statusCode).toBe(403)
    expect((await call('DELETE', '/api/staff/content/parks/pingyuan-pharma/draft', otherSupervisor)).statusCode).toBe(403)
    expect((await call('POST', '/api/staff/content/parks/pingyuan-pharma/publish', admin)).statusCode).toBe(200)
    expect((await call('GET', '/api/staff/content/parks/pingyuan-pharma', null)).statusCode).toBe(401)
  })

  it('lists a zone’s records with their state, new drafts first; a dropped draft leaves the published record', async () => {
    const created = await call(
      'PUT',
      '/api/staff/content/spaces/pingyuan-jingde-phase2-factory',
      agent,
      spaceOf('pingyuan-jingde-phase2-factory'),
    )
    expect(ConsoleRecord.parse(created.json())).toMatchObject({ state: 'draft', published: null })
    // Not served to investors: no such listing yet.
    expect((await call('GET', '/api/spaces/pingyuan-jingde-phase2-factory', null)).statusCode).toBe(404)

    const list = ConsoleList.parse((await call('GET', '/api/staff/content/spaces', agent)).json()).items
    expect(list.map((item) => [item.id, item.state])).toEqual([
      ['pingyuan-jingde-phase2-factory', 'draft'],
      ['pingyuan-jingde-phase1-factory', 'published'],
    ])

    expect((await call('DELETE', '/api/staff/content/spaces/pingyuan-jingde-phase2-factory/draft', agent)).statusCode).toBe(204)
    expect((await call('GET', '/api/staff/content/spaces/pingyuan-jingde-phase2-factory', agent)).statusCode).toBe(404)
  })

  it('publishes a new space listing that investors then find', async () => {
    await call('PUT', '/api/staff/content/spaces/pingyuan-jingde-phase2-factory', agent, spaceOf('pingyuan-jingde-phase2-factory'))
    expect((await call('POST', '/api/staff/content/spaces/pingyuan-jingde-phase2-factory/publish', supervisor)).statusCode).toBe(200)
    const detail = SpaceDetail.parse((await call('GET', '/api/spaces/pingyuan-jingde-phase2-factory', null)).json())
    expect(detail).toMatchObject({
      space: { price: '面议', availability: 'for_rent' },
      zone: { id: 'pingyuan' },
      park: { id: 'pingyuan-jingde' },
    })
    expect(detail.space.source).toBeUndefined()
    const park = ParkDetail.parse((await call('GET', '/api/parks/pingyuan-jingde', null)).json())
    expect(park.spaces.map((space) => space.id)).toContain('pingyuan-jingde-phase2-factory')
  })
})

describe('revisions and revert', () => {
  it('lists every change of a record, and reverting restores the earlier published record as a new revision', async () => {
    const original = await publishedPark('pingyuan-materials')
    for (const summary of [
      '新材料产业园是平原经济开发区的专业园区之一，第一次修改。',
      '新材料产业园是平原经济开发区的专业园区之一，第二次修改。',
    ]) {
      clock.advance(60_000)
      await call('PUT', '/api/staff/content/parks/pingyuan-materials', agent, { ...original, summary })
      expect((await call('POST', '/api/staff/content/parks/pingyuan-materials/publish', supervisor)).statusCode).toBe(200)
    }
    const revisions = RevisionList.parse((await call('GET', '/api/staff/content/parks/pingyuan-materials/revisions', agent)).json()).items
    expect(revisions.map((revision) => revision.action)).toEqual(['publish', 'publish', 'import'])
    expect(revisions[0].diff[0]).toMatchObject({ path: 'summary', label: '简介', after: expect.stringContaining('第二次修改') })

    // Back to the first edit.
    clock.advance(60_000)
    const reverted = await call('POST', '/api/staff/content/parks/pingyuan-materials/revert', supervisor, { revisionId: revisions[1].id })
    expect(reverted.statusCode).toBe(200)
    expect(PublishResult.parse(reverted.json()).revision).toMatchObject({ action: 'revert', restoredRevisionId: revisions[1].id })
    expect((await publishedPark('pingyuan-materials')).summary).toContain('第一次修改')
    // And back to the article's version.
    await call('POST', '/api/staff/content/parks/pingyuan-materials/revert', supervisor, { revisionId: revisions[2].id })
    expect((await publishedPark('pingyuan-materials')).summary).toBe(original.summary)

    expect(
      (await call('POST', '/api/staff/content/parks/pingyuan-materials/revert', agent, { revisionId: revisions[2].id })).statusCode,
    ).toBe(403)
    const unknown = await call('POST', '/api/staff/content/parks/pingyuan-materials/revert', supervisor, {
      revisionId: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.statusCode).toBe(404)
    expect((await call('GET', '/api/staff/content/parks/pingyuan-materials/revisions', otherSupervisor)).statusCode).toBe(404)
  })

  it('keeps an append-only audit trail of drafts, publishes and reverts', async () => {
    const rows = await t.app.db.select().from(contentAudit)
    const actions = new Set(rows.map((row) => row.action))
    for (const action of ['draft_saved', 'draft_deleted', 'published', 'reverted']) expect(actions).toContain(action)
    await expect(t.app.db.delete(contentAudit)).rejects.toThrow()
  })
})

describe('zones are created by admins', () => {
  const newZone = (): Zone => ({
    id: 'lingcheng',
    name: '陵城经济开发区',
    shortName: '陵城',
    ticketPrefix: 'LC',
    order: 5,
    summary: '陵城经济开发区由管理员在控制台新建，资料由开发区工作人员填报。',
    leadingIndustries: ['高端装备制造'],
    figures: [],
    contact: { phone: 'not_provided', address: 'not_provided', location: 'not_provided' },
    investmentHotline: 'not_provided',
    supervisionHotline: 'not_provided',
    officeHours: 'not_provided',
    photos: [],
    sources: [],
  })

  it('refuses a new zone from a supervisor, and a ticket prefix another zone has', async () => {
    expect((await call('PUT', '/api/staff/content/zones/lingcheng', supervisor, newZone())).statusCode).toBe(403)
    const clash = await call('PUT', '/api/staff/content/zones/lingcheng', admin, { ...newZone(), ticketPrefix: 'PY' })
    expect(clash.json().error.fields).toEqual({ ticketPrefix: expect.stringContaining('pingyuan') })
  })

  it('publishes a new zone that the zone list then carries', async () => {
    expect((await call('PUT', '/api/staff/content/zones/lingcheng', admin, newZone())).statusCode).toBe(200)
    expect((await call('POST', '/api/staff/content/zones/lingcheng/publish', admin)).statusCode).toBe(200)
    const zones = ZoneOptionList.parse((await call('GET', '/api/zones', null)).json()).items
    expect(zones.at(-1)).toEqual({ id: 'lingcheng', name: '陵城经济开发区', shortName: '陵城', order: 5 })
    // It starts with the plain canned replies every zone has.
    const replies = await t.app.db.select().from(cannedReplies).where(eq(cannedReplies.zoneId, 'lingcheng'))
    expect(replies.length).toBeGreaterThan(0)
    // Its service requests are numbered with the prefix from its record.
    const request = await submit(t.app, await guestToken(t.app), { zoneId: 'lingcheng', parkId: undefined })
    expect(request.ticketNo).toMatch(/^LC-\d{8}-\d{4}$/)
  })
})

describe('资料完整度', () => {
  it('lists what investors cannot see yet, per zone and per park', async () => {
    const response = await call('GET', '/api/staff/completeness', agent)
    expect(response.statusCode).toBe(200)
    const checklist = Completeness.parse(response.json())
    expect(checklist.zoneId).toBe('pingyuan')
    expect(checklist.zone.gaps.map((gap) => gap.label)).toEqual(expect.arrayContaining(['联系电话', '监督热线', '地图位置', '照片']))
    const jingde = checklist.parks.find((park) => park.id === 'pingyuan-jingde')!
    // The phone published above is no longer a gap.
    expect(jingde.gaps.map((gap) => gap.field)).not.toContain('contact.phone')
    expect(jingde.gaps.map((gap) => gap.field)).toContain('contact.location')
    expect(checklist.parks.find((park) => park.id === 'pingyuan-aviation')!.gaps.map((gap) => gap.field)).toContain('spaces')
    expect(checklist.records.some((record) => record.kind === 'policies' && record.gaps.some((gap) => gap.label === '有效期'))).toBe(true)
    expect((await call('GET', '/api/staff/completeness', admin)).statusCode).toBe(400)
    expect((await call('GET', '/api/staff/completeness?zoneId=pingyuan', otherSupervisor)).statusCode).toBe(403)
  })
})

const spaceOf = (id: string): Space => ({
  id,
  zoneId: 'pingyuan',
  parkId: 'pingyuan-jingde',
  type: 'factory',
  title: '京德智造产业园二期标准厂房',
  description: '二期标准厂房，单层，可按企业需要分割。',
  area: { label: '建筑面积', value: 12000, unit: '平方米' },
  floorHeightMeters: 9,
  price: '面议',
  availability: 'for_rent',
  delivery: 'not_provided',
  deliveryDate: 'not_provided',
  customBuild: false,
  photos: [],
})

describe('two API processes', () => {
  let two: TwoApps
  const twoClock = new ManualClock('2026-11-20T02:00:00Z')
  beforeAll(async () => {
    // The default poll interval, as production runs it.
    two = await createTwoApps({ clock: twoClock.now, config: testConfig({ CONTENT_POLL_MS: '2000' }) })
  }, SETUP_TIMEOUT)
  afterAll(() => two.close(), SETUP_TIMEOUT)

  it('sees a publish made on the other within 5 seconds', async () => {
    const [first, second] = two.apps
    const boss = await addStaff(first, 'supervisor', 'yunhe', '运河主管')
    const park = ParkDetail.parse((await second.inject({ method: 'GET', url: '/api/parks/yunhe-hitech' })).json()).park
    const put = await first.inject({
      method: 'PUT',
      url: '/api/staff/content/parks/yunhe-hitech',
      headers: bearer(boss.token),
      payload: { ...park, contact: { ...park.contact, address: '德州市运河经济开发区' } },
    })
    expect(put.statusCode).toBe(200)
    const started = Date.now()
    expect(
      (await first.inject({ method: 'POST', url: '/api/staff/content/parks/yunhe-hitech/publish', headers: bearer(boss.token) }))
        .statusCode,
    ).toBe(200)
    let seen = false
    while (!seen && Date.now() - started < 5_000) {
      const address = ParkDetail.parse((await second.inject({ method: 'GET', url: '/api/parks/yunhe-hitech' })).json()).park.contact.address
      seen = address === '德州市运河经济开发区'
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(seen).toBe(true)
  }, 30_000)
})
