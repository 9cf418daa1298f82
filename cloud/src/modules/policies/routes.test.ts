import fs from 'node:fs'
import path from 'node:path'
import type { Policy } from '../../../../types/content'
import { PolicyDetail, PolicyPage } from '../../../../types/content-api'
import { REAL_CONTENT_DIR, createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

const policies: Policy[] = JSON.parse(fs.readFileSync(path.join(REAL_CONTENT_DIR, 'policies.json'), 'utf8'))

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const list = async (query = '') => {
  const response = await t.app.inject({ method: 'GET', url: `/api/policies${query ? `?${query}` : ''}` })
  expect(response.statusCode).toBe(200)
  return PolicyPage.parse(response.json()).items
}

describe('GET /api/policies', () => {
  it('lists every policy as a card with its zone name', async () => {
    const items = await list('limit=50')
    expect(items.map((card) => card.id).sort()).toEqual(policies.map((policy) => policy.id).sort())
    const card = items.find((item) => item.id === 'pingyuan-jingde-custom-factory')!
    expect(card.zoneName).toBe('平原经济开发区')
    expect(card.expired).toBe(false)
  })

  it('filters by zone, category and free text', async () => {
    expect((await list('zoneId=zouping')).every((card) => card.zoneId === 'zouping')).toBe(true)
    const talent = await list('category=talent')
    expect(talent.map((card) => card.id).sort()).toEqual(
      policies
        .filter((policy) => policy.category === 'talent')
        .map((policy) => policy.id)
        .sort(),
    )
    const byText = await list(`q=${encodeURIComponent('厂房')}`)
    expect(byText.map((card) => card.id)).toContain('pingyuan-jingde-custom-factory')
    expect(await list(`zoneId=qingyun&q=${encodeURIComponent('厂房')}`)).toEqual(byText.filter((card) => card.zoneId === 'qingyun'))
  })

  it('pages with a cursor that only continues its own query', async () => {
    const first = PolicyPage.parse((await t.app.inject({ method: 'GET', url: '/api/policies?limit=4' })).json())
    expect(first.items).toHaveLength(4)
    expect(first.total).toBe(policies.length)
    const second = PolicyPage.parse((await t.app.inject({ method: 'GET', url: `/api/policies?limit=4&cursor=${first.nextCursor}` })).json())
    expect(second.items.map((card) => card.id)).not.toContain(first.items[0].id)
    const mismatched = await t.app.inject({ method: 'GET', url: `/api/policies?limit=4&category=talent&cursor=${first.nextCursor}` })
    expect(mismatched.statusCode).toBe(400)
    expect(mismatched.json().error.code).toBe('invalid_cursor')
  })

  it('puts title matches before matches elsewhere', async () => {
    const items = await list(`q=${encodeURIComponent('基金')}`)
    const titles = items.map((card) => card.title)
    const firstOther = titles.findIndex((title) => !title.includes('基金'))
    expect(firstOther === -1 || titles.slice(firstOther).every((title) => !title.includes('基金'))).toBe(true)
    expect(titles.filter((title) => title.includes('基金')).length).toBeGreaterThan(0)
  })

  it('refuses an unknown category with 400 and the field named', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/policies?category=magic' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toEqual({
      code: 'validation_error',
      message: expect.any(String),
      fields: { category: expect.stringContaining('应为以下之一') },
    })
  })
})

describe('GET /api/policies/:id', () => {
  it('returns the policy with its zone summary', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/policies/pingyuan-jingde-custom-factory' })
    expect(response.statusCode).toBe(200)
    const detail = PolicyDetail.parse(response.json())
    expect(detail.policy.parkIds).toEqual(['pingyuan-jingde'])
    expect(detail.zone.id).toBe('pingyuan')
    expect(detail.expired).toBe(false)
  })

  it('answers 404 for an unknown policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/policies/free-lunch' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('not_found')
  })
})
