-- 0009: the audit trail records events beside changes (reads of personal data, exports, sign-ins, refusals, failed
-- imports): the client's address, an index for the filter by kind, and the table made append-only in the database too.
ALTER TABLE audit_entries ADD "ClientIp" character varying(64);

CREATE INDEX "IX_audit_entries_Action_Id" ON audit_entries ("Action", "Id");

CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;

CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
