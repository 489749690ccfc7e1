-- 0031 (issue 11): import jobs of three kinds (establishments, administrative sanctions, criminal cases); the jobs queued
-- before this script are establishments (0). And the one-time tokens of the portal's report form, hashed, so that a
-- reload after the receipt does not make a second tip (kept 24 hours; expiry to the hour).
ALTER TABLE import_jobs ADD COLUMN "Kind" integer NOT NULL DEFAULT 0;

CREATE TABLE portal_submissions (
    "TokenHash" character varying(64) NOT NULL,
    "TipId" integer NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_portal_submissions" PRIMARY KEY ("TokenHash"),
    CONSTRAINT "FK_portal_submissions_tips_TipId" FOREIGN KEY ("TipId") REFERENCES tips ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_portal_submissions_ExpiresAt" ON portal_submissions ("ExpiresAt");
CREATE INDEX "IX_portal_submissions_TipId" ON portal_submissions ("TipId");
