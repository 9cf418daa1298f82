// Service requests at province scale, generated in the database with generate_series: investors,
// zone staff (agents and a supervisor per zone), requests spread over a period with the statuses,
// answers, breaches, ratings and assignees a year of real work leaves behind, their audit events
// (what the investor's timeline and the staff audit trail read) and the ticket counters that match.
// Used by the staff-query plan test (cloud/src/modules/staff-requests/plans.test.ts) and meant for
// the scale benchmark (`execForPg` / `execForPglite` below adapt either client). Runs on PostgreSQL and on PGlite; deterministic for a given seed.

export type ScaleZone = {
  id: string
  /** 2–4 capital letters (zones.json ticketPrefix). */
  ticketPrefix: string
  /** Parks of the zone; about 85% of requests name one. */
  parkIds: string[]
}

export type ScaleOptions = {
  requests: number
  zones: ScaleZone[]
  /** Requests are created over the `days` days before `now`, evenly, newest at `now`. */
  now: Date
  days: number
  /** Agents per zone (plus one supervisor), created unless the username exists. */
  agentsPerZone?: number
  /** The password hash of the generated staff; by default one that never verifies. */
  passwordHash?: string
  /** Audit events per request (created, accepted, replied, resolved, rated); off for plan checks. */
  events?: boolean
  /** Requests per generated investor. */
  requestsPerInvestor?: number
  seed?: number
}

export type ScaleResult = { requests: number; investors: number; staff: number; auditEvents: number }

/** Runs one SQL text (several statements) and returns the rows of the last one. */
export type ExecSql = (text: string) => Promise<Record<string, unknown>[]>

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`
const OPEN = `('new','accepted','in_progress','waiting_investor')`

/** The SQL that generates everything (one transaction's worth of statements). */
export const scaleSql = (options: ScaleOptions): string => {
  const agents = options.agentsPerZone ?? 3
  const perInvestor = options.requestsPerInvestor ?? 4
  const investors = Math.max(1, Math.ceil(options.requests / perInvestor))
  const passwordHash = options.passwordHash ?? 'disabled$scale-generated-account'
  const zones = options.zones
    .map((zone, index) => `(${index}, ${quote(zone.id)}, ${quote(zone.ticketPrefix)}, array[${zone.parkIds.map(quote).join(',')}]::text[])`)
    .join(',\n    ')
  const seed = ((options.seed ?? 20261121) % 1_000_000) / 1_000_000
  const periodSeconds = options.days * 86_400
  const nowIso = quote(options.now.toISOString())
  return `
select setseed(${seed});

-- Stable ids that are valid version-4 uuids (the API checks ids as uuids).
create or replace function pg_temp.uuid_v4(hex text) returns uuid language sql immutable
  as $$ select overlay(overlay(hex placing '4' from 13) placing '8' from 17)::uuid $$;

create temporary table scale_zones (zi int primary key, zone_id text not null, prefix text not null, park_ids text[] not null) on commit drop;
insert into scale_zones values
    ${zones};

-- Staff: agents a1..aN and one supervisor per zone.
create temporary table scale_staff on commit drop as
  select z.zi, z.zone_id, k as slot, (k > ${agents}) as supervisor,
         pg_temp.uuid_v4(md5('scale-staff/' || z.zone_id || '/' || k)) as id,
         'scale-' || z.zone_id || (case when k > ${agents} then '-s' else '-a' || k end) as username
  from scale_zones z cross join generate_series(1, ${agents + 1}) k;
insert into staff (id, username, display_name, role, zone_id, password_hash, share_code, created_at)
  select id, username, (case when supervisor then '主管' else '店小二' end) || slot, (case when supervisor then 'supervisor' else 'agent' end),
         zone_id, ${quote(passwordHash)}, 'sc' || left(md5(username), 10), ${nowIso}::timestamptz - interval '${options.days + 1} days'
  from scale_staff
  on conflict (username) do nothing;

insert into investors (id, kind, device_id, created_at, last_seen_at)
  select pg_temp.uuid_v4(md5('scale-investor/' || i)), 'guest', 'scale-device-' || i,
         ${nowIso}::timestamptz - interval '${options.days + 1} days', ${nowIso}::timestamptz
  from generate_series(1, ${investors}) i
  on conflict do nothing;

