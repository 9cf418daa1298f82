/** A 0–1 share as a percentage: 0.956 → 96%; null → —. */
export function formatShare(share: number | null): string {
  if (share === null || Number.isNaN(share)) return '—'
  return `${Math.round(share * 100)}%`
}

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
