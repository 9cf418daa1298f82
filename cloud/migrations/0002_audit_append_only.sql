-- request_audit is append-only: the history of a request can be added to, never rewritten.
CREATE FUNCTION request_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'request_audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_audit_no_update_delete
  BEFORE UPDATE OR DELETE ON request_audit
  FOR EACH ROW EXECUTE FUNCTION request_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER request_audit_no_truncate
  BEFORE TRUNCATE ON request_audit
  FOR EACH STATEMENT EXECUTE FUNCTION request_audit_append_only();
