import { figureText, providedText, formatAge, formatFigure, formatShare, formatSquareMeters, formatValidity, todayString } from './format'

test('figures read exactly as the article prints them, qualifier in place', () => {
  expect(formatFigure({ label: '总投资', value: 18, unit: '亿元' })).toBe('18亿元')
  expect(formatFigure({ label: '占地', value: 667, unit: '亩' })).toBe('667亩')
  expect(formatFigure({ label: '即将签约项目总投资', value: 7, unit: '亿元', qualifier: '近' })).toBe('近7亿元')
  expect(formatFigure({ label: '外出招商', value: 20, unit: '次', qualifier: '余' })).toBe('20余次')
  expect(formatFigure({ label: '到位资金', value: 30, unit: '亿元', qualifier: '超过' })).toBe('超过30亿元')
  // A fact nobody provided is not shown: no placeholder text.
  expect(figureText('not_provided')).toBeNull()
  expect(figureText({ label: '地区生产总值', value: 120, unit: '亿元', year: 2024 })).toBe('120亿元（2024年）')
  expect(providedText('not_provided')).toBeNull()
  expect(providedText('  ')).toBeNull()
  expect(providedText('面议')).toBe('面议')
})

test('shares, areas, validity and dates', () => {
  expect(formatShare(0.956)).toBe('96%')
  expect(formatShare(1)).toBe('100%')
  expect(formatSquareMeters(5000)).toBe('5000㎡')
  expect(formatSquareMeters(50000)).toBe('5万㎡')
  expect(formatValidity('not_provided', 'not_provided')).toBeNull()
  expect(formatValidity('2024-01-01', '2025-12-31')).toBe('2024-01-01 至 2025-12-31')
  expect(formatValidity('not_provided', '2025-12-31')).toBe('至 2025-12-31')
  expect(todayString(new Date(2026, 0, 5))).toBe('2026-01-05')
  expect(formatAge(1_000_000, 1_000_000 + 3 * 3600_000)).toBe('3 小时前')
})
