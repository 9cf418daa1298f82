import Taro from '@tarojs/taro'

/**
 * 订阅消息 template ids, comma separated, from TARO_APP_SUBSCRIBE_TEMPLATE_IDS in .env
 * (Taro injects TARO_APP_* at build time). Empty: the subscribe button is hidden.
 */
function readTemplateIds(): string[] {
  let raw: string | undefined
  try {
    raw = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS
  } catch {
    // No `process` at runtime when the constant was not injected.
    raw = undefined
  }
  return (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
}

export const SUBSCRIBE_TEMPLATE_IDS: readonly string[] = readTemplateIds()

export const canSubscribe = (templateIds: readonly string[] = SUBSCRIBE_TEMPLATE_IDS) =>
  process.env.TARO_ENV === 'weapp' && templateIds.length > 0

export type SubscribeOutcome = 'accepted' | 'rejected' | 'failed'

/** Must run inside a tap handler: WeChat refuses it otherwise. */
export async function subscribeReplyNotice(templateIds: readonly string[] = SUBSCRIBE_TEMPLATE_IDS): Promise<SubscribeOutcome> {
  try {
    const result = (await Taro.requestSubscribeMessage({
      tmplIds: [...templateIds],
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    return templateIds.some((id) => result[id] === 'accept') ? 'accepted' : 'rejected'
  } catch {
    return 'failed'
  }
}
