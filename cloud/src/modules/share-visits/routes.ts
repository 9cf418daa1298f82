import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ShareVisitBody, ShareVisitRecorded, ShareWxacode } from '../../../../types/service'
import { wxacodeScene } from '../../../../types/share-code'
import { UpstreamError } from '../../integrations/http'
import { ApiError, responses } from '../../http/errors'
import { BEACON_BODY_LIMIT, describeLimit } from '../../http/schemas'
import { recordShareVisit } from './share-visits'

/** WeChat launch scenes are four-digit codes; anything outside a sane range is refused rather than stored. */
const VisitBody = ShareVisitBody.extend({ scene: z.number().int().min(1).max(99_999).optional() })

/** Opened shared links: who shared (ref), what, and from where. Anonymous visits are welcome. */
const shareVisitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/share-visits',
    {
      bodyLimit: BEACON_BODY_LIMIT,
      onRequest: app.rateLimitHook('share-visits', 'ip', app.config.rateLimits.shareVisitsPerIp),
      schema: {
        tags: ['sharing'],
        summary: '记录一次分享链接的打开（无需登录；带投资者令牌时记录访客）',
        description: `ref 与某位工作人员的 shareCode 相同时，计入该工作人员的推荐访问（见数据看板 referrals）。每个 IP ${describeLimit(app.config.rateLimits.shareVisitsPerIp)}。`,
        body: VisitBody,
        response: {
          201: ShareVisitRecorded,
          400: responses.badRequest,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          429: responses.rateLimited,
          500: responses.serverError,
        },
      },
    },
    async (request, reply) => {
      await recordShareVisit(app, request.body, await app.optionalInvestor(request))
      return reply.code(201).send({ recorded: true as const })
    },
  )

  app.get(
    '/api/staff/share/wxacode',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['sharing'],
        summary: '我的小程序码：打开首页并带上我的分享码（scene r=<shareCode>）',
        description:
          '由微信 getUnlimitedQRCode 生成（需要 WECHAT_APPID / WECHAT_SECRET，未配置时返回 503 wechat_not_configured；微信出错返回 503 wechat_unavailable）。' +
          '扫码打开的首页记录一次分享访问，计入该工作人员。',
        response: {
          200: ShareWxacode,
          401: responses.unauthorized,
          403: responses.forbidden,
          500: responses.serverError,
          503: responses.unavailable,
        },
      },
    },
    async (request, reply) => {
      if (!app.wechat) throw new ApiError(503, 'wechat_not_configured', '小程序码需要配置小程序 AppID 和 AppSecret，请先使用网页链接和二维码')
      const scene = wxacodeScene(request.staff!.shareCode)
      try {
        const code = await app.wechat.unlimitedQrCode({ scene, page: 'pages/index/index', width: WXACODE_WIDTH })
        reply.header('cache-control', 'private, max-age=3600')
        return { image: `data:${code.contentType};base64,${code.bytes.toString('base64')}`, scene }
      } catch (error) {
        if (error instanceof UpstreamError) {
          request.log.warn({ err: error.message }, 'wxacode failed')
          throw new ApiError(503, 'wechat_unavailable', '微信服务暂时不可用，请稍后再试')
        }
        throw error
      }
    },
  )
}

/** Wide enough to scan from a phone screen, small enough for one setData. */
const WXACODE_WIDTH = 280

export default shareVisitRoutes
