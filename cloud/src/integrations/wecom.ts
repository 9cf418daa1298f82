import { callJson, UpstreamError } from './http'

/**
 * Posts a markdown message to a WeCom (企业微信) group robot.
 * https://developer.work.weixin.qq.com/document/path/91770
 */
export const sendWecomMarkdown = async (webhookUrl: string, content: string): Promise<void> => {
  const data = await callJson(webhookUrl, { method: 'POST', body: { msgtype: 'markdown', markdown: { content } } })
  if (data.errcode !== 0) throw new UpstreamError(`WeCom errcode ${String(data.errcode)}`)
}
