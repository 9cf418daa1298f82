-- The overdue queue's deadline (see overdueAtExpression in cloud/src/db/service-schema.ts) becomes a
-- stored generated column: its indexes are on a plain column, so the 已超时 count reads the index
-- alone and a query over it is as cheap to build and plan as any other.
DROP INDEX "service_requests_overdue_idx";--> statement-breakpoint
DROP INDEX "service_requests_zone_overdue_idx";--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "overdue_at" timestamp with time zone GENERATED ALWAYS AS ((case when "service_requests"."status" in ('new', 'accepted', 'in_progress', 'waiting_investor') then least(
    case when "service_requests"."first_responded_at" is null then "service_requests"."first_response_due_at" end,
    case when "service_requests"."resolution_paused_since" is null or "service_requests"."resolution_due_at" <= "service_requests"."resolution_paused_since" then "service_requests"."resolution_due_at" end
  ) end)) STORED;--> statement-breakpoint
CREATE INDEX "service_requests_overdue_idx" ON "service_requests" USING btree ("overdue_at","id") WHERE "service_requests"."overdue_at" is not null;--> statement-breakpoint
CREATE INDEX "service_requests_zone_overdue_idx" ON "service_requests" USING btree ("zone_id","overdue_at","id") WHERE "service_requests"."overdue_at" is not null;--> statement-breakpoint
-- A generated column takes no value on insert: submissions name the columns they write.
CREATE OR REPLACE FUNCTION submit_service_request(p jsonb)
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
  v_columns text;
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

  -- Every column but the generated ones (PostgreSQL computes those), so a column added later is
  -- written without changing this function; RETURNING brings back what PostgreSQL computed.
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO v_columns
    FROM pg_attribute a
    WHERE a.attrelid = 'service_requests'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
  EXECUTE format('INSERT INTO service_requests (%1$s) SELECT %1$s FROM jsonb_populate_record(NULL::service_requests, $1) RETURNING *', v_columns)
    INTO v_row USING to_jsonb(v_row);

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
