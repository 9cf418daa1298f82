import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { homeResponse, ok, policies, policyCard, serveApi } from '../../../test/jest/content-fixtures'
import { usePolicies } from '@/features/policies/list-store'
import Policies from './index'

beforeEach(() => resetApp())

const cards = policies.map(policyCard)
const policyRequests = () => taroMock.calls.requests.filter((request) => new URL(request.url).pathname === '/api/policies')
const lastQuery = () => Object.fromEntries(new URL(policyRequests()[policyRequests().length - 1].url).searchParams)

function serve(expiredIds: string[] = []) {
  serveApi({
    '/api/home': () => ok(homeResponse()),
    '/api/policies': (url) => {
      const category = url.searchParams.get('category')
      const zoneId = url.searchParams.get('zoneId')
      const items = cards
        .map((card) => ({ ...card, expired: expiredIds.includes(card.id) }))
        .filter((card) => (!category || card.category === category) && (!zoneId || card.zoneId === zoneId))
        .sort((a, b) => Number(a.expired) - Number(b.expired))
      return ok({ items, nextCursor: null, total: items.length })
    },
  })
}

test('category chips filter the library and expired policies are marked', async () => {
  serve(['qingyun-talent-ten-projects'])
  render(<Policies />)
  expect(await screen.findByText(`共 ${cards.length} 条，其中 1 条已过期（排在最后）`)).toBeTruthy()

  fireEvent.click(screen.getByRole('radio', { name: '政策类别：人才' }))
  await waitFor(() => expect(lastQuery()).toEqual({ category: 'talent', limit: '50' }))
  const items = await screen.findAllByRole('listitem')
  expect(items.every((item) => item.textContent?.includes('人才'))).toBe(true)
  // Expired last, and says so.
  expect(items[items.length - 1].textContent).toContain('已过期')
  // The card's link is its title; category, zone and 已过期 read as text in the same card.
  const expired = screen.getByRole('link', { name: '人才支撑十大工程' }).closest('.pl-policy-card')
  expect(expired?.textContent).toMatch(/已过期.*人才.*庆云县/)

  fireEvent.click(screen.getByRole('radio', { name: '区域：邹平' }))
  await waitFor(() => expect(lastQuery()).toEqual({ category: 'talent', zoneId: 'zouping', limit: '50' }))
})

test('the 政策匹配 entry opens the match page', async () => {
  serve()
  render(<Policies />)
  await screen.findByText(`共 ${cards.length} 条`)
  fireEvent.click(screen.getByRole('link', { name: /政策匹配/ }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/match/index'])
})

test('no result offers to see everything', async () => {
  serve()
  render(<Policies />)
  await screen.findByText(`共 ${cards.length} 条`)
  fireEvent.click(screen.getByRole('radio', { name: '区域：高青' }))
  fireEvent.click(screen.getByRole('radio', { name: '政策类别：金融' }))
  expect(await screen.findByText('没有找到相关政策')).toBeTruthy()
  fireEvent.click(screen.getByText('查看全部政策'))
  expect(await screen.findByText(`共 ${cards.length} 条`)).toBeTruthy()
})

test('the zone picked on home is the zone the tab shows; 政策匹配 carries it', async () => {
  serve()
  usePolicies.getState().carryZone('pingyuan')
  render(<Policies />)
  await waitFor(() => expect(lastQuery()).toMatchObject({ zoneId: 'pingyuan' }))
  expect((await screen.findByRole('radio', { name: '区域：平原' })).getAttribute('aria-checked')).toBe('true')
  fireEvent.click(screen.getByRole('link', { name: /政策匹配/ }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/match/index?zoneId=pingyuan'])
})
