#!/usr/bin/env node
// npm run test:load — load and crash checks against the production API build (a script, not a jest test).
//   node test/load/run.mjs [--only=pglite|postgres] [--no-build]
// PGlite:     load (1000 submissions, 50 guest investors, 10% retried with the same Idempotency-Key),
//             then crash (kill -9 mid-load, restart on the same data folder, stale lock taken over).
// PostgreSQL: the same two, plus two API processes on one database: storage exactly once, and every
//             new-request notice, SLA reminder and escalation written and delivered exactly once; and a
//             frozen database (SIGSTOP): 503 + Retry-After within the timeouts, then served again, no duplicate.
//             Uses DATABASE_URL when set, otherwise re-runs itself under test/pg/with-postgres.sh.
// The default rate limits apply (per address 120 submissions/h, per investor 30/h): the API runs with
// TRUST_PROXY=127.0.0.1 (the proxy's address: this script) and each simulated client sends its own X-Forwarded-For,
// as 50 users behind a proxy would.
// Prints a markdown summary and exits 1 when any check fails. Every loop is bounded.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { NetworkError, createPgDatabase, pgQuery, repoRoot, request, run, sleep, startApi, startReceiver } from './api-process.mjs'

const SUBMISSIONS = 1000
const CLIENTS = 50
/** The crash comes after this many accepted submissions. */
const KILL_AFTER_ACCEPTED = 300
const ZONES = ['qingyun', 'pingyuan', 'zouping', 'gaoqing', 'yunhe']
const TYPES = ['agency', 'site', 'finance', 'talent', 'utilities', 'policy', 'other']
const WAIT_LIMIT_MS = 90_000

const args = process.argv.slice(2)
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const started = Date.now()
const failures = []
const sections = []
const check = (ok, message) => {
  if (!ok) failures.push(message)
  return ok
}
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`

// ---- clients and submissions ----------------------------------------------------------

const bodyFor = (runId, i) => ({
  type: TYPES[i % TYPES.length],
  zoneId: ZONES[i % ZONES.length],
  // The company carries the submission number, so stored requests can be matched to submissions.
  company: `负载测试企业 ${runId}#${i}`,
  contactName: '测试联系人',
  mobile: `139${String(i).padStart(8, '0')}`,
  description: `负载测试第 ${i} 号：计划租用标准厂房约 3000 平方米，想了解交付时间和租金。`,
})