-- One row per request with its random draws; the outcome follows from its age.
create temporary table scale_rows on commit drop as
  select n,
         (n % ${options.zones.length}) as zi,
         ${nowIso}::timestamptz - ((${options.requests} - n)::double precision / ${options.requests} * ${periodSeconds}) * interval '1 second' as created_at,
         random() as r_status, random() as r_answer, random() as r_park, random() as r_type, random() as r_rating,
         random() as r_assignee, random() as r_resolve
  from generate_series(1, ${options.requests}) n;
alter table scale_rows add column age_days double precision;
update scale_rows set age_days = extract(epoch from (${nowIso}::timestamptz - created_at)) / 86400;

create temporary table scale_requests on commit drop as
  select s.n, s.zi, z.zone_id, z.prefix, s.created_at,
         pg_temp.uuid_v4(md5('scale-request/' || s.n)) as id,
         pg_temp.uuid_v4(md5('scale-investor/' || (1 + s.n % ${investors}))) as investor_id,
         case when s.r_park < 0.85 and cardinality(z.park_ids) > 0 then z.park_ids[1 + floor(s.r_park / 0.85 * cardinality(z.park_ids))::int] end as park_id,
         (array['agency','site','finance','talent','utilities','policy','other'])[1 + floor(s.r_type * 7)::int] as type,
         -- Young requests are still being worked on; a year's worth of old ones are done.
         case
           when s.r_status < 0.03 then 'withdrawn'
           when s.age_days < 1 then (case when s.r_status < 0.55 then 'new' when s.r_status < 0.8 then 'accepted' else 'in_progress' end)
           when s.age_days < 10 then (case when s.r_status < 0.04 then 'new' when s.r_status < 0.2 then 'accepted' when s.r_status < 0.5 then 'in_progress'
                                          when s.r_status < 0.6 then 'waiting_investor' when s.r_status < 0.85 then 'resolved' else 'closed' end)
           else (case when s.r_status < 0.035 then 'new' when s.r_status < 0.05 then 'in_progress' when s.r_status < 0.06 then 'waiting_investor'
                      when s.r_status < 0.35 then 'resolved' else 'closed' end)
         end as status,
         s.r_answer, s.r_assignee, s.r_rating, s.r_resolve
  from scale_rows s join scale_zones z on z.zi = s.zi;

create temporary table scale_final on commit drop as
  select q.*,
         q.created_at + interval '24 hours' as first_response_due_at,
         -- Most answers come within hours, some late; new and withdrawn ones are unanswered.
         case when q.status in ('new','withdrawn') then null
              else least(q.created_at + (case when q.r_answer < 0.9 then q.r_answer / 0.9 * 20 else 20 + (q.r_answer - 0.9) * 400 end) * interval '1 hour',
                         ${nowIso}::timestamptz) end as first_responded_at,
         q.created_at + interval '7 days' as resolution_due_at,
         case when q.status = 'new' then null
              else (select st.id from scale_staff st where st.zi = q.zi and not st.supervisor and st.slot = 1 + floor(q.r_assignee * ${agents})::int) end as assignee_id,
         case when q.status = 'waiting_investor' then q.created_at + interval '2 days' end as resolution_paused_since
  from scale_requests q;
alter table scale_final add column resolved_at timestamptz;
update scale_final set resolved_at = least(coalesce(first_responded_at, created_at) + (0.5 + r_resolve * 8) * interval '1 day', ${nowIso}::timestamptz)
  where status in ('resolved','closed');

