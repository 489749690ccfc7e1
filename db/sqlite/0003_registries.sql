-- 0003: establishments, inspection teams and inspections, hotspots, indicator bindings
CREATE TABLE "decrees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_decrees" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL
);

CREATE TABLE "establishment_types" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_establishment_types" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Group" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL
);

CREATE TABLE "violation_types" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_violation_types" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE TABLE "establishments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_establishments" PRIMARY KEY AUTOINCREMENT,
    "TypeId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "OwnerName" TEXT NULL,
    "OwnerPhone" TEXT NULL,
    "LicenceNumber" TEXT NULL,
    "LicenceDate" TEXT NULL,
    "WorkerCount" INTEGER NOT NULL,
    "RiskClass" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ManagedFrom" TEXT NULL,
    "ManagedTo" TEXT NULL,
    "CommitmentSigned" INTEGER NOT NULL,
    "CommitmentDate" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_establishments_establishment_types_TypeId" FOREIGN KEY ("TypeId") REFERENCES "establishment_types" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_establishments_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "inspection_teams" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_teams" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_inspection_teams_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspection_teams_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "hotspots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_hotspots" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "EstablishmentId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "Complexity" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_hotspots_establishments_EstablishmentId" FOREIGN KEY ("EstablishmentId") REFERENCES "establishments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_hotspots_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "inspection_plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_plans" PRIMARY KEY AUTOINCREMENT,
    "TeamId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_inspection_plans_inspection_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "inspection_teams" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "inspection_team_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_team_members" PRIMARY KEY AUTOINCREMENT,
    "TeamId" INTEGER NOT NULL,
    "FullName" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "AgencyId" INTEGER NULL,
    "CardNumber" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_inspection_team_members_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspection_team_members_inspection_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "inspection_teams" ("Id") ON DELETE CASCADE
);

CREATE TABLE "inspection_plan_items" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_plan_items" PRIMARY KEY AUTOINCREMENT,
    "InspectionPlanId" INTEGER NOT NULL,
    "EstablishmentId" INTEGER NOT NULL,
    "PlannedOn" TEXT NULL,
    CONSTRAINT "FK_inspection_plan_items_establishments_EstablishmentId" FOREIGN KEY ("EstablishmentId") REFERENCES "establishments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspection_plan_items_inspection_plans_InspectionPlanId" FOREIGN KEY ("InspectionPlanId") REFERENCES "inspection_plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "indicator_bindings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_indicator_bindings" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "Computation" TEXT NOT NULL,
    "OrgUnitId" INTEGER NULL,
    CONSTRAINT "FK_indicator_bindings_indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "indicators" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_indicator_bindings_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "inspections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspections" PRIMARY KEY AUTOINCREMENT,
    "EstablishmentId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "TeamId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "ReasonNote" TEXT NULL,
    "InspectionPlanItemId" INTEGER NULL,
    "Findings" TEXT NULL,
    "OwnersInformed" INTEGER NOT NULL,
    "WorkersInformed" INTEGER NOT NULL,
    "FollowUpOfId" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_inspections_establishments_EstablishmentId" FOREIGN KEY ("EstablishmentId") REFERENCES "establishments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspections_inspection_plan_items_InspectionPlanItemId" FOREIGN KEY ("InspectionPlanItemId") REFERENCES "inspection_plan_items" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_inspections_inspection_teams_TeamId" FOREIGN KEY ("TeamId") REFERENCES "inspection_teams" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspections_inspections_FollowUpOfId" FOREIGN KEY ("FollowUpOfId") REFERENCES "inspections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspections_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "hotspot_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_hotspot_events" PRIMARY KEY AUTOINCREMENT,
    "HotspotId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ComplexityObserved" TEXT NULL,
    "AppendixItemId" INTEGER NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_hotspot_events_hotspots_HotspotId" FOREIGN KEY ("HotspotId") REFERENCES "hotspots" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_hotspot_events_plan_appendix_items_AppendixItemId" FOREIGN KEY ("AppendixItemId") REFERENCES "plan_appendix_items" ("Id") ON DELETE SET NULL
);

CREATE TABLE "inspection_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_members" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "TeamMemberId" INTEGER NOT NULL,
    CONSTRAINT "FK_inspection_members_inspection_team_members_TeamMemberId" FOREIGN KEY ("TeamMemberId") REFERENCES "inspection_team_members" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_inspection_members_inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "inspections" ("Id") ON DELETE CASCADE
);