/** Signs in CLIENTS guest investors, each with its own device id and client address; client c talks to apis[c % apis.length]. */
const signIn = async (apis, runId) =>
  Promise.all(
    Array.from({ length: CLIENTS }, async (_, index) => {
      const ip = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`
      const api = apis[index % apis.length]
      const response = await request(`${api.url}/api/auth/guest`, { method: 'POST', headers: { 'x-forwarded-for': ip }, body: { deviceId: `load-${runId}-${index}` } })
      if (response.status !== 200) throw new Error(`guest sign-in answered ${response.status}: ${response.body}`)
      return { index, ip, token: response.json.token, headers: { authorization: `Bearer ${response.json.token}`, 'x-forwarded-for': ip } }
    }),
  )

const send = async (api, outcome) => {
  try {
    const response = await request(`${api.url}/api/requests`, {
      method: 'POST',
      headers: { ...outcome.client.headers, 'idempotency-key': outcome.key },
      body: outcome.body,
    })
    const { status, json } = response
    return { status, id: json?.id, ticketNo: json?.ticketNo, replayed: response.headers.get('idempotent-replayed') === 'true', error: status >= 300 ? response.body.slice(0, 200) : undefined }
  } catch (error) {
    if (error instanceof NetworkError) return { status: 0, error: error.message }
    throw error
  }
}

const accepted = (attempt) => attempt.status === 200 || attempt.status === 201

/**
 * Retries, spread so every client makes two (20 submissions + 2 retries stays under the 30/h per-investor
 * limit): in round r = ⌊i / CLIENTS⌋, client c retries when r ≡ c (mod 10) — concurrently with the original
 * (to the other process when there are two) in the first ten rounds, right after it in the rest. 10% in all.
 */
const retryOf = (i) => {
  const round = Math.floor(i / CLIENTS)
  if (round % 10 !== (i % CLIENTS) % 10) return null
  return round < 10 ? 'concurrent' : 'after'
}

/** SUBMISSIONS submissions from CLIENTS concurrent clients, each client one after another; `shouldStop` ends them early (after a crash). */
const submitAll = async ({ apis, clients, runId, onAccepted = () => {}, shouldStop = () => false }) => {
  const outcomes = Array.from({ length: SUBMISSIONS }, (_, i) => ({
    i,
    client: clients[i % CLIENTS],
    key: `load-${runId}-${i}-${randomUUID()}`,
    body: bodyFor(runId, i),
    retry: retryOf(i),
    attempts: [],
  }))
  const first = (outcome) => apis[outcome.client.index % apis.length]
  const other = (outcome) => apis[(outcome.client.index + 1) % apis.length]
  await Promise.all(
    clients.map(async (client) => {
      for (const outcome of outcomes.filter((candidate) => candidate.client === client)) {
        if (shouldStop()) return
        if (outcome.retry === 'concurrent') outcome.attempts.push(...(await Promise.all([send(first(outcome), outcome), send(other(outcome), outcome)])))
        else {
          outcome.attempts.push(await send(first(outcome), outcome))
          if (outcome.retry === 'after') outcome.attempts.push(await send(other(outcome), outcome))
        }
        if (outcome.attempts.some(accepted)) onAccepted()
      }
    }),
  )
  return outcomes
}

/** What the API says each investor has stored, matched to submissions by the company marker. */
const storedByMarker = async (api, clients, runId) => {
  const stored = new Map()
  for (const client of clients) {
    const response = await request(`${api.url}/api/requests/mine`, { headers: client.headers })
    if (response.status !== 200) throw new Error(`/api/requests/mine answered ${response.status}: ${response.body}`)
    for (const item of response.json.items) {
      const match = new RegExp(`^负载测试企业 ${runId}#(\\d+)$`).exec(item.company)
      if (!match) continue
      const list = stored.get(Number(match[1])) ?? []
      list.push(item)
      stored.set(Number(match[1]), list)
    }
  }
  return stored
}

/** Counts and exactly-once checks over the outcomes and what is stored. */
const tally = (outcomes, stored) => {
  const attempts = outcomes.flatMap((outcome) => outcome.attempts)
  const statuses = {}
  for (const attempt of attempts) statuses[attempt.status] = (statuses[attempt.status] ?? 0) + 1
  const acceptedOutcomes = outcomes.filter((outcome) => outcome.attempts.some(accepted))
  const retried = outcomes.filter((outcome) => outcome.retry && outcome.attempts.length === 2)
  const idsOf = (outcome) => new Set(outcome.attempts.filter(accepted).map((attempt) => `${attempt.id} ${attempt.ticketNo}`))
  const rows = [...stored.values()]
  return {
    submitted: outcomes.filter((outcome) => outcome.attempts.length > 0).length,
    requests: attempts.length,
    statuses,
    created: statuses[201] ?? 0,
    replays: attempts.filter((attempt) => attempt.status === 200 && attempt.replayed).length,
    retried: retried.length,
    retriedSameTicket: retried.filter((outcome) => outcome.attempts.every(accepted) && idsOf(outcome).size === 1).length,
    networkErrors: statuses[0] ?? 0,
    accepted: acceptedOutcomes.length,
    stored: rows.reduce((sum, list) => sum + list.length, 0),
    duplicates: rows.reduce((sum, list) => sum + Math.max(0, list.length - 1), 0),
    lost: acceptedOutcomes.filter((outcome) => !stored.has(outcome.i)).length,
    // Two different tickets for one key, or a ticket that is not the stored one.
    mismatched: acceptedOutcomes.filter((outcome) => idsOf(outcome).size !== 1 || (stored.get(outcome.i)?.[0] && !idsOf(outcome).has(`${stored.get(outcome.i)[0].id} ${stored.get(outcome.i)[0].ticketNo}`))).length,
    storedWithout2xx: [...stored.keys()].filter((i) => !outcomes[i]?.attempts.some(accepted)).length,
  }
}

