-- 0031 (issue 11): import jobs of three kinds (establishments, administrative sanctions, criminal cases); the jobs queued
-- before this script are establishments (0). And the one-time tokens of the portal's report form, hashed, so that a
-- reload after the receipt does not make a second tip (kept 24 hours; expiry to the hour).
ALTER TABLE "import_jobs" ADD COLUMN "Kind" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "portal_submissions" (
    "TokenHash" TEXT NOT NULL CONSTRAINT "PK_portal_submissions" PRIMARY KEY,
    "TipId" INTEGER NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    CONSTRAINT "FK_portal_submissions_tips_TipId" FOREIGN KEY ("TipId") REFERENCES "tips" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_portal_submissions_ExpiresAt" ON "portal_submissions" ("ExpiresAt");
CREATE INDEX "IX_portal_submissions_TipId" ON "portal_submissions" ("TipId");