insert into service_requests (id, ticket_no, investor_id, zone_id, park_id, type, company, contact_name, mobile, description,
                              preferred_contact_time, status, escalated, assignee_id, created_at, first_response_due_at,
                              first_responded_at, announced_at, reminder_sent_at, breached_at, resolution_due_at,
                              resolution_paused_since, resolved_at, closed_at, rating_score, rating_comment, rated_at, updated_at)
  select f.id,
         f.prefix || '-' || to_char((f.created_at at time zone 'UTC') + interval '8 hours', 'YYYYMMDD') || '-' ||
           lpad((row_number() over (partition by f.zone_id, to_char((f.created_at at time zone 'UTC') + interval '8 hours', 'YYYYMMDD') order by f.n))::text, 4, '0'),
         f.investor_id, f.zone_id, f.park_id, f.type,
         '规模测试企业' || f.n || '有限公司', '联系人' || (f.n % 97), '139' || lpad((f.n % 100000000)::text, 8, '0'),
         '规模测试第 ' || f.n || ' 号请求：计划租用标准厂房，想了解交付时间和租金。',
         null, f.status,
         coalesce((f.first_responded_at is null and f.first_response_due_at <= ${nowIso}::timestamptz and f.status in ${OPEN})
           or f.first_responded_at > f.first_response_due_at, false),
         f.assignee_id, f.created_at, f.first_response_due_at, f.first_responded_at, f.created_at,
         case when coalesce(f.first_responded_at, ${nowIso}::timestamptz) > f.first_response_due_at - interval '2 hours'
                   and f.first_response_due_at - interval '2 hours' <= ${nowIso}::timestamptz
              then f.first_response_due_at - interval '2 hours' end,
         case when (f.first_responded_at is null and f.status in ${OPEN} and f.first_response_due_at <= ${nowIso}::timestamptz)
                   or f.first_responded_at > f.first_response_due_at
              then f.first_response_due_at end,
         f.resolution_due_at, f.resolution_paused_since, f.resolved_at,
         case when f.status = 'closed' then f.resolved_at + interval '1 day'
              when f.status = 'withdrawn' then f.created_at + interval '3 hours' end,
         case when f.status = 'closed' then (case when f.r_rating < 0.6 then 5 when f.r_rating < 0.85 then 4 when f.r_rating < 0.95 then 3
                                                  when f.r_rating < 0.98 then 2 else 1 end) end,
         null,
         case when f.status = 'closed' then f.resolved_at + interval '1 day' end,
         greatest(f.created_at, coalesce(f.resolved_at, f.first_responded_at, f.created_at))
  from scale_final f;

${
  options.events === false
    ? ''
    : `insert into request_audit (request_id, at, actor_kind, staff_id, action, detail, timeline_step)
  select f.id, e.at, e.actor_kind, e.staff_id, e.action, e.detail, e.step
  from scale_final f
  cross join lateral (values
    (f.created_at, 'investor', null::uuid, 'created', jsonb_build_object('ticketNo', 'generated'), 'submitted', true),
    (f.first_responded_at, 'staff', f.assignee_id, 'status_changed', jsonb_build_object('from', 'new', 'to', 'accepted'), 'accepted',
       f.first_responded_at is not null),
    (f.first_responded_at, 'staff', f.assignee_id, 'replied', jsonb_build_object('first', true), 'replied', f.first_responded_at is not null),
    (f.resolved_at, 'staff', f.assignee_id, 'status_changed', jsonb_build_object('from', 'in_progress', 'to', 'resolved'), 'resolved',
       f.resolved_at is not null),
    (f.resolved_at + interval '1 day', 'investor', null::uuid, 'rated', jsonb_build_object('generated', true), 'rated', f.status = 'closed')
  ) as e(at, actor_kind, staff_id, action, detail, step, present)
  where e.present;`
}

insert into ticket_counters (zone_id, day, last_seq)
  select zone_id, to_char((created_at at time zone 'UTC') + interval '8 hours', 'YYYYMMDD'), count(*)
  from scale_final group by 1, 2
  on conflict (zone_id, day) do update set last_seq = greatest(ticket_counters.last_seq, excluded.last_seq);

select (select count(*) from scale_final)::int as requests,
       ${investors}::int as investors,
       (select count(*) from scale_staff)::int as staff,
       ${options.events === false ? '0' : `(select count(*) from request_audit a join scale_final f on f.id = a.request_id)`}::int as audit_events;
`
}

/**
 * Generates the requests and analyzes the tables, so the planner sees the new sizes. `exec` runs SQL
 * text with several statements as one simple query (one implicit transaction: node-postgres
 * `client.query(text)`, PGlite's `exec`) and returns the last statement's rows.
 */
export const generateRequests = async (exec: ExecSql, options: ScaleOptions): Promise<ScaleResult> => {
  const rows = await exec(scaleSql(options))
  await exec('analyze service_requests; analyze request_audit; analyze investors; analyze staff;')
  const [row] = rows
  return {
    requests: Number(row.requests),
    investors: Number(row.investors),
    staff: Number(row.staff),
    auditEvents: Number(row.audit_events),
  }
}

/** ExecSql over a node-postgres client or pool. */
export const execForPg =
  (client: { query(text: string): Promise<unknown> }): ExecSql =>
  async (text) => {
    const result = (await client.query(text)) as { rows: Record<string, unknown>[] } | { rows: Record<string, unknown>[] }[]
    return (Array.isArray(result) ? result.at(-1)! : result).rows
  }

/** ExecSql over a PGlite instance. */
export const execForPglite =
  (client: { exec(text: string): Promise<{ rows: Record<string, unknown>[] }[]> }): ExecSql =>
  async (text) =>
    (await client.exec(text)).at(-1)?.rows ?? []
