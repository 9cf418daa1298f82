-- Requests submitted before this migration got their new-request notice at submission; from now on
-- the job loop writes it (announceNewRequests) and marks the request announced.
UPDATE service_requests SET announced_at = created_at WHERE announced_at IS NULL;
--> statement-breakpoint
DROP FUNCTION submit_service_request(uuid, uuid, text, text, timestamptz, text, text, text, text, text, text, text, text, timestamptz, jsonb, text, text, integer, jsonb, uuid, text, text, text, text);
--> statement-breakpoint
-- Working days are counted in TypeScript (types/working-days.ts, with public holidays); the database
-- receives the resolution deadline.
DROP FUNCTION china_working_days_after(timestamptz, integer);
--> statement-breakpoint
-- POST /api/requests in one database round trip (one statement, so one transaction): the writes of a
-- submission that must be atomic. Called by createRequest in cloud/src/modules/requests/submit.ts,
-- which builds the row, computes the deadlines and, from the row returned, the investor's view.
--
-- p: {
--   request:              the new service_requests row keyed by column name, without ticket_no and
--                         resolution_due_at (jsonb_populate_record reads it)
--   idempotencyKey, bodyHash
--   photoIds:             upload ids in the order the investor gave them
--   slaTargetDays:        what the caller believes sla_targets holds for the zone and type (null: no row)
--   resolutionDueAt:      the deadline the caller computed from that target
--   ticketDay:            the China day of the submission (YYYYMMDD), the counter's day
--   ticketNoStem, ticketSequenceDigits: the ticket number before its sequence and the sequence's
--                         padding (types/tickets.ts)
-- }
--
-- Outcomes (nothing is written unless 'created'):
--   unknown_investor  the token's investor no longer exists (deleted, database reset) → 401
--   replayed          same investor, key and body hash as an earlier submission: replayed_id
--   mismatch          same investor and key, different body → 422
--   bad_photo         photo number bad_photo (0-based) is not an upload of this investor → 400
--   sla_target        sla_targets says sla_target_days, not slaTargetDays: the caller recomputes and retries
--   created           the request (created), its photos (photos: id, contentType, size), its audit entry,
--                     its ticket number and the idempotency key, committed together
--
-- Several API processes on one PostgreSQL: submissions with the same investor and key are serialized
-- by a transaction-level advisory lock taken before the key is looked up, so the second one waits for
-- the first to commit and then sees its key (each statement of a PL/pgSQL function in READ COMMITTED
-- sees what was committed before it started) and replays it; the primary key of idempotency_keys backs
-- this up. Ticket numbers come from an atomic upsert of the zone's counter for the day.
CREATE FUNCTION submit_service_request(p jsonb)
RETURNS TABLE (outcome text, created jsonb, photos jsonb, replayed_id uuid, bad_photo integer, sla_target_days integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_row service_requests;
  v_hash text;
  v_request_id uuid;
  v_bad integer;
  v_days integer;
  v_seq integer;
  v_photos jsonb := '[]'::jsonb;
BEGIN
  v_row := jsonb_populate_record(NULL::service_requests, p->'request');

  PERFORM 1 FROM investors i WHERE i.id = v_row.investor_id;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'unknown_investor'::text, NULL::jsonb, NULL::jsonb, NULL::uuid, NULL::integer, NULL::integer;
    RETURN;
  END IF;

  PERFORM pg_advisory_xact_lock(hashtextextended(v_row.investor_id::text || '/' || (p->>'idempotencyKey'), 0));
  SELECT k.body_hash, k.request_id INTO v_hash, v_request_id
    FROM idempotency_keys k WHERE k.investor_id = v_row.investor_id AND k.key = p->>'idempotencyKey';
  IF FOUND THEN
    IF v_hash = p->>'bodyHash' THEN
      RETURN QUERY SELECT 'replayed'::text, NULL::jsonb, NULL::jsonb, v_request_id, NULL::integer, NULL::integer;
    ELSE
      RETURN QUERY SELECT 'mismatch'::text, NULL::jsonb, NULL::jsonb, NULL::uuid, NULL::integer, NULL::integer;
    END IF;
    RETURN;
  END IF;

  IF jsonb_array_length(p->'photoIds') > 0 THEN
    SELECT min(ph.ord)::integer - 1 INTO v_bad
      FROM jsonb_array_elements_text(p->'photoIds') WITH ORDINALITY AS ph(upload_id, ord)
      WHERE NOT EXISTS (SELECT 1 FROM uploads u WHERE u.id = ph.upload_id::uuid AND u.owner_id = v_row.investor_id);
    IF v_bad IS NOT NULL THEN
      RETURN QUERY SELECT 'bad_photo'::text, NULL::jsonb, NULL::jsonb, NULL::uuid, v_bad, NULL::integer;
      RETURN;
    END IF;
    SELECT jsonb_agg(jsonb_build_object('id', u.id, 'contentType', u.content_type, 'size', u.size) ORDER BY ph.ord)
      INTO v_photos
      FROM jsonb_array_elements_text(p->'photoIds') WITH ORDINALITY AS ph(upload_id, ord)
      JOIN uploads u ON u.id = ph.upload_id::uuid;
  END IF;

  SELECT t.working_days INTO v_days FROM sla_targets t WHERE t.zone_id = v_row.zone_id AND t.type = v_row.type;
  IF v_days IS DISTINCT FROM (p->>'slaTargetDays')::integer THEN
    RETURN QUERY SELECT 'sla_target'::text, NULL::jsonb, NULL::jsonb, NULL::uuid, NULL::integer, v_days;
    RETURN;
  END IF;
  v_row.resolution_due_at := (p->>'resolutionDueAt')::timestamptz;

  INSERT INTO ticket_counters AS c (zone_id, day, last_seq) VALUES (v_row.zone_id, p->>'ticketDay', 1)
    ON CONFLICT (zone_id, day) DO UPDATE SET last_seq = c.last_seq + 1
    RETURNING c.last_seq INTO v_seq;
  v_row.ticket_no := (p->>'ticketNoStem') || lpad(v_seq::text, greatest((p->>'ticketSequenceDigits')::integer, length(v_seq::text)), '0');

  INSERT INTO service_requests SELECT v_row.*;

  IF jsonb_array_length(p->'photoIds') > 0 THEN
    INSERT INTO request_photos (request_id, upload_id, position)
      SELECT v_row.id, ph.upload_id::uuid, (ph.ord - 1)::smallint
      FROM jsonb_array_elements_text(p->'photoIds') WITH ORDINALITY AS ph(upload_id, ord);
  END IF;

  INSERT INTO request_audit (request_id, at, actor_kind, action, detail, timeline_step)
    VALUES (v_row.id, v_row.created_at, 'investor', 'created', jsonb_build_object('ticketNo', v_row.ticket_no), 'submitted');

  INSERT INTO idempotency_keys (investor_id, key, body_hash, request_id, created_at)
    VALUES (v_row.investor_id, p->>'idempotencyKey', p->>'bodyHash', v_row.id, v_row.created_at);

  RETURN QUERY SELECT 'created'::text, to_jsonb(v_row), v_photos, NULL::uuid, NULL::integer, NULL::integer;
END;
$$;
