import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { MAX_COMPARE, useCompare } from './compare-store'

beforeEach(() => resetApp())

const item = (id: string) => ({ id, name: `园区${id}`, zoneName: '平原经济开发区' })

test('the compare tray caps at three parks and refuses a fourth', () => {
  const tray = useCompare.getState()
  expect(tray.toggle(item('a'))).toBe('added')
  expect(tray.toggle(item('b'))).toBe('added')
  expect(tray.toggle(item('c'))).toBe('added')
  expect(useCompare.getState().toggle(item('d'))).toBe('full')
  expect(useCompare.getState().items.map((park) => park.id)).toEqual(['a', 'b', 'c'])
  expect(MAX_COMPARE).toBe(3)

  // Removing one makes room again.
  expect(useCompare.getState().toggle(item('b'))).toBe('removed')
  expect(useCompare.getState().toggle(item('d'))).toBe('added')
  expect(useCompare.getState().items.map((park) => park.id)).toEqual(['a', 'c', 'd'])
})

test('replacing the tray keeps at most three distinct parks, and it persists', () => {
  useCompare.getState().replace([item('a'), item('a'), item('b'), item('c'), item('d')])
  expect(useCompare.getState().items.map((park) => park.id)).toEqual(['a', 'b', 'c'])
  const saved = JSON.parse(taroMock.storage.get('parklink-compare') as string)
  expect(saved.state.items.map((park: { id: string }) => park.id)).toEqual(['a', 'b', 'c'])
})
