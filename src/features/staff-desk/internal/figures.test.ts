import { formatShare } from '@/lib/format'
import { referralRows } from './figures'

test('shares read as whole percentages, missing data as a dash', () => {
  expect(formatShare(0.956)).toBe('96%')
  expect(formatShare(null)).toBe('—')
})

test('referrals name the colleague and the shared park, busiest first', () => {
  const rows = referralRows(
    {
      byStaff: [
        { staffId: 's1', displayName: '平原店小二', visits: 2 },
        { staffId: 's2', displayName: '平原主管', visits: 5 },
      ],
      byPage: [
        { page: 'pages/park/index', targetId: 'pingyuan-jingde', visits: 6 },
        { page: 'pages/compare/index', targetId: 'pingyuan-jingde,qingyun-jjj', visits: 1 },
      ],
    },
    { 'pingyuan-jingde': '京德智造产业园', 'qingyun-jjj': '京津冀产业园' },
  )
  expect(rows.byStaff.map((row) => [row.label, row.count])).toEqual([
    ['平原主管', 5],
    ['平原店小二', 2],
  ])
  expect(rows.byPage.map((row) => row.label)).toEqual(['园区 · 京德智造产业园', '园区对比 · 京德智造产业园、京津冀产业园'])
  expect(rows.total).toBe(7)
  expect(rows.staffTotal).toBe(7)
  expect(rows.otherVisits).toBe(0)
})

test('a visit whose ref is no colleague’s code is not counted as a colleague’s (issue 15.16)', () => {
  const rows = referralRows({ byStaff: [], byPage: [{ page: 'pages/park/index', targetId: 'pingyuan-jingde', visits: 1 }] }, {})
  expect(rows).toMatchObject({ byStaff: [], staffTotal: 0, total: 1, otherVisits: 1 })
  const home = referralRows({ byStaff: [], byPage: [{ page: 'pages/index/index', targetId: 'home', visits: 2 }] }, {})
  expect(home.byPage.map((row) => row.label)).toEqual(['首页'])
})

test('no referral data gives empty rows', () => {
  expect(referralRows(undefined, {})).toEqual({ byStaff: [], byPage: [], total: 0, staffTotal: 0, otherVisits: 0 })
})