const statusText = (statuses) =>
  Object.entries(statuses)
    .map(([status, count]) => `${status === '0' ? 'no answer' : status}×${count}`)
    .join(' ')

/** Duplicates and dangling keys counted in the database itself (after the API has stopped). */
const DB_CHECKS = {
  duplicates: `select coalesce(sum(n - 1), 0)::int as n from (select count(*) as n from service_requests where company like '负载测试企业 %' group by investor_id, company having count(*) > 1) d`,
  requests: `select count(*)::int as n from service_requests where company like '负载测试企业 %'`,
  keysWithoutRequest: `select count(*)::int as n from idempotency_keys k left join service_requests r on r.id = k.request_id where r.id is null`,
  requestsWithoutKey: `select count(*)::int as n from service_requests r left join idempotency_keys k on k.request_id = r.id where k.request_id is null and r.company like '负载测试企业 %'`,
}

const dbCounts = async (query) => Object.fromEntries(await Promise.all(Object.entries(DB_CHECKS).map(async ([name, text]) => [name, (await query(text))[0].n])))

const pgliteQuery = async (dataDir, fn) => {
  const db = await PGlite.create(join(dataDir, 'pglite'))
  try {
    return await fn(async (text) => (await db.query(text)).rows)
  } finally {
    await db.close()
  }
}

const checkStorage = (label, counts, db) => {
  check(counts.duplicates === 0, `${label}: ${counts.duplicates} duplicate requests (via the API)`)
  check(counts.lost === 0, `${label}: ${counts.lost} accepted requests are missing`)
  check(counts.mismatched === 0, `${label}: ${counts.mismatched} submissions got different tickets for one Idempotency-Key`)
  if (db) {
    check(db.duplicates === 0, `${label}: ${db.duplicates} duplicate rows in service_requests`)
    check(db.requests === counts.stored, `${label}: the database holds ${db.requests} load requests, the API listed ${counts.stored}`)
    check(db.keysWithoutRequest === 0 && db.requestsWithoutKey === 0, `${label}: idempotency keys and requests do not pair up (${JSON.stringify(db)})`)
  }
}

// ---- scenarios ----------------------------------------------------------------------------

/** Storage for one scenario: a fresh PGlite folder, or a fresh database on the PostgreSQL server. */
const freshStorage = async (kind) => {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'parklink-load-'))
    return { env: { DATA_DIR: dir }, dir, query: (fn) => pgliteQuery(dir, fn), drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const database = await createPgDatabase(process.env.DATABASE_URL)
  return { env: { DATABASE_URL: database.url }, query: (fn) => fn((text) => pgQuery(database.url, text)), drop: database.drop }
}

const API_ENV = { TRUST_PROXY: '127.0.0.1', JOBS_INTERVAL_MS: '0' }

const loadScenario = async (kind) => {
  const since = Date.now()
  const storage = await freshStorage(kind)
  const runId = randomUUID().slice(0, 8)
  let api
  try {
    api = await startApi(`${kind} API`, { ...API_ENV, ...storage.env })
    const clients = await signIn([api], runId)
    const loadStart = Date.now()
    const outcomes = await submitAll({ apis: [api], clients, runId })
    const loadMs = Date.now() - loadStart
    const counts = tally(outcomes, await storedByMarker(api, clients, runId))
    await api.stop()
    const db = await storage.query(dbCounts)
    const label = `${kind} load`
    checkStorage(label, counts, db)
    check(counts.created === SUBMISSIONS, `${label}: ${counts.created} of ${SUBMISSIONS} submissions created (statuses ${statusText(counts.statuses)})`)
    check(counts.retriedSameTicket === counts.retried, `${label}: ${counts.retried - counts.retriedSameTicket} of ${counts.retried} retries did not get the same ticket`)
    check(counts.storedWithout2xx === 0, `${label}: ${counts.storedWithout2xx} stored requests whose submission never got a 2xx`)
    sections.push({
      title: `${kind}: load`,
      rows: [
        ['submitted', counts.submitted],
        ['requests sent (with retries)', `${counts.requests} in ${(loadMs / 1000).toFixed(1)} s (${Math.round((counts.requests / loadMs) * 1000)}/s)`],
        ['statuses', statusText(counts.statuses)],
        ['201 created', counts.created],
        ['replays (200, Idempotent-Replayed)', counts.replays],
        ['retried, same ticket', `${counts.retriedSameTicket} / ${counts.retried}`],
        ['stored (API / database)', `${counts.stored} / ${db.requests}`],
        ['duplicates (API / database)', `${counts.duplicates} / ${db.duplicates}`],
        ['lost', counts.lost],
        ['time', seconds(since)],
      ],
    })
  } finally {
    await api?.stop()
    await storage.drop()
  }
}

