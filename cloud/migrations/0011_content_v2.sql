-- Content format v2 (zones are records with their ticket prefix and order; spaces and chains are their
-- own kinds). Content rows of the v1 format are dropped with the version marker: the API imports
-- cloud/content/ again on its next start (importIntoEmpty), and `npm run content:import` does the same.
DELETE FROM "service_commitments";--> statement-breakpoint
DELETE FROM "policies";--> statement-breakpoint
DELETE FROM "signed_projects";--> statement-breakpoint
DELETE FROM "enterprises";--> statement-breakpoint
DELETE FROM "parks";--> statement-breakpoint
DELETE FROM "zones";--> statement-breakpoint
DELETE FROM "content_meta";--> statement-breakpoint
CREATE TABLE "chains" (
	"id" text PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"position" integer NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spaces" (
	"id" text PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"park_id" text,
	"position" integer NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_settings" (
	"zone_id" text PRIMARY KEY NOT NULL,
	"wecom_webhook_url" text,
	"wechat_template_reply" text,
	"wechat_template_resolved" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "ticket_prefix" text NOT NULL;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "sort_order" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_settings" ADD CONSTRAINT "zone_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chains_zone_idx" ON "chains" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "spaces_zone_idx" ON "spaces" USING btree ("zone_id");--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_ticket_prefix_unique" UNIQUE("ticket_prefix");