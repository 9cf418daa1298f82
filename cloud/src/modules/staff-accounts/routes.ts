import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { CreateStaffAccountBody, ResetPasswordBody, StaffAccount, StaffAccountList, StaffAccountQuery } from '../../../../types/console'
import { responses } from '../../http/errors'
import { JSON_BODY_LIMIT, RequestIdParams } from '../../http/schemas'
import { createAccount, listAccounts, resetPassword, setDisabled } from './accounts'

const adminErrors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}

/** Staff accounts, for admins (the CLI `npm run staff:add` stays for the first admin). */
const staffAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get(
    '/api/staff/accounts',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['admin'],
        summary: '工作人员账号列表（管理员），可按开发区筛选',
        querystring: StaffAccountQuery,
        response: { 200: StaffAccountList, ...adminErrors },
      },
    },
    async (request) => ({ items: await listAccounts(app, request.staff!, request.query.zoneId) }),
  )

  app.post(
    '/api/staff/accounts',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['admin'],
        summary: '新建工作人员账号（管理员）：店小二、主管须属于一个开发区',
        description: '密码至少 10 个字符，由管理员转告本人。用户名已被使用返回 409 username_taken。',
        body: CreateStaffAccountBody,
        response: {
          201: StaffAccount,
          ...adminErrors,
          409: responses.conflict,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await createAccount(app, request.staff!, request.body)),
  )

  for (const [action, disabled, summary] of [
    ['disable', true, '停用账号（管理员）：不能再登录，已登录的会话立即失效'],
    ['enable', false, '重新启用账号（管理员）'],
  ] as const) {
    app.post(
      `/api/staff/accounts/:id/${action}`,
      {
        onRequest: app.requireStaff,
        schema: {
          tags: ['admin'],
          summary,
          params: RequestIdParams,
          response: { 200: StaffAccount, ...adminErrors, 415: responses.unsupportedType },
        },
      },
      async (request) => setDisabled(app, request.staff!, request.params.id, disabled),
    )
  }

  app.post(
    '/api/staff/accounts/:id/reset-password',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['admin'],
        summary: '重设密码（管理员）：新密码至少 10 个字符，同时解除登录失败计数',
        params: RequestIdParams,
        body: ResetPasswordBody,
        response: { 200: StaffAccount, ...adminErrors, 413: responses.payloadTooLarge, 415: responses.unsupportedType },
      },
    },
    async (request) => resetPassword(app, request.staff!, request.params.id, request.body.password),
  )
}

export default staffAccountRoutes
