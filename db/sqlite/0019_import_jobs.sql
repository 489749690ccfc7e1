-- Issue 17: establishment import jobs kept in the database (file, progress, result), so that any node of a cluster runs a
-- job, any node shows it, and a restart forgets nothing.

CREATE TABLE "import_jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_import_jobs" PRIMARY KEY,
    "UserName" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Mode" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "Phase" TEXT NOT NULL,
    "Processed" INTEGER NOT NULL,
    "Total" INTEGER NOT NULL,
    "Message" TEXT NULL,
    "ResultJson" TEXT NULL,
    "File" BLOB NULL,
    "CreatedAt" TEXT NOT NULL,
    "HeartbeatAt" TEXT NULL,
    "FinishedAt" TEXT NULL
);

CREATE INDEX "IX_import_jobs_State_CreatedAt" ON "import_jobs" ("State", "CreatedAt");
