import { z } from 'zod'
import { listOf } from '../../../../types/common'
import { ParkCard } from '../../../../types/content-api'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, guestToken, ManualClock, serviceTestConfig } from '../../../test-support/service'

const FavouriteList = listOf(ParkCard)
const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
let investor: string
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  investor = await guestToken(t.app)
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, token = investor) => t.app.inject({ method, url, headers: bearer(token) })
const favourites = async (token = investor): Promise<z.infer<typeof FavouriteList>> =>
  FavouriteList.parse((await call('GET', '/api/favourites', token)).json())

describe('favourites', () => {
  it('PUT and DELETE are idempotent 204s; the list shows park cards, newest first, per investor', async () => {
    expect((await favourites()).items).toEqual([])
    for (const parkId of ['qingyun-jjj', 'zouping-digital', 'qingyun-jjj']) {
      const response = await call('PUT', `/api/favourites/${parkId}`)
      expect(response.statusCode).toBe(204)
      expect(response.body).toBe('')
      clock.advance(1000)
    }
    const list = await favourites()
    expect(list.items.map((card) => card.id)).toEqual(['zouping-digital', 'qingyun-jjj'])
    expect(list.items[0]).toMatchObject({ name: '数字经济产业基地', zoneId: 'zouping' })

    expect((await call('DELETE', '/api/favourites/zouping-digital')).statusCode).toBe(204)
    expect((await call('DELETE', '/api/favourites/zouping-digital')).statusCode).toBe(204)
    expect((await favourites()).items.map((card) => card.id)).toEqual(['qingyun-jjj'])

    const someoneElse = await guestToken(t.app)
    expect((await favourites(someoneElse)).items).toEqual([])
  })

  it('answers 404 for an unknown park, 400 for a malformed id, 401/403 without an investor', async () => {
    expect((await call('PUT', '/api/favourites/atlantis-park')).statusCode).toBe(404)
    expect((await call('DELETE', '/api/favourites/atlantis-park')).statusCode).toBe(404)
    expect((await call('PUT', '/api/favourites/Not_A_Slug')).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/api/favourites' })).statusCode).toBe(401)
    const agent = await addStaff(t.app, 'agent', 'qingyun')
    expect((await call('PUT', '/api/favourites/qingyun-jjj', agent.token)).statusCode).toBe(403)
  })
})