const crashScenario = async (kind) => {
  const since = Date.now()
  const storage = await freshStorage(kind)
  const runId = randomUUID().slice(0, 8)
  let first
  let second
  try {
    first = await startApi(`${kind} API (before the crash)`, { ...API_ENV, ...storage.env })
    const clients = await signIn([first], runId)
    let acceptedCount = 0
    let killed
    const outcomes = await submitAll({
      apis: [first],
      clients,
      runId,
      onAccepted: () => {
        if (++acceptedCount === KILL_AFTER_ACCEPTED) killed = first.kill9()
      },
      shouldStop: () => killed !== undefined,
    })
    await killed
    const before = tally(outcomes, new Map())
    const inDoubt = outcomes.filter((outcome) => outcome.attempts.length > 0 && !outcome.attempts.some(accepted))
    let staleLock = 'n/a'
    if (kind === 'pglite') {
      // The OS lock died with the process; the file still names it, and the restart below must not mind.
      const lockPath = join(storage.dir, 'pglite.lock')
      const holder = existsSync(lockPath) ? Number.parseInt(readFileSync(lockPath, 'utf8'), 10) : null
      staleLock = holder === first.pid ? `file names the killed pid ${holder}; its OS lock went with it, restart takes the folder` : `file names ${holder}`
      check(holder === first.pid, `${kind} crash: expected the lock file to name the killed process, found ${holder}`)
    }

    second = await startApi(`${kind} API (after the crash)`, { ...API_ENV, ...storage.env })
    const afterRestart = tally(outcomes, await storedByMarker(second, clients, runId))
    check(afterRestart.lost === 0, `${kind} crash: ${afterRestart.lost} requests that got a 2xx before kill -9 are gone after the restart`)
    check(afterRestart.duplicates === 0 && afterRestart.mismatched === 0, `${kind} crash: duplicates ${afterRestart.duplicates}, mismatched ${afterRestart.mismatched} after the restart`)

    // Clients retry what they never heard back about, with the same key: created now, or replayed if it had committed.
    const resolved = { created: 0, replayed: 0, other: 0 }
    for (const outcome of inDoubt) {
      const attempt = await send(second, outcome)
      outcome.attempts.push(attempt)
      resolved[attempt.status === 201 ? 'created' : attempt.status === 200 ? 'replayed' : 'other']++
    }
    check(resolved.other === 0, `${kind} crash: ${resolved.other} in-doubt retries after the restart did not answer 200/201`)
    const final = tally(outcomes, await storedByMarker(second, clients, runId))
    await second.stop()
    const db = await storage.query(dbCounts)
    checkStorage(`${kind} crash (after retries)`, final, db)
    check(final.storedWithout2xx === 0, `${kind} crash: ${final.storedWithout2xx} stored requests no client ever got a 2xx for`)
    sections.push({
      title: `${kind}: crash (kill -9 after ${KILL_AFTER_ACCEPTED} accepted)`,
      rows: [
        ['submitted before the kill', before.submitted],
        ['2xx before the kill (201 / replays)', `${before.accepted} (${before.created} / ${before.replays})`],
        ['no answer (in doubt)', inDoubt.length],
        ['data-folder lock after kill -9', staleLock],
        ['2xx before the kill still stored after restart', `${before.accepted - afterRestart.lost} / ${before.accepted}`],
        ['in-doubt retried with the same key', `${resolved.created} created, ${resolved.replayed} replayed (had committed), ${resolved.other} other`],
        ['stored (API / database)', `${final.stored} / ${db.requests}`],
        ['duplicates (API / database)', `${final.duplicates} / ${db.duplicates}`],
        ['lost', final.lost],
        ['time', seconds(since)],
      ],
    })
  } finally {
    await first?.stop()
    await second?.stop()
    await storage.drop()
  }
}

