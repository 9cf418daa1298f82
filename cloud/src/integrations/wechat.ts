import type { Config } from '../config'
import type { Clock } from '../clock'
import { CALL_TIMEOUT_MS, callJson, UpstreamError } from './http'

export type WechatCredentials = NonNullable<Config['wechat']['credentials']>

/** wx.login code refused by WeChat (invalid, expired or already used). */
export class WechatCodeError extends Error {
  override name = 'WechatCodeError'
}

/** The user has not accepted this template (or used up the one-time subscription): do not retry. */
export class WechatNotSubscribedError extends Error {
  override name = 'WechatNotSubscribedError'
}

// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
const INVALID_CODE_ERRORS = new Set([40029, 40163, 40226])
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
const TOKEN_ERRORS = new Set([40001, 40014, 42001])
const NOT_SUBSCRIBED = 43101

const errcodeOf = (data: Record<string, unknown>) => (typeof data.errcode === 'number' ? data.errcode : 0)

/** The WeChat server APIs the API uses: code2session for sign-in, and subscribe messages. */
export class WechatClient {
  private token: { value: string; expiresAt: number } | undefined

  constructor(
    private readonly credentials: WechatCredentials,
    private readonly apiBase: string,
    private readonly clock: Clock,
  ) {}

  /** wx.login code → openid. */
  async code2session(code: string): Promise<{ openid: string }> {
    const query = new URLSearchParams({
      appid: this.credentials.appId,
      secret: this.credentials.secret,
      js_code: code,
      grant_type: 'authorization_code',
    })
    const data = await callJson(`${this.apiBase}/sns/jscode2session?${query.toString()}`, { method: 'GET' })
    const errcode = errcodeOf(data)
    if (INVALID_CODE_ERRORS.has(errcode)) throw new WechatCodeError(`code2session errcode ${errcode}`)
    if (errcode !== 0 || typeof data.openid !== 'string' || data.openid === '') {
      throw new UpstreamError(`code2session errcode ${errcode}`)
    }
    return { openid: data.openid }
  }

  async sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, string> }): Promise<void> {
    const body = {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
    }
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0)
      const data = await callJson(`${this.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body,
      })
      const errcode = errcodeOf(data)
      if (errcode === 0) return
      if (errcode === NOT_SUBSCRIBED) throw new WechatNotSubscribedError('用户未订阅该消息 / user has not subscribed (43101)')
      if (TOKEN_ERRORS.has(errcode) && attempt === 0) continue
      throw new UpstreamError(`subscribe/send errcode ${errcode}`)
    }
  }

  /**
   * A 小程序码 without a count limit (getUnlimitedQRCode) for `page` carrying `scene`: WeChat answers
   * with the image, or with JSON naming the error.
   * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
   */
  async unlimitedQrCode(input: { scene: string; page: string; width: number }): Promise<{ contentType: string; bytes: Buffer }> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0)
      let response: Response
      try {
        response = await fetch(`${this.apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // check_path false: the code is valid before the page is published in a release.
          body: JSON.stringify({ scene: input.scene, page: input.page, width: input.width, check_path: false }),
          signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        })
      } catch (error) {
        throw new UpstreamError(`getwxacodeunlimit failed: ${(error as Error).message}`)
      }
      const contentType = response.headers.get('content-type') ?? ''
      const bytes = Buffer.from(await response.arrayBuffer())
      if (!response.ok) throw new UpstreamError(`getwxacodeunlimit HTTP ${response.status}`)
      if (contentType.startsWith('image/')) return { contentType: contentType.split(';')[0], bytes }
      let errcode = -1
      try {
        errcode = errcodeOf(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>)
      } catch {
        // not JSON either
      }
      if (TOKEN_ERRORS.has(errcode) && attempt === 0) continue
      throw new UpstreamError(`getwxacodeunlimit errcode ${errcode}`)
    }
  }

  /**
   * The stable access token (getStableAccessToken): unlike /cgi-bin/token, fetching it in one API
   * process does not invalidate the token the other processes hold.
   */
  private async accessToken(forceRefresh: boolean): Promise<string> {
    const now = this.clock().getTime()
    if (!forceRefresh && this.token && this.token.expiresAt > now) return this.token.value
    const data = await callJson(`${this.apiBase}/cgi-bin/stable_token`, {
      method: 'POST',
      body: { grant_type: 'client_credential', appid: this.credentials.appId, secret: this.credentials.secret, force_refresh: false },
    })
    if (errcodeOf(data) !== 0 || typeof data.access_token !== 'string') throw new UpstreamError(`stable_token errcode ${errcodeOf(data)}`)
    const expiresIn = typeof data.expires_in === 'number' ? data.expires_in : 7200
    // Renew five minutes early.
    this.token = { value: data.access_token, expiresAt: now + Math.max(60, expiresIn - 300) * 1000 }
    return this.token.value
  }
}
