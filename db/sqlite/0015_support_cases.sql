-- 0015: confidential support cases (issue 12): cases under a pseudonymous code, their workers, consents, needs, plan notes,
-- outreach contacts. Identifying fields and notes are stored encrypted (PersonalData).
CREATE TABLE "support_need_kinds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_need_kinds" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "support_cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_cases" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "OpenedOn" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "ClosureReason" TEXT NULL,
    "SupervisorId" TEXT NOT NULL,
    "Name" TEXT NULL,
    "BirthYear" TEXT NULL,
    "Phone" TEXT NULL,
    "Residence" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_support_cases_AspNetUsers_SupervisorId" FOREIGN KEY ("SupervisorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_cases_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "support_case_needs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_case_needs" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "NeedKindId" INTEGER NOT NULL,
    "ScreenedOn" TEXT NOT NULL,
    "Eligible" INTEGER NOT NULL,
    CONSTRAINT "FK_support_case_needs_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_support_case_needs_support_need_kinds_NeedKindId" FOREIGN KEY ("NeedKindId") REFERENCES "support_need_kinds" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "support_case_notes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_case_notes" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    CONSTRAINT "FK_support_case_notes_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "support_case_workers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_case_workers" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "FK_support_case_workers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_case_workers_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "support_consents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_consents" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "ProviderId" INTEGER NULL,
    "GivenOn" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "WithdrawnOn" TEXT NULL,
    CONSTRAINT "FK_support_consents_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_support_consents_support_services_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "support_services" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "support_outreach_contacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_outreach_contacts" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "EstablishmentId" INTEGER NULL,
    "Date" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Given" INTEGER NOT NULL,
    "People" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    CONSTRAINT "FK_support_outreach_contacts_establishments_EstablishmentId" FOREIGN KEY ("EstablishmentId") REFERENCES "establishments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_outreach_contacts_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_outreach_contacts_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_support_case_needs_CaseId_NeedKindId" ON "support_case_needs" ("CaseId", "NeedKindId");

CREATE INDEX "IX_support_case_needs_NeedKindId" ON "support_case_needs" ("NeedKindId");

CREATE INDEX "IX_support_case_notes_CaseId_Date" ON "support_case_notes" ("CaseId", "Date");

CREATE UNIQUE INDEX "IX_support_case_workers_CaseId_UserId" ON "support_case_workers" ("CaseId", "UserId");

CREATE INDEX "IX_support_case_workers_UserId" ON "support_case_workers" ("UserId");

CREATE UNIQUE INDEX "IX_support_cases_Code" ON "support_cases" ("Code");

CREATE INDEX "IX_support_cases_OrgUnitId" ON "support_cases" ("OrgUnitId");

CREATE INDEX "IX_support_cases_SupervisorId" ON "support_cases" ("SupervisorId");

CREATE INDEX "IX_support_consents_CaseId_Kind" ON "support_consents" ("CaseId", "Kind");

CREATE INDEX "IX_support_consents_ProviderId" ON "support_consents" ("ProviderId");

CREATE UNIQUE INDEX "IX_support_need_kinds_Code" ON "support_need_kinds" ("Code");

CREATE INDEX "IX_support_outreach_contacts_CaseId" ON "support_outreach_contacts" ("CaseId");

CREATE INDEX "IX_support_outreach_contacts_EstablishmentId" ON "support_outreach_contacts" ("EstablishmentId");

CREATE INDEX "IX_support_outreach_contacts_OrgUnitId_Date" ON "support_outreach_contacts" ("OrgUnitId", "Date");

-- The screening checklist (issue 12, item 3); an administrator adds kinds through /api/v1/support/need-kinds.
INSERT INTO "support_need_kinds" ("Code", "Name", "SortOrder", "Active") VALUES
    ('health', 'Chăm sóc sức khỏe', 10, 1),
    ('sti-hiv', 'Dự phòng, điều trị HIV và bệnh lây truyền qua đường tình dục', 20, 1),
    ('psychological', 'Hỗ trợ tâm lý', 30, 1),
    ('legal', 'Trợ giúp pháp lý', 40, 1),
    ('vocational', 'Đào tạo nghề', 50, 1),
    ('jobs', 'Việc làm', 60, 1),
    ('loans', 'Vay vốn (Ngân hàng Chính sách xã hội)', 70, 1),
    ('housing', 'Chỗ ở', 80, 1),
    ('safety', 'An toàn, phòng chống bạo lực trên cơ sở giới', 90, 1);
