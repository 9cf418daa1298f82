import { buildParkQuery, mergePage, activeFilterCount } from './directory-store'
import { parkCard, parks } from '../../../test/jest/content-fixtures'

test('builds the park query from filters, leaving empty ones out', () => {
  expect(buildParkQuery({})).toEqual({ limit: 10 })
  expect(buildParkQuery({ zoneId: 'pingyuan', industry: 'nothing' as never, spaceType: 'factory', minArea: 10000, q: ' 京德 ' }, 'c2')).toEqual({
    zoneId: 'pingyuan',
    spaceType: 'factory',
    minArea: 10000,
    q: '京德',
    limit: 10,
    cursor: 'c2',
  })
  expect(buildParkQuery({ minArea: 0, zoneId: 'Not a zone!' })).toEqual({ limit: 10 })
})

test('counts active filters without the search text', () => {
  expect(activeFilterCount({ q: 'x', zoneId: 'qingyun', minArea: 5000 })).toBe(2)
})

test('appending a page skips parks already listed', () => {
  const cards = parks.map(parkCard)
  const merged = mergePage(cards.slice(0, 3), [cards[2], cards[3], cards[3], cards[4]])
  expect(merged.map((park) => park.id)).toEqual(cards.slice(0, 5).map((park) => park.id))
})
