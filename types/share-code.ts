/**
 * A staff member's share code in their 小程序码, both ways (zod-free: the home page in the main package
 * reads it). WeChat hands the code's `scene` to the page it opens, URL-encoded, at most 32 characters.
 */

/** The `scene` of a staff member's 小程序码: r=<shareCode>. */
export const wxacodeScene = (shareCode: string): string => `r=${shareCode}`.slice(0, 32)

/** The share code a 小程序码's `scene` (as WeChat hands it to the page, URL-encoded) carries, if any. */
export function refFromScene(scene: string | undefined): string | undefined {
  if (!scene) return undefined
  let decoded = scene
  try {
    decoded = decodeURIComponent(scene)
  } catch {
    return undefined
  }
  const match = /^r=([A-Za-z0-9_-]{1,30})$/.exec(decoded)
  return match?.[1]
}

