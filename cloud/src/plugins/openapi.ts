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
        ],
      },
      transform: jsonSchemaTransform,
    })

    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
