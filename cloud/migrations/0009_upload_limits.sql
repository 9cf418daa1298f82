DROP INDEX "uploads_owner_idx";--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "client_address" text;--> statement-breakpoint
CREATE INDEX "uploads_client_address_idx" ON "uploads" USING btree ("client_address","created_at");--> statement-breakpoint
CREATE INDEX "uploads_created_idx" ON "uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "uploads" USING btree ("owner_id","created_at");