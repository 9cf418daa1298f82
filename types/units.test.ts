import { toSquareMeters, toWan } from './units'

describe('toSquareMeters', () => {
  it.each([
    ['平方米', 1200, 1200],
    ['㎡', 80, 80],
    ['万平方米', 4, 40_000],
    ['亩', 3, 2000.01],
    ['公顷', 2, 20_000],
  ])('converts %s', (unit, value, expected) => {
    expect(toSquareMeters({ value, unit })).toBeCloseTo(expected, 6)
  })

  it('returns null for non-area units', () => {
    expect(toSquareMeters({ value: 73, unit: '家' })).toBeNull()
    expect(toSquareMeters({ value: 18, unit: '亿元' })).toBeNull()
  })

  it('tolerates surrounding spaces in the unit', () => {
    expect(toSquareMeters({ value: 1, unit: ' 亩 ' })).toBeCloseTo(666.67, 6)
  })
})

describe('toWan', () => {
  it('converts 亿元 and 万元', () => {
    expect(toWan({ value: 18, unit: '亿元' })).toBe(180_000)
    expect(toWan({ value: 500, unit: '万元' })).toBe(500)
    expect(toWan({ value: 20_000, unit: '元' })).toBeCloseTo(2, 10)
  })

  it('returns null for non-money units', () => {
    expect(toWan({ value: 667, unit: '亩' })).toBeNull()
    expect(toWan({ value: 80, unit: '%' })).toBeNull()
  })
})
