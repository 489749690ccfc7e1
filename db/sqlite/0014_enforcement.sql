-- 0014: administrative sanctions on people and premises, criminal cases through their stages (issue 11).
CREATE TABLE "criminal_cases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_criminal_cases" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "Reference" TEXT NOT NULL,
    "Charge" TEXT NOT NULL,
    "DetectedOn" TEXT NOT NULL,
    "InstitutedOn" TEXT NULL,
    "IndictedOn" TEXT NULL,
    "TriedOn" TEXT NULL,
    "MobileTrial" INTEGER NOT NULL,
    "AccusedCount" INTEGER NOT NULL,
    "DefendantsCount" INTEGER NOT NULL,
    "RingDismantled" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_criminal_cases_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "administrative_sanctions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_administrative_sanctions" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "EstablishmentId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Amount" TEXT NULL,
    "Measures" TEXT NULL,
    "DecreeId" INTEGER NOT NULL,
    "LegalBasis" TEXT NULL,
    "DecisionNumber" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_administrative_sanctions_decrees_DecreeId" FOREIGN KEY ("DecreeId") REFERENCES "decrees" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_administrative_sanctions_establishments_EstablishmentId" FOREIGN KEY ("EstablishmentId") REFERENCES "establishments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_administrative_sanctions_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_administrative_sanctions_Date" ON "administrative_sanctions" ("Date");

CREATE INDEX "IX_administrative_sanctions_DecreeId" ON "administrative_sanctions" ("DecreeId");

CREATE INDEX "IX_administrative_sanctions_EstablishmentId" ON "administrative_sanctions" ("EstablishmentId");

CREATE INDEX "IX_administrative_sanctions_OrgUnitId_Date" ON "administrative_sanctions" ("OrgUnitId", "Date");

CREATE INDEX "IX_criminal_cases_DetectedOn" ON "criminal_cases" ("DetectedOn");

CREATE INDEX "IX_criminal_cases_IndictedOn" ON "criminal_cases" ("IndictedOn");

CREATE INDEX "IX_criminal_cases_OrgUnitId_DetectedOn" ON "criminal_cases" ("OrgUnitId", "DetectedOn");

CREATE INDEX "IX_criminal_cases_TriedOn" ON "criminal_cases" ("TriedOn");
