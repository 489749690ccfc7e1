-- 0009: the audit trail records events beside changes (reads of personal data, exports, sign-ins, refusals, failed
-- imports): the client's address, an index for the filter by kind, and the table made append-only in the database too.
ALTER TABLE "audit_entries" ADD COLUMN "ClientIp" TEXT NULL;

CREATE INDEX "IX_audit_entries_Action_Id" ON "audit_entries" ("Action", "Id");

CREATE TRIGGER "audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TRIGGER "audit_entries_no_delete" BEFORE DELETE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;
