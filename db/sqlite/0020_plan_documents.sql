-- Issue 16: a plan as its document (header, signer, recipients, purpose and requirements), a parent plan cited from
-- outside PCMD, and indicator windows kept only where the plan file states them.
ALTER TABLE "plans" ADD COLUMN "IssuedPrecision" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "Purpose" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "Requirements" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "SignerForm" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "SignerTitle" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "SignerName" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "Recipients" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "ParentNumber" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "ParentIssuedOn" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "ParentIssuer" TEXT NULL;
ALTER TABLE "indicators" ADD COLUMN "WindowStated" INTEGER NOT NULL DEFAULT 1;
-- Who reports to whom (item 3): the consolidating body, the recipients of the consolidated reports, and whether the
-- bodies a plan only requests report like the others.
ALTER TABLE "plans" ADD COLUMN "ConsolidatingAgencyId" INTEGER NULL CONSTRAINT "FK_plans_agencies_ConsolidatingAgencyId" REFERENCES "agencies" ("Id") ON DELETE RESTRICT;
ALTER TABLE "plans" ADD COLUMN "ReportRecipientIds" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "RequestedBodiesReport" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "IX_plans_ConsolidatingAgencyId" ON "plans" ("ConsolidatingAgencyId");
-- Recurring obligations (item 4): the month and day a yearly task falls due, and each agency's completion per year.
ALTER TABLE "plan_tasks" ADD COLUMN "DueMonth" INTEGER NULL;
ALTER TABLE "plan_tasks" ADD COLUMN "DueDay" INTEGER NULL;
CREATE TABLE "task_completions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_completions" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "DoneOn" TEXT NOT NULL,
    "Link" TEXT NULL,
    "DoneBy" TEXT NULL,
    CONSTRAINT "FK_task_completions_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_task_completions_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_task_completions_AgencyId" ON "task_completions" ("AgencyId");
CREATE UNIQUE INDEX "IX_task_completions_TaskId_AgencyId_Year" ON "task_completions" ("TaskId", "AgencyId", "Year");
