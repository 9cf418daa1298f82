-- The planner treats status and assignee as independent and expects a handful of unassigned new
-- requests where there are thousands: it then reads the whole 新请求 queue and sorts it instead of
-- walking service_requests_new_idx to the page's 21st row. The MCV list of the pair corrects that.
CREATE STATISTICS IF NOT EXISTS "service_requests_status_assignee_stats" (mcv) ON "status", "assignee_id" FROM "service_requests";--> statement-breakpoint
ANALYZE "service_requests";
