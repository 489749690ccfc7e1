-- Issue 13, items 4-6: the commune model per year (duy trì / áp dụng mới), the healthy-commune checklist, rule and yearly
-- assessments with their scores; budget lines of plans (estimate, allocated, spent by source, or the plan's words on its
-- sources: issue 16 item 2); commendations of collectives and individuals (a person's name encrypted by the application).

CREATE TABLE "model_communes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_model_communes" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "PlanId" INTEGER NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_model_communes_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_model_communes_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "IX_model_communes_OrgUnitId_Year" ON "model_communes" ("OrgUnitId", "Year");

CREATE INDEX "IX_model_communes_PlanId" ON "model_communes" ("PlanId");

CREATE INDEX "IX_model_communes_Year" ON "model_communes" ("Year");

CREATE TABLE "healthy_criteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_healthy_criteria" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "MaxScore" INTEGER NOT NULL,
    "Required" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_healthy_criteria_Code" ON "healthy_criteria" ("Code");

CREATE TABLE "healthy_rules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_healthy_rules" PRIMARY KEY AUTOINCREMENT,
    "PassPercent" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "commune_assessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_commune_assessments" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "TotalScore" INTEGER NOT NULL,
    "MaxScore" INTEGER NOT NULL,
    "PassPercent" INTEGER NOT NULL,
    "Healthy" INTEGER NULL,
    "Note" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "ConfirmedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_commune_assessments_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_commune_assessments_OrgUnitId_Year" ON "commune_assessments" ("OrgUnitId", "Year");

CREATE INDEX "IX_commune_assessments_Year" ON "commune_assessments" ("Year");

CREATE TABLE "commune_assessment_scores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_commune_assessment_scores" PRIMARY KEY AUTOINCREMENT,
    "AssessmentId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "Score" INTEGER NOT NULL,
    CONSTRAINT "FK_commune_assessment_scores_commune_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "commune_assessments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_commune_assessment_scores_healthy_criteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "healthy_criteria" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_commune_assessment_scores_AssessmentId_CriterionId" ON "commune_assessment_scores" ("AssessmentId", "CriterionId");

CREATE INDEX "IX_commune_assessment_scores_CriterionId" ON "commune_assessment_scores" ("CriterionId");

CREATE TABLE "budget_lines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_budget_lines" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Year" INTEGER NULL,
    "AgencyId" INTEGER NULL,
    "OrgUnitId" INTEGER NULL,
    "TaskId" INTEGER NULL,
    "Source" TEXT NULL,
    "SourceText" TEXT NULL,
    "Purpose" TEXT NULL,
    "Estimate" INTEGER NULL,
    "Allocated" INTEGER NULL,
    "Spent" INTEGER NULL,
    "OverspendNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_budget_lines_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_budget_lines_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_budget_lines_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_budget_lines_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_budget_lines_AgencyId" ON "budget_lines" ("AgencyId");

CREATE INDEX "IX_budget_lines_OrgUnitId" ON "budget_lines" ("OrgUnitId");

CREATE INDEX "IX_budget_lines_PlanId_Year" ON "budget_lines" ("PlanId", "Year");

CREATE INDEX "IX_budget_lines_TaskId" ON "budget_lines" ("TaskId");

CREATE TABLE "commendations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_commendations" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Workplace" TEXT NULL,
    "Level" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "DecisionNumber" TEXT NOT NULL,
    "DecisionDate" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "PlanId" INTEGER NULL,
    "Achievement" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_commendations_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_commendations_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_commendations_OrgUnitId_Year" ON "commendations" ("OrgUnitId", "Year");

CREATE INDEX "IX_commendations_PlanId" ON "commendations" ("PlanId");
