import type { Dashboard } from '@/types/service'

/** Counts keyed by id, largest first, with labels. */
export function rankCounts(
  counts: Record<string, number>,
  labels: Record<string, string>,
): { key: string; label: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, label: labels[key] ?? key, count }))
    .sort((a, b) => b.count - a.count)
}

type Referrals = NonNullable<Dashboard['referrals']>
const SHARED_PAGE_LABELS: Record<string, string> = {
  'pages/index/index': '首页',
  'pages/park/index': '园区',
  'pages/policy/index': '政策',
  'pages/compare/index': '园区对比',
}

/**
 * Which colleagues' shares brought visitors, and which shared pages did: rows for the dashboard bars.
 * `staffTotal` counts the visits a colleague's share code brought; `total` every opened shared page,
 * `otherVisits` the difference (links forwarded by investors, or a code no colleague has).
 */
export function referralRows(referrals: Referrals | undefined, parkNames: Record<string, string>) {
  if (!referrals) return { byStaff: [], byPage: [], total: 0, staffTotal: 0, otherVisits: 0 }
  const byStaff = referrals.byStaff
    .map((row) => ({ key: row.staffId, label: row.displayName, count: row.visits }))
    .sort((a, b) => b.count - a.count)
  const byPage = referrals.byPage
    .map((row) => {
      const kind = SHARED_PAGE_LABELS[row.page] ?? row.page
      if (row.page === 'pages/index/index') return { key: `${row.page}:${row.targetId}`, label: kind, count: row.visits }
      const target = row.targetId
        .split(',')
        .map((id) => parkNames[id] ?? id)
        .join('、')
      return { key: `${row.page}:${row.targetId}`, label: `${kind} · ${target}`, count: row.visits }
    })
    .sort((a, b) => b.count - a.count)
  const total = referrals.byPage.reduce((sum, row) => sum + row.visits, 0)
  const staffTotal = referrals.byStaff.reduce((sum, row) => sum + row.visits, 0)
  return { byStaff, byPage, total, staffTotal, otherVisits: Math.max(0, total - staffTotal) }
}