/** Polls until `done()` is true (bounded); returns whether it got there. */
const waitFor = async (done, limitMs = WAIT_LIMIT_MS) => {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    if (await done()) return true
    await sleep(250)
  }
  return false
}

/** WeCom messages received per "title ticket", e.g. "超时升级 PY-20261121-0001". */
const receivedCounts = (receiver) => {
  const counts = new Map()
  for (const { body } of receiver.received) {
    const match = /^\*\*(.+?)\*\* (\S+)/.exec(JSON.parse(body).markdown?.content ?? '')
    if (match) counts.set(`${match[1]} ${match[2]}`, (counts.get(`${match[1]} ${match[2]}`) ?? 0) + 1)
  }
  return counts
}

const jobTicks = (api) =>
  api
    .log()
    .split('\n')
    .filter((line) => line.includes('"jobs tick"'))
    .map((line) => JSON.parse(line))
    .reduce(
      (sum, entry) => ({ reminded: sum.reminded + entry.sla.reminded, escalated: sum.escalated + entry.sla.escalated, delivered: sum.delivered + entry.outbox.delivered }),
      { reminded: 0, escalated: 0, delivered: 0 },
    )

const twoProcessScenario = async () => {
  const since = Date.now()
  const storage = await freshStorage('postgres')
  const receiver = await startReceiver()
  const runId = randomUUID().slice(0, 8)
  const apis = []
  try {
    const env = {
      ...API_ENV,
      ...storage.env,
      // Both processes run the job loop (new-request notices, SLA, dispatcher) every 300 ms; info logs report each tick's work.
      JOBS_INTERVAL_MS: '300',
      LOG_LEVEL: 'info',
      // Every zone's notices go to the one development robot (zones keep their own in zone_settings).
      WECOM_WEBHOOK_DEFAULT: receiver.url('/wecom'),
    }
    // Started together on an empty database: migrations and the first content import race too.
    const keep = { keepLogBytes: 50_000_000 }
    apis.push(...(await Promise.all([startApi('API A', env, keep), startApi('API B', env, keep)])))
    const clients = await signIn(apis, runId)
    const outcomes = await submitAll({ apis, clients, runId })
    const counts = tally(outcomes, await storedByMarker(apis[0], clients, runId))
    const label = 'postgres two processes'
    check(counts.created === SUBMISSIONS, `${label}: ${counts.created} of ${SUBMISSIONS} submissions created (statuses ${statusText(counts.statuses)})`)
    check(counts.retriedSameTicket === counts.retried, `${label}: ${counts.retried - counts.retriedSameTicket} of ${counts.retried} cross-process retries did not get the same ticket`)

    const sql = (text) => pgQuery(new URL(storage.env.DATABASE_URL).toString(), text)
    const pendingOutbox = async () => (await sql(`select count(*)::int as n from outbox where status = 'pending'`))[0].n
    // The job loop announces each new request (announced_at) and delivers the notice.
    const unannounced = async () => (await sql(`select count(*)::int as n from service_requests where announced_at is null`))[0].n
    check(
      await waitFor(async () => (await unannounced()) === 0 && (await pendingOutbox()) === 0),
      `${label}: new-request notices still unwritten or pending after ${WAIT_LIMIT_MS / 1000} s`,
    )

    // Fast-forward the 24-hour SLA in the data (SLA_FIRST_RESPONSE_MINUTES would move every request; this picks
    // exact sets): 100 requests due within 2 h → one reminder each; 100 overdue → one escalation each. Both
    // processes' jobs race for them.
    const ids = (await sql(`select id from service_requests where company like '负载测试企业 ${runId}#%' order by ticket_no`)).map((row) => row.id)
    const remind = ids.slice(0, 100)
    const escalate = ids.slice(100, 200)
    const list = (values) => values.map((id) => `'${id}'`).join(',')
    await sql(`update service_requests set first_response_due_at = now() + interval '1 hour' where id in (${list(remind)})`)
    await sql(`update service_requests set first_response_due_at = now() - interval '1 minute' where id in (${list(escalate)})`)
    const slaDone = async () => {
      const [row] = await sql(
        `select count(*) filter (where action = 'sla_reminder')::int as reminded, count(*) filter (where action = 'escalated')::int as escalated from request_audit`,
      )
      return row.reminded >= remind.length && row.escalated >= escalate.length && (await pendingOutbox()) === 0
    }
    check(await waitFor(slaDone), `${label}: SLA reminders/escalations not all done and delivered after ${WAIT_LIMIT_MS / 1000} s`)
    await sleep(2000) // a few more ticks of both processes: nothing may be sent twice later

    const perRequest = await sql(
      `select action, request_id, count(*)::int as n from request_audit where action in ('sla_reminder', 'escalated') group by 1, 2`,
    )
    const outboxRows = await sql(`select kind, request_id, status, count(*)::int as n from outbox group by 1, 2, 3`)
    const received = receivedCounts(receiver)
    const tickets = new Map((await sql(`select id, ticket_no from service_requests`)).map((row) => [row.id, row.ticket_no]))
    const exactlyOnce = (title, kind, action, requestIds) => {
      const audit = perRequest.filter((row) => row.action === action)
      const rows = outboxRows.filter((row) => row.kind === kind)
      const result = {
        requests: requestIds.length,
        audit: action ? audit.length : null,
        auditTwice: action ? audit.filter((row) => row.n > 1).length : 0,
        outbox: rows.reduce((sum, row) => sum + row.n, 0),
        outboxTwice: rows.filter((row) => row.n > 1).length,
        delivered: rows.filter((row) => row.status === 'delivered').reduce((sum, row) => sum + row.n, 0),
        received: requestIds.filter((id) => received.get(`${title} ${tickets.get(id)}`) === 1).length,
        receivedTwice: requestIds.filter((id) => (received.get(`${title} ${tickets.get(id)}`) ?? 0) > 1).length,
      }
      check(
        (action === null || (result.audit === result.requests && result.auditTwice === 0)) &&
          result.outbox === result.requests &&
          result.outboxTwice === 0 &&
          result.delivered === result.requests &&
          result.received === result.requests &&
          result.receivedTwice === 0,
        `${label}: ${kind} not exactly once: ${JSON.stringify(result)}`,
      )
      return `${result.requests} requests: ${action ? `audit ${result.audit} (twice ${result.auditTwice}), ` : ''}outbox ${result.outbox} (twice ${result.outboxTwice}), delivered ${result.delivered}, received once ${result.received} (twice ${result.receivedTwice})`
    }
    const allIds = [...tickets.keys()]
    const rows = [
      ['submitted (alternating A / B; retries to the other process)', counts.submitted],
      ['statuses', statusText(counts.statuses)],
      ['201 created / replays', `${counts.created} / ${counts.replays}`],
      ['retried on the other process, same ticket', `${counts.retriedSameTicket} / ${counts.retried}`],
      ['new-request notices', exactlyOnce('新的服务请求', 'new_request', null, allIds)],
      ['SLA reminders (T-2 h)', exactlyOnce('即将超时提醒', 'near_breach', 'sla_reminder', remind)],
      ['SLA escalations (breach)', exactlyOnce('超时升级', 'breach', 'escalated', escalate)],
    ]
    const ticks = apis.map(jobTicks)
    rows.push(['job work per process (reminded / escalated / delivered)', apis.map((api, n) => `${api.name}: ${ticks[n].reminded} / ${ticks[n].escalated} / ${ticks[n].delivered}`).join('; ')])
    check(ticks.every((tick) => tick.delivered > 0), `${label}: one process did no delivery work, so the race was not exercised (${JSON.stringify(ticks)})`)

    await Promise.all(apis.map((api) => api.stop()))
    const db = await storage.query(dbCounts)
    checkStorage(label, counts, db)
    rows.push(['stored (API / database)', `${counts.stored} / ${db.requests}`], ['duplicates (API / database)', `${counts.duplicates} / ${db.duplicates}`], ['lost', counts.lost], ['time', seconds(since)])
    sections.push({ title: 'postgres: two API processes on one database', rows })
  } finally {
    await Promise.all(apis.map((api) => api.stop()))
    await receiver.stop()
    await storage.drop()
  }
}

