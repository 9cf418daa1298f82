CREATE TABLE "canned_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "favourites" (
	"investor_id" uuid NOT NULL,
	"park_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "favourites_investor_id_park_id_pk" PRIMARY KEY("investor_id","park_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"investor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"body_hash" text NOT NULL,
	"request_id" uuid NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_investor_id_key_pk" PRIMARY KEY("investor_id","key")
);
--> statement-breakpoint
CREATE TABLE "investors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"openid" text,
	"device_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "investors_openid_unique" UNIQUE("openid"),
	CONSTRAINT "investors_device_id_unique" UNIQUE("device_id"),
	CONSTRAINT "investors_kind" CHECK ("kind" in ('wechat', 'guest')),
	CONSTRAINT "investors_identity" CHECK (("investors"."kind" = 'wechat' and "investors"."openid" is not null) or ("investors"."kind" = 'guest' and "investors"."device_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"zone_id" text NOT NULL,
	"request_id" uuid,
	"recipients" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_status" CHECK ("status" in ('pending', 'delivered', 'skipped', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"timeline_step" text,
	CONSTRAINT "request_audit_actor" CHECK ("actor_kind" in ('investor', 'staff', 'system'))
);
--> statement-breakpoint
CREATE TABLE "request_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"author" text NOT NULL,
	"staff_id" uuid,
	"internal" boolean NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_messages_author" CHECK (("request_messages"."author" = 'staff' and "request_messages"."staff_id" is not null) or ("request_messages"."author" = 'investor' and "request_messages"."staff_id" is null and not "request_messages"."internal"))
);
--> statement-breakpoint
CREATE TABLE "request_photos" (
	"request_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "request_photos_request_id_upload_id_pk" PRIMARY KEY("request_id","upload_id")
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_no" text NOT NULL,
	"investor_id" uuid NOT NULL,
	"zone_id" text NOT NULL,
	"park_id" text,
	"type" text NOT NULL,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"mobile" text NOT NULL,
	"description" text NOT NULL,
	"preferred_contact_time" text,
	"status" text NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"first_responded_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone NOT NULL,
	"resolution_paused_since" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating_score" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_requests_ticket_no_unique" UNIQUE("ticket_no"),
	CONSTRAINT "service_requests_status" CHECK ("status" in ('new', 'accepted', 'in_progress', 'waiting_investor', 'resolved', 'closed', 'withdrawn')),
	CONSTRAINT "service_requests_type" CHECK ("type" in ('agency', 'site', 'finance', 'talent', 'utilities', 'policy', 'other')),
	CONSTRAINT "service_requests_rating" CHECK ("service_requests"."rating_score" is null or "service_requests"."rating_score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "share_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"page" text NOT NULL,
	"target_id" text NOT NULL,
	"scene" integer,
	"investor_id" uuid,
	"staff_id" uuid,
	"zone_ids" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_targets" (
	"zone_id" text NOT NULL,
	"type" text NOT NULL,
	"working_days" smallint NOT NULL,
	CONSTRAINT "sla_targets_zone_id_type_pk" PRIMARY KEY("zone_id","type"),
	CONSTRAINT "sla_targets_days" CHECK ("sla_targets"."working_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"zone_id" text,
	"password_hash" text NOT NULL,
	"share_code" text NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_username_unique" UNIQUE("username"),
	CONSTRAINT "staff_share_code_unique" UNIQUE("share_code"),
	CONSTRAINT "staff_role" CHECK ("role" in ('agent', 'supervisor', 'admin')),
	CONSTRAINT "staff_zone" CHECK ("staff"."role" = 'admin' or "staff"."zone_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"zone_id" text NOT NULL,
	"day" text NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "ticket_counters_zone_id_day_pk" PRIMARY KEY("zone_id","day")
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_audit" ADD CONSTRAINT "request_audit_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_audit" ADD CONSTRAINT "request_audit_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_photos" ADD CONSTRAINT "request_photos_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_photos" ADD CONSTRAINT "request_photos_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_visits" ADD CONSTRAINT "share_visits_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_visits" ADD CONSTRAINT "share_visits_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id_investors_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "canned_replies_zone_idx" ON "canned_replies" USING btree ("zone_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_request_idx" ON "outbox" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "rate_limit_hits_reset_idx" ON "rate_limit_hits" USING btree ("reset_at");--> statement-breakpoint
CREATE INDEX "request_audit_request_idx" ON "request_audit" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "request_messages_request_idx" ON "request_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "request_photos_upload_idx" ON "request_photos" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "service_requests_zone_created_idx" ON "service_requests" USING btree ("zone_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_investor_idx" ON "service_requests" USING btree ("investor_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_assignee_idx" ON "service_requests" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "service_requests_unanswered_idx" ON "service_requests" USING btree ("first_response_due_at") WHERE "service_requests"."first_responded_at" is null and "service_requests"."breached_at" is null;--> statement-breakpoint
CREATE INDEX "share_visits_created_idx" ON "share_visits" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "share_visits_staff_idx" ON "share_visits" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_zone_idx" ON "staff" USING btree ("zone_id","role");--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "uploads" USING btree ("owner_id");