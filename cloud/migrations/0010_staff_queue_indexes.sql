DROP INDEX "service_requests_zone_created_idx";--> statement-breakpoint
CREATE INDEX "service_requests_created_idx" ON "service_requests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "service_requests_park_created_idx" ON "service_requests" USING btree ("park_id","created_at","id");--> statement-breakpoint
CREATE INDEX "service_requests_new_idx" ON "service_requests" USING btree ("created_at","id") WHERE "service_requests"."status" = 'new' and "service_requests"."assignee_id" is null;--> statement-breakpoint
CREATE INDEX "service_requests_zone_new_idx" ON "service_requests" USING btree ("zone_id","created_at","id") WHERE "service_requests"."status" = 'new' and "service_requests"."assignee_id" is null;--> statement-breakpoint
CREATE INDEX "service_requests_mine_idx" ON "service_requests" USING btree ("assignee_id","created_at","id") WHERE "service_requests"."status" in ('new', 'accepted', 'in_progress', 'waiting_investor');--> statement-breakpoint
CREATE INDEX "service_requests_due_idx" ON "service_requests" USING btree ("first_response_due_at","id") WHERE "service_requests"."first_responded_at" is null and "service_requests"."breached_at" is null and "service_requests"."status" in ('new', 'accepted', 'in_progress', 'waiting_investor');--> statement-breakpoint
CREATE INDEX "service_requests_overdue_idx" ON "service_requests" USING btree ((case when "status" in ('new', 'accepted', 'in_progress', 'waiting_investor') then least(
    case when "first_responded_at" is null then "first_response_due_at" end,
    case when "resolution_paused_since" is null or "resolution_due_at" <= "resolution_paused_since" then "resolution_due_at" end
  ) end),"id") WHERE (case when "service_requests"."status" in ('new', 'accepted', 'in_progress', 'waiting_investor') then least(
    case when "service_requests"."first_responded_at" is null then "service_requests"."first_response_due_at" end,
    case when "service_requests"."resolution_paused_since" is null or "service_requests"."resolution_due_at" <= "service_requests"."resolution_paused_since" then "service_requests"."resolution_due_at" end
  ) end) is not null;--> statement-breakpoint
CREATE INDEX "service_requests_zone_overdue_idx" ON "service_requests" USING btree ("zone_id",(case when "status" in ('new', 'accepted', 'in_progress', 'waiting_investor') then least(
    case when "first_responded_at" is null then "first_response_due_at" end,
    case when "resolution_paused_since" is null or "resolution_due_at" <= "resolution_paused_since" then "resolution_due_at" end
  ) end),"id") WHERE (case when "service_requests"."status" in ('new', 'accepted', 'in_progress', 'waiting_investor') then least(
    case when "service_requests"."first_responded_at" is null then "service_requests"."first_response_due_at" end,
    case when "service_requests"."resolution_paused_since" is null or "service_requests"."resolution_due_at" <= "service_requests"."resolution_paused_since" then "service_requests"."resolution_due_at" end
  ) end) is not null;--> statement-breakpoint
CREATE INDEX "service_requests_zone_created_idx" ON "service_requests" USING btree ("zone_id","created_at","id");