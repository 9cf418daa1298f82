import swagger from '@fastify/swagger'
import fp from 'fastify-plugin'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/**
 * OpenAPI 3 built from the routes' zod schemas (the ones in types/), served at /openapi.json.
 * Registered before the routes: it collects them as they are added.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: '园区通 ParkLink API',
          description: '开发区招商服务小程序与 H5 的云端接口。错误统一为 ErrorBody：{ error: { code, message, fields? } }。',
          version: '0.1.0',
        },
        tags: [
          { name: 'content', description: '开发区、园区、政策等公开内容（可缓存，支持 ETag / If-None-Match）' },
          { name: 'system', description: '运行状态' },
          { name: 'auth', description: '登录：投资者（微信 / 访客）与工作人员；会话为签名令牌，放在 Authorization: Bearer 头' },
          { name: 'service', description: '店小二 24 小时服务：投资者提交、跟踪、补充、评价服务请求，上传图片' },
          { name: 'staff', description: '工作台：工单队列、受理、指派、答复、备注、状态、看板（按角色和开发区授权）' },
          { name: 'console', description: '内容管理：草稿、发布、修订记录、恢复、资料完整度（店小二存草稿，主管和管理员发布）' },
          { name: 'admin', description: '管理员：开发区通知设置、工作人员账号' },
          { name: 'investor', description: '投资者的收藏' },
          { name: 'sharing', description: '分享链接的访问记录' },
        ],
      },
      transform: jsonSchemaTransform,
    })

    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
