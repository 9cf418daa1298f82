import type { Config } from '../config'
import { callJson, hostOf, UpstreamError } from './http'

/**
 * The zones' WeCom (企业微信) group robots, one webhook per zone (WECOM_WEBHOOK_<ZONE>).
 * https://developer.work.weixin.qq.com/document/path/91770
 */
export class WecomClient {
  constructor(private readonly webhooks: Config['wecomWebhooks']) {}

  isConfigured(zoneId: string): boolean {
    return Boolean(this.webhooks[zoneId as keyof Config['wecomWebhooks']])
  }

  /** Posts a markdown message to the zone's group. Errors name the host only: the webhook URL carries its key. */
  async sendMarkdown(zoneId: string, content: string): Promise<void> {
    const url = this.webhooks[zoneId as keyof Config['wecomWebhooks']]
    if (!url) throw new UpstreamError(`WECOM_WEBHOOK_${zoneId.toUpperCase()} is not configured`)
    try {
      const data = await callJson(url, { method: 'POST', body: { msgtype: 'markdown', markdown: { content } } })
      if (data.errcode !== 0) throw new UpstreamError(`WeCom errcode ${String(data.errcode)}`)
    } catch (error) {
      throw new UpstreamError(`${hostOf(url)}: ${(error as Error).message}`)
    }
  }
}
