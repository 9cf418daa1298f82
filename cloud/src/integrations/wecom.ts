import { callJson, hostOf, UpstreamError } from './http'

/**
 * WeCom (企业微信) group robots: each zone's webhook is in its settings (zone_settings), with
 * WECOM_WEBHOOK_DEFAULT for development.
 * https://developer.work.weixin.qq.com/document/path/91770
 */
export class WecomClient {
  /** Posts a markdown message to a group robot. Errors name the host only: the webhook URL carries its key. */
  async sendMarkdown(url: string, content: string): Promise<void> {
    try {
      const data = await callJson(url, { method: 'POST', body: { msgtype: 'markdown', markdown: { content } } })
      if (data.errcode !== 0) throw new UpstreamError(`WeCom errcode ${String(data.errcode)}`)
    } catch (error) {
      throw new UpstreamError(`${hostOf(url)}: ${(error as Error).message}`)
    }
  }
}