/** The PostgreSQL server's processes: the postmaster (from its data directory's postmaster.pid) and its children. */
const serverPids = async (url) => {
  const [{ setting: dataDirectory }] = await pgQuery(url, `select setting from pg_settings where name = 'data_directory'`)
  const postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0])
  const parentOf = (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    } catch {
      return undefined // gone meanwhile
    }
  }
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && parentOf(name) === postmaster)
    .map(Number)
  return [postmaster, ...children]
}

const FROZEN_TIMEOUTS = { PG_CONNECT_TIMEOUT_MS: '2000', PG_QUERY_TIMEOUT_MS: '3000', HEALTH_TIMEOUT_MS: '1000' }

/**
 * A frozen database (every PostgreSQL process stopped with SIGSTOP, as a hung server or a network
 * partition looks): health and a submission answer 503 with Retry-After within their timeouts
 * instead of hanging; thawed, the API serves again, and the investor's retry with the same
 * Idempotency-Key leaves exactly one request, whether or not the frozen attempt reached the database.
 */
const frozenScenario = async () => {
  const since = Date.now()
  const storage = await freshStorage('postgres')
  const runId = randomUUID().slice(0, 8)
  let api
  let pids = []
  const signal = (name) =>
    pids.forEach((pid) => {
      try {
        process.kill(pid, name)
      } catch (error) {
        if (error.code !== 'ESRCH') throw error // a backend that ended meanwhile
      }
    })
  const thaw = () => signal('SIGCONT')
  try {
    api = await startApi('postgres API (frozen database)', { ...API_ENV, ...storage.env, ...FROZEN_TIMEOUTS })
    const [client] = await signIn([api], runId)
    const before = await send(api, { client, key: `frozen-${runId}-0`, body: bodyFor(runId, 0) })
    check(before.status === 201, `frozen: a submission before the freeze answered ${before.status}`)

    pids = await serverPids(process.env.DATABASE_URL)
    signal('SIGSTOP')
    let health
    let submission
    let healthMs
    let submissionMs
    try {
      const healthStart = Date.now()
      health = await request(`${api.url}/api/health`, { timeoutMs: 30_000 }).catch((error) => ({ status: 0, headers: new Headers(), body: error.message }))
      healthMs = Date.now() - healthStart
      const submissionStart = Date.now()
      const frozenAttempt = { client, key: `frozen-${runId}-1`, body: bodyFor(runId, 1) }
      submission = await request(`${api.url}/api/requests`, {
        method: 'POST',
        headers: { ...client.headers, 'idempotency-key': frozenAttempt.key },
        body: frozenAttempt.body,
        timeoutMs: 30_000,
      }).catch((error) => ({ status: 0, headers: new Headers(), body: error.message }))
      submissionMs = Date.now() - submissionStart
    } finally {
      thaw()
    }
    check(health.status === 503 && health.headers.get('retry-after'), `frozen: health answered ${health.status} (Retry-After ${health.headers.get('retry-after')}): ${health.body.slice(0, 200)}`)
    check(healthMs < 5_000, `frozen: health took ${healthMs} ms (HEALTH_TIMEOUT_MS ${FROZEN_TIMEOUTS.HEALTH_TIMEOUT_MS})`)
    check(submission.status === 503 && submission.headers.get('retry-after'), `frozen: a submission answered ${submission.status}: ${submission.body.slice(0, 200)}`)
    check(submissionMs < 10_000, `frozen: a submission took ${submissionMs} ms (PG_QUERY_TIMEOUT_MS ${FROZEN_TIMEOUTS.PG_QUERY_TIMEOUT_MS})`)

    const thawed = Date.now()
    const healthy = await waitFor(async () => (await request(`${api.url}/api/health`).catch(() => ({ status: 0 }))).status === 200, 30_000)
    const recoveredMs = Date.now() - thawed
    check(healthy, 'frozen: health did not answer 200 within 30 s of the thaw')
    const retry = await send(api, { client, key: `frozen-${runId}-1`, body: bodyFor(runId, 1) })
    check(accepted(retry), `frozen: the retry after the thaw answered ${retry.status}: ${retry.error}`)
    const [{ n: stored }] = await pgQuery(storage.env.DATABASE_URL, `select count(*)::int as n from service_requests where company = $1`, [bodyFor(runId, 1).company])
    check(stored === 1, `frozen: the frozen submission and its retry left ${stored} requests`)
    sections.push({
      title: 'postgres: frozen database (SIGSTOP)',
      rows: [
        ['health while frozen', `${health.status} in ${healthMs} ms`],
        ['submission while frozen', `${submission.status} in ${submissionMs} ms`],
        ['healthy again after the thaw', `${recoveredMs} ms`],
        ['retry with the same Idempotency-Key', `${retry.status}${retry.replayed ? ' (replayed)' : ''}, ${stored} stored`],
        ['time', seconds(since)],
      ],
    })
  } finally {
    thaw()
    await api?.stop()
    await storage.drop()
  }
}

