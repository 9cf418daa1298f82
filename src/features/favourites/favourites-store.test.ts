import { act } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { deferred, ok, parkById, parkCard, serveApi } from '../../../test/jest/content-fixtures'
import { useSession } from '@/features/session/session-store'
import { useFavourites } from './favourites-store'

beforeEach(() => resetApp())

const jingde = parkCard(parkById('pingyuan-jingde'))
const jjj = parkCard(parkById('qingyun-jjj'))

test('signs in first (guest on H5), then lists favourites', async () => {
  serveApi({
    'POST /api/auth/guest': () => ok(investorSession('guest-7')),
    '/api/favourites': () => ok({ items: [jingde] }),
  })
  await useFavourites.getState().load()
  expect(useSession.getState().investor?.investor.id).toBe('guest-7')
  expect(useFavourites.getState().items.map((park) => park.id)).toEqual(['pingyuan-jingde'])
  const list = taroMock.calls.requests.find((request) => request.url.endsWith('/api/favourites'))
  expect(list?.header?.Authorization).toBe('Bearer token-guest-7')
})

test('removing is optimistic and rolls back when DELETE fails, keeping other changes', async () => {
  useSession.setState({ investor: investorSession('inv-1') })
  useFavourites.setState({ ownerId: 'inv-1', items: [jingde], status: 'ready' })
  const del = deferred<{ statusCode: number; data: unknown }>()
  serveApi({
    'DELETE /api/favourites/pingyuan-jingde': () => del.promise,
    'PUT /api/favourites/qingyun-jjj': () => ({ statusCode: 204, data: '' }),
  })

  const removing = useFavourites.getState().toggle(jingde)
  expect(useFavourites.getState().isFavourite('pingyuan-jingde')).toBe(false)
  // A second tap while the first is on its way is ignored.
  await expect(useFavourites.getState().toggle(jingde)).resolves.toEqual({ ok: false, favourite: false })
  await useFavourites.getState().toggle(jjj)
  expect(useFavourites.getState().isFavourite('qingyun-jjj')).toBe(true)

  await act(async () => del.resolve({ statusCode: 503, data: { error: { code: 'unavailable', message: '服务繁忙' } } }))
  await expect(removing).resolves.toEqual({ ok: false, favourite: true, message: '服务繁忙' })
  expect(useFavourites.getState().items.map((park) => park.id).sort()).toEqual(['pingyuan-jingde', 'qingyun-jjj'])
  expect(useFavourites.getState().pending).toEqual({})
})

test('loadIfSignedIn never signs anyone in', async () => {
  serveApi({})
  await useFavourites.getState().loadIfSignedIn()
  expect(taroMock.calls.requests).toHaveLength(0)
  expect(useFavourites.getState().status).toBe('idle')
})
