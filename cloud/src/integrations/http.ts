/** Outgoing calls to WeChat and WeCom: bounded in time, JSON in and out. */
export const CALL_TIMEOUT_MS = 10_000

export class UpstreamError extends Error {
  override name = 'UpstreamError'
}

export const callJson = async (url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<Record<string, unknown>> => {
  let response: Response
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    })
  } catch (error) {
    throw new UpstreamError(`request failed: ${(error as Error).message}`)
  }
  const text = await response.text()
  if (!response.ok) throw new UpstreamError(`HTTP ${response.status}`)
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new UpstreamError('response is not a JSON object')
}

/** The API key part of a URL is a credential: errors and logs name the host only. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return 'invalid-url'
  }
}
