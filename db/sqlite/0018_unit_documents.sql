-- Issue 13: documents issued by units and agencies (kế hoạch, quyết định, chỉ thị, công văn), one number per unit and
-- year, optionally implementing a plan (3.1.1 and 3.2.1 of the 2026-2030 plan, the plan cascade).

CREATE TABLE "unit_documents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_documents" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Signer" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "PlanId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_unit_documents_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_unit_documents_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_unit_documents_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_unit_documents_AgencyId" ON "unit_documents" ("AgencyId");
CREATE INDEX "IX_unit_documents_OrgUnitId_IssuedOn" ON "unit_documents" ("OrgUnitId", "IssuedOn");
CREATE UNIQUE INDEX "IX_unit_documents_OrgUnitId_Year_Number" ON "unit_documents" ("OrgUnitId", "Year", "Number");
CREATE INDEX "IX_unit_documents_PlanId" ON "unit_documents" ("PlanId");
