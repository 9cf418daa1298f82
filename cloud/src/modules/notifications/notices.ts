import { and, asc, eq, inArray } from 'drizzle-orm'
import type { StaffRole } from '../../../../types/auth'
import { chinaDateTime } from '../../../../types/china-time'
import { BREAK_OR_CONTROL } from '../../../../types/common'
import { RATING_LABELS, REQUEST_TYPE_LABELS } from '../../../../types/service'
import type { Db } from '../../db/client'
import { investors, staff, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { parkName, zoneName } from '../content/lookup'
import { enqueueNotice } from './outbox'

// The texts of the notifications. WeCom group messages go to a chat of zone staff: they name the
// ticket, type, park and company, never the investor's mobile number or contact name.

type Named = { id: string; displayName: string }

/** Characters WeCom markdown reads as markup, and the full-width look-alikes shown instead. */
const MARKUP_LOOKALIKES: Record<string, string> = {
  '*': '＊',
  _: '＿',
  '`': '｀',
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '#': '＃',
  '~': '～',
  '\\': '＼',
}

/**
 * Text from people (company, names, park and zone names) as plain text inside a WeCom markdown
 * message: markup characters become their full-width look-alikes (WeCom has no escape character),
 * `://` loses its link-making power, and line breaks or control characters become spaces, so the
 * text cannot add bold lines, links, headings or <@all> mentions of its own.
 */
export const markdownText = (text: string): string =>
  text
    .replace(new RegExp(`${BREAK_OR_CONTROL.source}+`, 'g'), ' ')
    .replace(/[*_`[\]<>#~\\]/g, (char) => MARKUP_LOOKALIKES[char])
    .replace(/:\/\//g, '：//')

export const zoneStaff = (db: Db, zoneId: string, roles: readonly StaffRole[]): Promise<Named[]> =>
  db
    .select({ id: staff.id, displayName: staff.displayName })
    .from(staff)
    .where(and(eq(staff.zoneId, zoneId), inArray(staff.role, [...roles])))
    .orderBy(asc(staff.createdAt), asc(staff.id))

const names = (people: Named[]) =>
  people.length > 0 ? people.map((person) => markdownText(person.displayName)).join('、') : '（本区暂无账号）'

/** The lines under a notice's title: zone and park, type, company. */
const details = (deps: Pick<Deps, 'content'>, row: Pick<RequestRow, 'zoneId' | 'parkId' | 'type' | 'company'>) => {
  const park = parkName(deps, row.parkId)
  return [
    `> 开发区：${markdownText(zoneName(deps, row.zoneId))}${park ? ` · ${markdownText(park)}` : ''}`,
    `> 类型：${REQUEST_TYPE_LABELS[row.type]}`,
    `> 企业：${markdownText(row.company)}`,
  ]
}

const header = (deps: Pick<Deps, 'content'>, row: RequestRow, title: string) => [`**${title}** ${row.ticketNo}`, ...details(deps, row)]

/** A new request, for the zone's agents (sent by the job loop once the request is committed). */
export const notifyNewRequest = async (tx: Db, deps: Pick<Deps, 'config' | 'content'>, row: RequestRow, now: Date) => {
  const agents = await zoneStaff(tx, row.zoneId, ['agent'])
  const markdown = [
    ...header(deps, row, '新的服务请求'),
    `> 首次响应截止：${chinaDateTime(row.firstResponseDueAt)}`,
    '请店小二尽快受理。',
  ].join('\n')
  await enqueueNotice(tx, deps.config, now, {
    kind: 'new_request',
    zoneId: row.zoneId,
    requestId: row.id,
    recipients: agents.map((person) => person.id),
    markdown,
  })
}

/** T-2 h: the assignee, or every agent of the zone while nobody has taken it. */
export const notifyNearBreach = async (tx: Db, deps: Pick<Deps, 'config' | 'content'>, row: RequestRow, now: Date) => {
  const [assignee] = row.assigneeId
    ? await tx.select({ id: staff.id, displayName: staff.displayName }).from(staff).where(eq(staff.id, row.assigneeId))
    : []
  const recipients = assignee ? [assignee] : await zoneStaff(tx, row.zoneId, ['agent'])
  const markdown = [
    ...header(deps, row, '即将超时提醒'),
    `> 首次响应截止：${chinaDateTime(row.firstResponseDueAt)}（还剩不到 2 小时）`,
    assignee ? `请 ${markdownText(assignee.displayName)} 尽快答复。` : `尚未受理，请店小二（${names(recipients)}）尽快受理并答复。`,
  ].join('\n')
  await enqueueNotice(tx, deps.config, now, {
    kind: 'near_breach',
    zoneId: row.zoneId,
    requestId: row.id,
    recipients: recipients.map((person) => person.id),
    markdown,
  })
}

export const notifyBreach = async (tx: Db, deps: Pick<Deps, 'config' | 'content'>, row: RequestRow, now: Date) => {
  const supervisors = await zoneStaff(tx, row.zoneId, ['supervisor'])
  const markdown = [
    ...header(deps, row, '超时升级'),
    `> 首次响应截止：${chinaDateTime(row.firstResponseDueAt)}，至今未答复`,
    `已升级至主管：${names(supervisors)}，请督办。`,
  ].join('\n')
  await enqueueNotice(tx, deps.config, now, {
    kind: 'breach',
    zoneId: row.zoneId,
    requestId: row.id,
    recipients: supervisors.map((person) => person.id),
    markdown,
  })
}

export const notifyLowRating = async (
  tx: Db,
  deps: Pick<Deps, 'config' | 'content'>,
  row: RequestRow,
  score: 1 | 2,
  supervisor: Named | null,
  now: Date,
) => {
  const markdown = [
    ...header(deps, row, '差评督办'),
    `> 企业评价：${RATING_LABELS[score]}（${score} 分）`,
    supervisor ? `已重新打开并指派给主管 ${markdownText(supervisor.displayName)}。` : '已重新打开，本区暂无主管账号，请管理员跟进。',
  ].join('\n')
  await enqueueNotice(tx, deps.config, now, {
    kind: 'low_rating',
    zoneId: row.zoneId,
    requestId: row.id,
    recipients: supervisor ? [supervisor.id] : [],
    markdown,
  })
}

/**
 * Many wrong passwords for one account within a quarter of an hour: its zone's supervisors hear of it.
 * The account is only slowed down, never locked (modules/auth/throttle.ts); an admin can lift the waits.
 */
export const notifyLoginBurst = async (
  tx: Db,
  deps: Pick<Deps, 'config'>,
  account: { id: string; username: string; displayName: string; zoneId: string | null },
  burst: { failures: number; addresses: number },
  now: Date,
) => {
  if (!account.zoneId) return
  const supervisors = await zoneStaff(tx, account.zoneId, ['supervisor'])
  const markdown = [
    '**登录异常提醒**',
    `> 账号：${markdownText(account.displayName)}（${markdownText(account.username)}）`,
    `> 15 分钟内密码错误 ${burst.failures} 次，来自 ${burst.addresses} 个网络地址`,
    `> 时间：${chinaDateTime(now)}`,
    `账号未被锁定，新的尝试需等待片刻。如非本人操作，请主管（${names(supervisors)}）提醒本人留意；管理员可在后台解除等待。`,
  ].join('\n')
  await enqueueNotice(tx, deps.config, now, {
    kind: 'login_burst',
    zoneId: account.zoneId,
    requestId: null,
    recipients: supervisors.map((person) => person.id),
    markdown,
  })
}

const investorKind = async (tx: Db, investorId: string) =>
  (await tx.select({ kind: investors.kind }).from(investors).where(eq(investors.id, investorId)))[0]?.kind ?? 'guest'

export const notifyInvestor = async (
  tx: Db,
  deps: Pick<Deps, 'config'>,
  row: RequestRow,
  kind: 'reply' | 'resolved',
  text: string,
  now: Date,
) => {
  await enqueueNotice(tx, deps.config, now, {
    kind,
    zoneId: row.zoneId,
    requestId: row.id,
    investorId: row.investorId,
    investorKind: await investorKind(tx, row.investorId),
    page: `pages/request/index?id=${row.id}`,
    ticketNo: row.ticketNo,
    text,
    time: chinaDateTime(now),
  })
}