CREATE TABLE "inspection_violations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_violations" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "ViolationTypeId" INTEGER NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_inspection_violations_inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "inspections" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_inspection_violations_violation_types_ViolationTypeId" FOREIGN KEY ("ViolationTypeId") REFERENCES "violation_types" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "sanctions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sanctions" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Amount" TEXT NULL,
    "DecreeId" INTEGER NULL,
    "LegalBasis" TEXT NULL,
    "Measures" TEXT NULL,
    CONSTRAINT "FK_sanctions_decrees_DecreeId" FOREIGN KEY ("DecreeId") REFERENCES "decrees" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_sanctions_inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "inspections" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_decrees_Code" ON "decrees" ("Code");

CREATE UNIQUE INDEX "IX_establishment_types_Code" ON "establishment_types" ("Code");

CREATE UNIQUE INDEX "IX_establishments_LicenceNumber" ON "establishments" ("LicenceNumber");

CREATE INDEX "IX_establishments_OrgUnitId_Status" ON "establishments" ("OrgUnitId", "Status");

CREATE INDEX "IX_establishments_TypeId" ON "establishments" ("TypeId");

CREATE INDEX "IX_hotspot_events_AppendixItemId" ON "hotspot_events" ("AppendixItemId");

CREATE INDEX "IX_hotspot_events_HotspotId_Date" ON "hotspot_events" ("HotspotId", "Date");

CREATE INDEX "IX_hotspot_events_Kind_Date" ON "hotspot_events" ("Kind", "Date");

CREATE INDEX "IX_hotspots_EstablishmentId" ON "hotspots" ("EstablishmentId");

CREATE INDEX "IX_hotspots_OrgUnitId" ON "hotspots" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_indicator_bindings_IndicatorId" ON "indicator_bindings" ("IndicatorId");

CREATE INDEX "IX_indicator_bindings_OrgUnitId" ON "indicator_bindings" ("OrgUnitId");

CREATE UNIQUE INDEX "IX_inspection_members_InspectionId_TeamMemberId" ON "inspection_members" ("InspectionId", "TeamMemberId");

CREATE INDEX "IX_inspection_members_TeamMemberId" ON "inspection_members" ("TeamMemberId");

CREATE INDEX "IX_inspection_plan_items_EstablishmentId" ON "inspection_plan_items" ("EstablishmentId");

CREATE INDEX "IX_inspection_plan_items_InspectionPlanId" ON "inspection_plan_items" ("InspectionPlanId");

CREATE INDEX "IX_inspection_plans_TeamId" ON "inspection_plans" ("TeamId");

CREATE INDEX "IX_inspection_team_members_AgencyId" ON "inspection_team_members" ("AgencyId");

CREATE INDEX "IX_inspection_team_members_TeamId" ON "inspection_team_members" ("TeamId");

CREATE INDEX "IX_inspection_teams_AgencyId" ON "inspection_teams" ("AgencyId");

CREATE INDEX "IX_inspection_teams_OrgUnitId" ON "inspection_teams" ("OrgUnitId");

CREATE INDEX "IX_inspection_violations_InspectionId" ON "inspection_violations" ("InspectionId");

CREATE INDEX "IX_inspection_violations_ViolationTypeId" ON "inspection_violations" ("ViolationTypeId");

CREATE INDEX "IX_inspections_Date" ON "inspections" ("Date");

CREATE INDEX "IX_inspections_EstablishmentId_Date" ON "inspections" ("EstablishmentId", "Date");

CREATE INDEX "IX_inspections_FollowUpOfId" ON "inspections" ("FollowUpOfId");

CREATE INDEX "IX_inspections_InspectionPlanItemId" ON "inspections" ("InspectionPlanItemId");

CREATE INDEX "IX_inspections_OrgUnitId_Date" ON "inspections" ("OrgUnitId", "Date");

CREATE INDEX "IX_inspections_TeamId" ON "inspections" ("TeamId");

CREATE INDEX "IX_sanctions_DecreeId" ON "sanctions" ("DecreeId");

CREATE INDEX "IX_sanctions_InspectionId" ON "sanctions" ("InspectionId");

CREATE UNIQUE INDEX "IX_violation_types_Code" ON "violation_types" ("Code");
