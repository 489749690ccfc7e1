-- Periodic reporting (issue 4): periods opened from plan schedules, unit and consolidated reports, their task
-- narratives, indicator figures (frozen on submission), attachments and history. Generated with --print-schema.

CREATE TABLE "report_periods" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_periods" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DataFrom" TEXT NOT NULL,
    "DataTo" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "ConsolidationDueOn" TEXT NULL,
    "Questions" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "OpenedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_report_periods_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_reports" PRIMARY KEY AUTOINCREMENT,
    "PeriodId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "IsConsolidated" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Difficulties" TEXT NULL,
    "Proposals" TEXT NULL,
    "Answers" TEXT NOT NULL,
    "ReturnComment" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "SavedAt" TEXT NULL,
    "SavedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_reports_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reports_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reports_report_periods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "report_periods" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_attachments" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_report_attachments_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_events" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "By" TEXT NULL,
    "Comment" TEXT NULL,
    "DaysLate" INTEGER NULL,
    CONSTRAINT "FK_report_events_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_tasks" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "TaskId" INTEGER NOT NULL,
    "Progress" TEXT NULL,
    "Narrative" TEXT NULL,
    CONSTRAINT "FK_report_tasks_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_report_tasks_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_values" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_values" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "IndicatorId" INTEGER NOT NULL,
    "Value" TEXT NULL,
    "Denominator" TEXT NULL,
    "Computed" TEXT NULL,
    "ComputedDenominator" TEXT NULL,
    "Source" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_report_values_indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "indicators" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_report_values_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "reports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_report_attachments_ReportId" ON "report_attachments" ("ReportId");

CREATE INDEX "IX_report_events_ReportId" ON "report_events" ("ReportId");

CREATE UNIQUE INDEX "IX_report_periods_PlanId_Kind_Year_Sequence" ON "report_periods" ("PlanId", "Kind", "Year", "Sequence");

CREATE UNIQUE INDEX "IX_report_tasks_ReportId_TaskId" ON "report_tasks" ("ReportId", "TaskId");

CREATE INDEX "IX_report_tasks_TaskId" ON "report_tasks" ("TaskId");

CREATE INDEX "IX_report_values_IndicatorId" ON "report_values" ("IndicatorId");

CREATE UNIQUE INDEX "IX_report_values_ReportId_IndicatorId" ON "report_values" ("ReportId", "IndicatorId");

CREATE INDEX "IX_reports_AgencyId" ON "reports" ("AgencyId");

CREATE INDEX "IX_reports_OrgUnitId" ON "reports" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_reports_PeriodId_AgencyId_IsConsolidated" ON "reports" ("PeriodId", "AgencyId", "IsConsolidated");
