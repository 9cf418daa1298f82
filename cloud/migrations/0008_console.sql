CREATE TABLE "content_audit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"zone_id" text,
	"action" text NOT NULL,
	"kind" text,
	"record_id" text,
	"at" timestamp with time zone NOT NULL,
	"staff_id" uuid,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_drafts" (
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" uuid NOT NULL,
	CONSTRAINT "content_drafts_kind_record_id_pk" PRIMARY KEY("kind","record_id")
);
--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"staff_id" uuid,
	"changed_fields" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"record" jsonb,
	"restored_revision_id" uuid,
	CONSTRAINT "content_revisions_action" CHECK ("action" in ('publish', 'revert', 'import', 'import_delete'))
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" uuid PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "canned_replies" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_audit" ADD CONSTRAINT "content_audit_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_drafts" ADD CONSTRAINT "content_drafts_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_audit_zone_idx" ON "content_audit" USING btree ("zone_id","at");--> statement-breakpoint
CREATE INDEX "content_drafts_zone_idx" ON "content_drafts" USING btree ("zone_id","kind");--> statement-breakpoint
CREATE INDEX "content_revisions_record_idx" ON "content_revisions" USING btree ("kind","record_id","at");--> statement-breakpoint
CREATE INDEX "content_revisions_zone_idx" ON "content_revisions" USING btree ("zone_id","at");--> statement-breakpoint
CREATE INDEX "media_zone_idx" ON "media" USING btree ("zone_id","created_at");--> statement-breakpoint
-- content_revisions and content_audit are append-only, like request_audit: history is added to, never rewritten.
CREATE FUNCTION content_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER content_revisions_no_update_delete BEFORE UPDATE OR DELETE ON content_revisions
  FOR EACH ROW EXECUTE FUNCTION content_history_append_only();
--> statement-breakpoint
CREATE TRIGGER content_revisions_no_truncate BEFORE TRUNCATE ON content_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION content_history_append_only();
--> statement-breakpoint
CREATE TRIGGER content_audit_no_update_delete BEFORE UPDATE OR DELETE ON content_audit
  FOR EACH ROW EXECUTE FUNCTION content_history_append_only();
--> statement-breakpoint
CREATE TRIGGER content_audit_no_truncate BEFORE TRUNCATE ON content_audit
  FOR EACH STATEMENT EXECUTE FUNCTION content_history_append_only();
