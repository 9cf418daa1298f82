-- The resolution deadline: addWorkingDays in cloud/src/service/time.ts, in closed form. The same
-- China time of day (UTC+8 all year), p_days working days (Monday–Friday in China) after p_start.
-- From a weekday w (isodow 1–5) that is p_days calendar days plus two per weekend crossed; from
-- Saturday or Sunday it is as from the Friday before, less the one or two days already past it.
-- A test checks it against addWorkingDays for every hour of two weeks and every target of 1–60 days.
CREATE FUNCTION china_working_days_after(p_start timestamptz, p_days integer) RETURNS timestamptz
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT p_start + make_interval(hours => 24 * (
    p_days + 2 * ((least(w, 5) - 1 + p_days) / 5) - (w - least(w, 5))
  ))
  FROM (SELECT extract(isodow FROM (p_start AT TIME ZONE 'UTC') + interval '8 hours')::integer AS w) AS start_day
$$;
--> statement-breakpoint
-- POST /api/requests in one database round trip (one statement, so one transaction): everything a
-- submission writes, checked and numbered inside the database. Called by createRequest in
-- cloud/src/service/requests.ts, which passes what needs the app: the investor's view of the new
-- request (completed here with the ticket number, resolution deadline and photos), the notice text
-- around the ticket number, and signed photo URLs.
--
-- Outcomes (nothing is written unless 'created'):
--   unknown_investor  the token's investor no longer exists (deleted, database reset) → 401
--   replayed          same investor, key and body hash as an earlier submission: its stored response
--   mismatch          same investor and key, different body → 422
--   bad_photo         photo number `bad_photo` (0-based) is not an upload of this investor → 400
--   created           the request, its photos, the audit entry, the new-request notice, the ticket
--                     number and the idempotency key with the response, all committed together
--
-- Several API processes on one PostgreSQL: submissions with the same investor and key are serialized
-- by a transaction-level advisory lock taken before the key is looked up, so the second one waits for
-- the first to commit and then sees its key (each statement of a PL/pgSQL function in READ COMMITTED
-- sees what was committed before it started) and replays it; the primary key of idempotency_keys backs
-- this up. Ticket numbers come from an atomic upsert of the zone's counter for the day.
CREATE FUNCTION submit_service_request(
  p_id uuid,
  p_investor_id uuid,
  p_idempotency_key text,
  p_body_hash text,
  p_now timestamptz,
  p_zone_id text,
  p_park_id text,
  p_type text,
  p_company text,
  p_contact_name text,
  p_mobile text,
  p_description text,
  p_preferred_contact_time text,
  p_first_response_due_at timestamptz,
  -- [{ "id": upload id, "url": signed URL }] in the order the investor gave them.
  p_photos jsonb,
  -- China day of p_now (YYYYMMDD) and the ticket number before its sequence, e.g. 'PY-20261120-'.
  p_day text,
  p_ticket_prefix text,
  -- Working days to resolve when sla_targets has no row for the zone and type.
  p_default_working_days integer,
  -- The investor's view of the new request without ticketNo, resolutionDueAt and photos.
  p_response jsonb,
  -- The WeCom new-request notice: its id, status and reason, and its text around the ticket number.
  p_notice_id uuid,
  p_notice_status text,
  p_notice_error text,
  p_notice_before_ticket text,
  p_notice_after_ticket text
) RETURNS TABLE (outcome text, body jsonb, bad_photo integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_hash text;
  v_stored jsonb;
  v_bad integer;
  v_seq integer;
  v_ticket text;
  v_days integer;
  v_due timestamptz;
  v_photos jsonb := '[]'::jsonb;
  v_response jsonb;
BEGIN
  PERFORM 1 FROM investors i WHERE i.id = p_investor_id;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'unknown_investor'::text, NULL::jsonb, NULL::integer;
    RETURN;
  END IF;

  PERFORM pg_advisory_xact_lock(hashtextextended(p_investor_id::text || '/' || p_idempotency_key, 0));
  SELECT k.body_hash, k.response INTO v_hash, v_stored
    FROM idempotency_keys k WHERE k.investor_id = p_investor_id AND k.key = p_idempotency_key;
  IF FOUND THEN
    IF v_hash = p_body_hash THEN
      RETURN QUERY SELECT 'replayed'::text, v_stored, NULL::integer;
    ELSE
      RETURN QUERY SELECT 'mismatch'::text, NULL::jsonb, NULL::integer;
    END IF;
    RETURN;
  END IF;

  IF jsonb_array_length(p_photos) > 0 THEN
    SELECT min(p.ord)::integer - 1 INTO v_bad
      FROM jsonb_array_elements(p_photos) WITH ORDINALITY AS p(photo, ord)
      WHERE NOT EXISTS (SELECT 1 FROM uploads u WHERE u.id = (p.photo->>'id')::uuid AND u.owner_id = p_investor_id);
    IF v_bad IS NOT NULL THEN
      RETURN QUERY SELECT 'bad_photo'::text, NULL::jsonb, v_bad;
      RETURN;
    END IF;
    SELECT jsonb_agg(jsonb_build_object('id', u.id, 'url', p.photo->>'url', 'contentType', u.content_type, 'size', u.size) ORDER BY p.ord)
      INTO v_photos
      FROM jsonb_array_elements(p_photos) WITH ORDINALITY AS p(photo, ord)
      JOIN uploads u ON u.id = (p.photo->>'id')::uuid;
  END IF;

  INSERT INTO ticket_counters AS c (zone_id, day, last_seq) VALUES (p_zone_id, p_day, 1)
    ON CONFLICT (zone_id, day) DO UPDATE SET last_seq = c.last_seq + 1
    RETURNING c.last_seq INTO v_seq;
  v_ticket := p_ticket_prefix || CASE WHEN v_seq < 10000 THEN lpad(v_seq::text, 4, '0') ELSE v_seq::text END;

  SELECT t.working_days INTO v_days FROM sla_targets t WHERE t.zone_id = p_zone_id AND t.type = p_type;
  v_due := china_working_days_after(p_now, coalesce(v_days, p_default_working_days));

  INSERT INTO service_requests (
    id, ticket_no, investor_id, zone_id, park_id, type, company, contact_name, mobile, description,
    preferred_contact_time, status, created_at, first_response_due_at, resolution_due_at, updated_at
  ) VALUES (
    p_id, v_ticket, p_investor_id, p_zone_id, p_park_id, p_type, p_company, p_contact_name, p_mobile, p_description,
    p_preferred_contact_time, 'new', p_now, p_first_response_due_at, v_due, p_now
  );

  IF jsonb_array_length(p_photos) > 0 THEN
    INSERT INTO request_photos (request_id, upload_id, position)
      SELECT p_id, (p.photo->>'id')::uuid, (p.ord - 1)::smallint
      FROM jsonb_array_elements(p_photos) WITH ORDINALITY AS p(photo, ord);
  END IF;

  INSERT INTO request_audit (request_id, at, actor_kind, action, detail, timeline_step)
    VALUES (p_id, p_now, 'investor', 'created', jsonb_build_object('ticketNo', v_ticket), 'submitted');

  -- Meant for the zone's agents, oldest account first (as zoneStaff in service/notices.ts lists them).
  INSERT INTO outbox (id, kind, channel, zone_id, request_id, recipients, payload, status, next_attempt_at, last_error, created_at)
    VALUES (
      p_notice_id, 'new_request', 'wecom', p_zone_id, p_id,
      (SELECT coalesce(jsonb_agg(s.id ORDER BY s.created_at, s.id), '[]'::jsonb) FROM staff s WHERE s.zone_id = p_zone_id AND s.role = 'agent'),
      jsonb_build_object('markdown', p_notice_before_ticket || v_ticket || p_notice_after_ticket),
      p_notice_status, p_now, p_notice_error, p_now
    );

  -- Date.prototype.toISOString's format, as every other instant in the API.
  v_response := p_response || jsonb_build_object(
    'ticketNo', v_ticket,
    'resolutionDueAt', to_char(v_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'photos', v_photos
  );
  INSERT INTO idempotency_keys (investor_id, key, body_hash, request_id, response, created_at)
    VALUES (p_investor_id, p_idempotency_key, p_body_hash, p_id, v_response, p_now);
  RETURN QUERY SELECT 'created'::text, v_response, NULL::integer;
END;
$$;
