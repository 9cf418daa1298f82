/**
 * Test fixtures for the service-request flow, investor and staff side: realistic requests and a tiny
 * API router over the Taro double. Stores are reset by ./app-state.
 */
import { taroMock } from './taro'
import type { ServiceRequest, ServiceRequestSummary, StaffRequestDetail, StaffRequestSummary } from '@/types/service'

type Reply = { statusCode: number; data: unknown }
type Handler = (request: { url: string; method: string; data?: unknown; header?: Record<string, string> }) => Reply | Promise<Reply>

export const ok = (data: unknown, statusCode = 200): Reply => ({ statusCode, data })
export const fail = (statusCode: number, code: string, message: string, fields?: Record<string, string>): Reply => ({
  statusCode,
  data: { error: { code, message, ...(fields ? { fields } : {}) } },
})

/** Routes by "METHOD /path" (query ignored); GET may be written as just "/path". Unknown routes answer 404. */
export function serve(routes: Record<string, Handler>): void {
  taroMock.onRequest((options) => {
    const method = (options.method ?? 'GET').toUpperCase()
    const path = options.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
    const handler = routes[`${method} ${path}`] ?? (method === 'GET' ? routes[path] : undefined)
    if (!handler) return fail(404, 'not_found', `未找到 ${method} ${path}`)
    return handler({ url: options.url, method, data: options.data, header: options.header })
  })
}

export const requestsTo = (path: string) =>
  taroMock.calls.requests.filter((r) => r.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] === path)

const catalogParks = () => [
  park('pingyuan-jingde', 'pingyuan', '京德智造产业园'),
  park('pingyuan-pharma', 'pingyuan', '新型医药产业园'),
  park('qingyun-jjj', 'qingyun', '京津冀产业园'),
]

/** GET /api/zones and GET /api/parks, as the zone catalog (names for forms and lists) reads them. */
export const catalogRoutes = (): Record<string, Handler> => ({
  '/api/zones': () =>
    ok({
      items: [
        { id: 'pingyuan', name: '平原经济开发区', shortName: '平原', order: 0 },
        { id: 'qingyun', name: '庆云县', shortName: '庆云', order: 1 },
      ],
    }),
  '/api/parks': ({ url }) => {
    const zoneId = new URL(url).searchParams.get('zoneId')
    const items = catalogParks().filter((item) => !zoneId || item.zoneId === zoneId)
    return ok({ items, nextCursor: null, total: items.length })
  },
})

function park(id: string, zoneId: string, name: string) {
  return {
    id,
    zoneId,
    name,
    summary: `${name}聚焦主导产业，提供标准厂房和配套服务。`,
    featured: false,
    industries: ['高端装备'],
    headline: { area: 'not_provided', investment: 'not_provided', enterprises: 'not_provided', signedProjects: 'not_provided' },
    cover: null,
    zoneName: zoneId === 'pingyuan' ? '平原经济开发区' : '庆云县',
    spaceTypes: [],
  }
}

const HOUR = 3600_000

/** A request as the investor sees it; times are relative to `now` so countdowns are predictable. */
export function serviceRequest(overrides: Partial<ServiceRequest> = {}, now = Date.now()): ServiceRequest {
  const created = new Date(now - 2 * HOUR).toISOString()
  return {
    id: 'req-1',
    ticketNo: 'PY-20261121-0007',
    type: 'site',
    zoneId: 'pingyuan',
    parkId: 'pingyuan-jingde',
    company: '山东德润新材料有限公司',
    contactName: '李明',
    mobile: '13800138000',
    description: '计划投资 5000 万元建设新材料项目，需要约 30 亩工业用地，想了解土地指标和审批流程。',
    photos: [],
    preferredContactTime: 'workday_morning',
    status: 'new',
    escalated: false,
    createdAt: created,
    firstResponseDueAt: new Date(now + 22 * HOUR).toISOString(),
    firstRespondedAt: null,
    resolutionDueAt: null,
    resolvedAt: null,
    rating: null,
    timeline: [{ step: 'submitted', at: created, actor: '您' }],
    messages: [],
    supervisionHotline: null,
    canWithdraw: true,
    canRate: false,
    ...overrides,
    rated: overrides.rated ?? Boolean(overrides.rating),
  }
}

export const summaryOf = (request: ServiceRequest): ServiceRequestSummary => ({
  id: request.id,
  ticketNo: request.ticketNo,
  type: request.type,
  zoneId: request.zoneId,
  parkId: request.parkId,
  company: request.company,
  status: request.status,
  escalated: request.escalated,
  createdAt: request.createdAt,
  firstResponseDueAt: request.firstResponseDueAt,
  firstRespondedAt: request.firstRespondedAt,
  rated: request.rated,
})

export function staffDetail(overrides: Partial<StaffRequestDetail> = {}, now = Date.now()): StaffRequestDetail {
  const { canWithdraw: _w, canRate: _r, ...base } = serviceRequest({}, now)
  return {
    ...base,
    assignee: null,
    notes: [],
    audit: [{ id: 'a1', at: base.createdAt, actor: '企业（投资者）', action: 'created', detail: {} }],
    resolutionPausedSince: null,
    allowedTransitions: ['accepted', 'withdrawn'],
    ...overrides,
  }
}

export const staffSummaryOf = (detail: StaffRequestDetail): StaffRequestSummary => ({
  id: detail.id,
  ticketNo: detail.ticketNo,
  type: detail.type,
  zoneId: detail.zoneId,
  parkId: detail.parkId,
  company: detail.company,
  status: detail.status,
  escalated: detail.escalated,
  createdAt: detail.createdAt,
  firstResponseDueAt: detail.firstResponseDueAt,
  firstRespondedAt: detail.firstRespondedAt,
  rated: detail.rated,
  contactName: detail.contactName,
  mobileMasked: `${detail.mobile.slice(0, 3)}****${detail.mobile.slice(7)}`,
  assignee: detail.assignee,
})
