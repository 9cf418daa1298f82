CREATE TABLE "project_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"staff_id" uuid,
	"investor_id" uuid,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	CONSTRAINT "project_audit_actor" CHECK ("actor_kind" in ('staff', 'investor', 'system'))
);
--> statement-breakpoint
CREATE TABLE "project_followers" (
	"project_id" text NOT NULL,
	"investor_id" uuid NOT NULL,
	"followed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_followers_project_id_investor_id_pk" PRIMARY KEY("project_id","investor_id")
);
--> statement-breakpoint
CREATE TABLE "project_invites" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid
);
--> statement-breakpoint
CREATE TABLE "project_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"held_on" date NOT NULL,
	"stage" text,
	"attendees" jsonb NOT NULL,
	"conclusion" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stages" (
	"project_id" text NOT NULL,
	"stage" text NOT NULL,
	"state" text NOT NULL,
	"planned_date" date,
	"actual_date" date,
	"note" text,
	"blocker" text,
	"source" text,
	"reported_date" text,
	"blocker_request_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"updated_by" uuid,
	CONSTRAINT "project_stages_project_id_stage_pk" PRIMARY KEY("project_id","stage"),
	CONSTRAINT "project_stages_stage" CHECK ("stage" in ('signed', 'registered', 'approved', 'land', 'permit', 'started', 'completed', 'producing')),
	CONSTRAINT "project_stages_state" CHECK ("state" in ('not_started', 'in_progress', 'done', 'blocked'))
);
--> statement-breakpoint
CREATE TABLE "project_team" (
	"project_id" text NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "project_team_project_id_staff_id_pk" PRIMARY KEY("project_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "project_tracking" (
	"project_id" text PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"leader_id" uuid,
	"contact_name" text,
	"contact_mobile" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"investor_id" uuid NOT NULL,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"mobile" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"request_id" uuid,
	CONSTRAINT "survey_responses_one_per_investor" UNIQUE("survey_id","investor_id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"intro" text NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "surveys_kind" CHECK ("kind" in ('needs', 'policy', 'effect')),
	CONSTRAINT "surveys_dates" CHECK ("surveys"."closes_on" >= "surveys"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "link" jsonb;--> statement-breakpoint
ALTER TABLE "project_audit" ADD CONSTRAINT "project_audit_project_id_project_tracking_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_tracking"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_audit" ADD CONSTRAINT "project_audit_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_audit" ADD CONSTRAINT "project_audit_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_followers" ADD CONSTRAINT "project_followers_project_id_project_tracking_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_tracking"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_followers" ADD CONSTRAINT "project_followers_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_invites" ADD CONSTRAINT "project_invites_project_id_project_tracking_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_tracking"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_invites" ADD CONSTRAINT "project_invites_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_invites" ADD CONSTRAINT "project_invites_used_by_investors_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_project_id_project_tracking_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_tracking"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_project_id_project_tracking_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_tracking"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_blocker_request_id_service_requests_id_fk" FOREIGN KEY ("blocker_request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stages" ADD CONSTRAINT "project_stages_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_project_id_project_tracking_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_tracking"("project_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tracking" ADD CONSTRAINT "project_tracking_leader_id_staff_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_audit_project_idx" ON "project_audit" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "project_followers_investor_idx" ON "project_followers" USING btree ("investor_id");--> statement-breakpoint
CREATE INDEX "project_invites_project_idx" ON "project_invites" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_reviews_project_idx" ON "project_reviews" USING btree ("project_id","held_on");--> statement-breakpoint
CREATE INDEX "project_stages_due_idx" ON "project_stages" USING btree ("planned_date") WHERE "project_stages"."state" <> 'done' and "project_stages"."planned_date" is not null;--> statement-breakpoint
CREATE INDEX "project_team_staff_idx" ON "project_team" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "project_tracking_zone_idx" ON "project_tracking" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "survey_responses_investor_idx" ON "survey_responses" USING btree ("investor_id");--> statement-breakpoint
CREATE INDEX "surveys_zone_idx" ON "surveys" USING btree ("zone_id","created_at");--> statement-breakpoint
-- project_audit is append-only, like request_audit: the history of a project can be added to, never rewritten.
CREATE FUNCTION project_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'project_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_audit_no_update_delete
  BEFORE UPDATE OR DELETE ON project_audit
  FOR EACH ROW EXECUTE FUNCTION project_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER project_audit_no_truncate
  BEFORE TRUNCATE ON project_audit
  FOR EACH STATEMENT EXECUTE FUNCTION project_audit_append_only();
