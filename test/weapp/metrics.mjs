// Figures from one headless run (pure functions over what mini-program.mjs and wx.mjs recorded).

export const SETDATA_LIMIT = 256 * 1024
export const FIRST_SCREEN_CALLS = 3
export const FIRST_SCREEN_BYTES = 64 * 1024

/**
 * setData of one page instance: the first render (before its first answer from the API), after the
 * first data (from that answer until the page first settled), and the whole visit.
 */
export const setDataPhases = ({ log, requests, pageKey, settledAt }) => {
  const calls = log.filter((entry) => entry.pageKey === pageKey)
  const answers = requests.filter((r) => r.pageKey === pageKey && r.endedAt !== null).map((r) => r.endedAt)
  const firstData = answers.length ? Math.min(...answers) : null
  const end = settledAt ?? Infinity
  const firstRender = calls.filter((entry) => entry.at < (firstData ?? end) && entry.at <= end)
  const afterData = firstData === null ? [] : calls.filter((entry) => entry.at >= firstData && entry.at <= end)
  const stats = (list) => ({ calls: list.length, maxBytes: list.reduce((max, entry) => Math.max(max, entry.bytes), 0) })
  return {
    firstRender: stats(firstRender),
    afterData: stats(afterData),
    firstScreen: stats([...firstRender, ...afterData]),
    visit: stats(calls),
    perSecond: maxPerSecond(calls),
  }
}

/** The most calls in any one-second window. */
export const maxPerSecond = (calls) => {
  const times = calls.map((entry) => entry.at).sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

/** WXML node rule: element count, depth, most children of one element (text nodes count as children). */
export const treeStats = (view) => {
  let nodes = 0
  let depth = 0
  let widest = { children: 0, label: '' }
  const visit = (node, level) => {
    if (node.text !== undefined) return
    if (node.tag !== 'page') {
      nodes++
      depth = Math.max(depth, level)
    }
    if (node.children.length > widest.children) widest = { children: node.children.length, label: node.attr?.class ?? node.tag }
    for (const child of node.children) visit(child, node.tag === 'page' ? level : level + 1)
  }
  visit(view, 0)
  return { nodes, depth: depth + 1, maxChildren: widest.children, widest: widest.label }
}

/** Most requests in flight at once (all of them, not only the slow ones WeChat counts). */
export const maxConcurrent = (requests) => {
  const edges = requests.flatMap((r) => [
    [r.startedAt, 1],
    [r.endedAt ?? Infinity, -1],
  ])
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let now = 0
  let best = 0
  for (const [, delta] of edges) {
    now += delta
    best = Math.max(best, now)
  }
  return best
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
