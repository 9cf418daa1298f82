import fp from 'fastify-plugin'
import { WechatClient } from '../../integrations/wechat'
import { WecomClient } from '../../integrations/wecom'

declare module 'fastify' {
  interface FastifyInstance {
    /** The mini-program's server APIs (sign-in, subscribe messages); null when WECHAT_APPID / WECHAT_SECRET are unset. */
    wechat: WechatClient | null
    /** WeCom group robots (each zone's webhook is in its settings). */
    wecom: WecomClient
  }
}

/** The WeChat and WeCom clients, built once from the config for the routes and the jobs. */
export default fp(
  async (app) => {
    const { credentials, apiBase } = app.config.wechat
    app.decorate('wechat', credentials ? new WechatClient(credentials, apiBase, app.clock) : null)
    app.decorate('wecom', new WecomClient())
  },
  { name: 'wechat', dependencies: ['context'] },
)
