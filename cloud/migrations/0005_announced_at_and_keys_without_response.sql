ALTER TABLE "service_requests" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "service_requests_unannounced_idx" ON "service_requests" USING btree ("created_at") WHERE "service_requests"."announced_at" is null;--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP COLUMN "response";