-- Issue 16, item 5: an agency dissolved or merged in the 2025 reform names the agency that took over its work (or none),
-- so that a plan whose issuer was abolished, and the tasks assigned to it, show who follows them up now.
ALTER TABLE agencies ADD "SuccessorId" integer;
ALTER TABLE agencies ADD CONSTRAINT "FK_agencies_agencies_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES agencies ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_agencies_SuccessorId" ON agencies ("SuccessorId");
