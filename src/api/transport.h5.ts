import type { HttpRequest, HttpResponse } from './transport-types'

/**
 * H5 sends with the browser's own fetch. Taro.request would bring fetch, AbortController and JSONP
 * polyfills into the start-up bundle for browsers that have had them for years.
 */
export async function send({ url, method, header, data, timeoutMs }: HttpRequest): Promise<HttpResponse> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null
  try {
    // Default mode and credentials ('cors', 'same-origin'): what index.html's crossorigin="anonymous"
    // preload of the first content request used, so this request takes that response.
    const response = await fetch(url, {
      method,
      headers: header,
      body: data === undefined ? undefined : JSON.stringify(data),
      signal: controller?.signal,
    })
    return { statusCode: response.status, data: parseBody(await response.text()) }
  } finally {
    if (timer) clearTimeout(timer)
  }
}

/** JSON when it parses, else the text itself, as Taro.request's dataType 'json' answers. */
export function parseBody(text: string): unknown {
  if (text === '') return ''
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
