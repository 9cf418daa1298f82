import type { ParkCard } from '../../../../types/content-api'
import type { Park } from '../../../../types/content'
import { searchParks } from './park-search'
import { encodeCursor } from '../content/paging'
import type { ParkEntry } from '../content/snapshot'

const entry = (id: string, text: string, spaces: ParkEntry['spaces'] = [], search: Partial<ParkEntry['search']> = {}): ParkEntry => ({
  card: { id } as ParkCard,
  park: { id } as Park,
  industryIds: [],
  spaces,
  search: { name: text.toLowerCase(), linked: '', own: '', zone: '', ...search },
})

const entries = [
  entry('a', '5G 智能制造 Digital Park', [{ type: 'land', squareMeters: 66_667 }]),
  entry('b', '医药产业园', [{ type: 'factory', squareMeters: 40_000 }]),
  entry('c', '物流园', [{ type: 'factory', squareMeters: null }]),
]

const ids = (query: Parameters<typeof searchParks>[1]) => {
  const result = searchParks(entries, query)
  if ('invalidCursor' in result) throw new Error('unexpected invalid cursor')
  return result.page.items.map((card) => card.id)
}

describe('searchParks', () => {
  it('matches q case-insensitively', () => {
    expect(ids({ limit: 20, q: 'digital' })).toEqual(['a'])
    expect(ids({ limit: 20, q: 'DIGITAL park' })).toEqual(['a'])
    expect(ids({ limit: 20, q: '5g' })).toEqual(['a'])
  })

  it('needs one space to satisfy both spaceType and minArea; unknown areas never match minArea', () => {
    expect(ids({ limit: 20, minArea: 40_000 })).toEqual(['a', 'b'])
    expect(ids({ limit: 20, spaceType: 'factory', minArea: 50_000 })).toEqual([])
    expect(ids({ limit: 20, spaceType: 'factory' })).toEqual(['b', 'c'])
    expect(ids({ limit: 20, spaceType: 'factory', minArea: 0 })).toEqual(['b'])
  })

  it('treats an empty q as no filter', () => {
    expect(ids({ limit: 20, q: '' })).toEqual(['a', 'b', 'c'])
  })

  it("ranks the park's own name, then its enterprises and projects, then its summary, then zone-level text", () => {
    const ranked = [
      entry('zone-level', '甲园', [], { zone: '平原 医药企业' }),
      entry('summary', '乙园', [], { own: '园区发展医药产业' }),
      entry('name', '医药产业园'),
      entry('linked', '丙园', [], { linked: '某医药公司' }),
      entry('none', '丁园'),
    ]
    const result = searchParks(ranked, { limit: 20, q: '医药' })
    if ('invalidCursor' in result) throw new Error('unexpected')
    expect(result.page.items.map((card) => card.id)).toEqual(['name', 'linked', 'summary', 'zone-level'])
  })

  it('returns an empty last page for a cursor past the end (content shrank meanwhile)', () => {
    const first = searchParks(entries, { limit: 2 })
    if ('invalidCursor' in first) throw new Error('unexpected')
    const hash = JSON.parse(Buffer.from(first.page.nextCursor!, 'base64url').toString()).f as string
    const result = searchParks(entries, { limit: 2, cursor: encodeCursor(10, hash) })
    expect(result).toEqual({ page: { items: [], nextCursor: null, total: 3 } })
  })
})
