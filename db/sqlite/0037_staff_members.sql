-- 0037: named staff on the roster (issue 13, item 2): a unit and agency that keep names count people, not a typed
-- headcount; a training participant may be one named person. The name and the phone are encrypted (PersonalData).
CREATE TABLE "staff_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_staff_members" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "FullName" TEXT NOT NULL,
    "JobTitle" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "FromDate" TEXT NOT NULL,
    "ToDate" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_staff_members_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_staff_members_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_staff_members_AgencyId" ON "staff_members" ("AgencyId");
CREATE INDEX "IX_staff_members_OrgUnitId_AgencyId_FromDate" ON "staff_members" ("OrgUnitId", "AgencyId", "FromDate");

ALTER TABLE "training_participants" ADD COLUMN "StaffMemberId" INTEGER NULL CONSTRAINT "FK_training_participants_staff_members_StaffMemberId" REFERENCES "staff_members" ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_training_participants_StaffMemberId" ON "training_participants" ("StaffMemberId");