// ---- main -----------------------------------------------------------------------------------

const printSummary = () => {
  const lines = ['', `## Load and crash (${only ?? 'pglite + postgres'}), ${seconds(started)}`, '']
  for (const section of sections) {
    lines.push(`### ${section.title}`, '', '| | |', '|---|---|', ...section.rows.map(([name, value]) => `| ${name} | ${value} |`), '')
  }
  lines.push(failures.length ? `**FAILED** (${failures.length}):\n${failures.map((failure) => `- ${failure}`).join('\n')}` : '**All checks passed.**')
  console.log(lines.join('\n'))
}

const scenario = async (name, body) => {
  try {
    await body()
  } catch (error) {
    failures.push(`${name}: ${error.stack ?? error}`)
  }
}

const main = async () => {
  if (!args.includes('--no-build')) {
    console.log('npm run build:api …')
    const build = await run('npm', ['run', 'build:api'], { quiet: true })
    if (build.code !== 0) {
      console.error(build.output)
      throw new Error('npm run build:api failed')
    }
  }
  if (!only || only === 'pglite') {
    await scenario('pglite load', () => loadScenario('pglite'))
    await scenario('pglite crash', () => crashScenario('pglite'))
  }
  if (!only || only === 'postgres') {
    if (process.env.DATABASE_URL) {
      await scenario('postgres load', () => loadScenario('postgres'))
      await scenario('postgres crash', () => crashScenario('postgres'))
      await scenario('postgres two processes', twoProcessScenario)
      await scenario('postgres frozen', frozenScenario)
    } else {
      // A throwaway PostgreSQL 15 for the rest, in a child run that prints its own summary.
      const child = await run('bash', [join(repoRoot, 'test/pg/with-postgres.sh'), process.execPath, join(repoRoot, 'test/load/run.mjs'), '--only=postgres', '--no-build'])
      sections.push({ title: 'postgres', rows: [['throwaway PostgreSQL 15 (test/pg/with-postgres.sh)', child.code === 0 ? 'passed — tables above' : `failed (exit ${child.code}) — see above`]] })
      check(child.code === 0, `postgres scenarios failed (exit ${child.code}, summary above)`)
    }
  }
}

main()
  .catch((error) => failures.push(error.stack ?? String(error)))
  .finally(() => {
    printSummary()
    process.exit(failures.length ? 1 : 0)
  })
