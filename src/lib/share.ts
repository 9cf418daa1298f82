import { withQuery } from './query'

/** Share targets carry the target id and, when known, the sharer's code as `ref`. */
export function sharePath(route: string, params: Record<string, string | undefined>, ref: string | undefined): string {
  return withQuery(route, { ...params, ref })
}

/** 朋友圈 shares take a bare query string (no path). */
export function shareQuery(params: Record<string, string | undefined>, ref: string | undefined): string {
  return withQuery('', { ...params, ref }).replace(/^\?/, '')
}
