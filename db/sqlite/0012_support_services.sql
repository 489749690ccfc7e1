-- 0012: the support-service directory (issue 11 portal, issue 12 referrals): one list of places that help.
CREATE TABLE "support_services" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_services" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "Hours" TEXT NULL,
    "Phone" TEXT NULL,
    "Description" TEXT NULL,
    "Active" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_support_services_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_support_services_OrgUnitId_Kind" ON "support_services" ("OrgUnitId", "Kind");
