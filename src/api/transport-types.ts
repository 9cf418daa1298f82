/** One HTTP exchange as src/api/client.ts sees it, whichever platform carries it. */
export interface HttpRequest {
  url: string
  method: string
  header: Record<string, string>
  /** Sent as JSON; undefined sends no body. */
  data?: unknown
  timeoutMs: number
}

export interface HttpResponse {
  statusCode: number
  /** The parsed JSON body, or the raw text when it is not JSON (a proxy's error page), '' when empty. */
  data: unknown
}

/** Resolves with any HTTP status; rejects only when no answer arrived (offline, timeout). */
export type Send = (request: HttpRequest) => Promise<HttpResponse>
