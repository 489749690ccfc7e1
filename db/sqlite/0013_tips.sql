-- 0013: tips from citizens and agencies, their steps, extensions, reporters' answers, reads of the source; the portal's guidance (issue 11).
CREATE TABLE "portal_guidance" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_portal_guidance" PRIMARY KEY AUTOINCREMENT,
    "Text" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "tips" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tips" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "SecretHash" TEXT NULL,
    "Channel" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "ReceivedBy" TEXT NULL,
    "ReceivingUnitId" INTEGER NOT NULL,
    "ReceivingAgencyId" INTEGER NULL,
    "PassedOnBy" TEXT NULL,
    "Category" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Place" TEXT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "OccurredOn" TEXT NULL,
    "Description" TEXT NOT NULL,
    "Anonymous" INTEGER NOT NULL,
    "ReporterName" TEXT NULL,
    "ReporterContact" TEXT NULL,
    "IdentifyingDetails" TEXT NULL,
    "Kind" TEXT NULL,
    "Relevance" TEXT NULL,
    "DuplicateOfId" INTEGER NULL,
    "AssignedUnitId" INTEGER NULL,
    "AssignedAgencyId" INTEGER NULL,
    "Outcome" TEXT NULL,
    "PublicResult" TEXT NULL,
    "EstablishmentId" INTEGER NULL,
    "HotspotId" INTEGER NULL,
    "InspectionId" INTEGER NULL,
    "State" TEXT NOT NULL,
    "NextDueOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_tips_agencies_AssignedAgencyId" FOREIGN KEY ("AssignedAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_agencies_ReceivingAgencyId" FOREIGN KEY ("ReceivingAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_establishments_EstablishmentId" FOREIGN KEY ("EstablishmentId") REFERENCES "establishments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_hotspots_HotspotId" FOREIGN KEY ("HotspotId") REFERENCES "hotspots" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "inspections" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_org_units_AssignedUnitId" FOREIGN KEY ("AssignedUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_org_units_ReceivingUnitId" FOREIGN KEY ("ReceivingUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_tips_DuplicateOfId" FOREIGN KEY ("DuplicateOfId") REFERENCES "tips" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "tip_extensions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tip_extensions" PRIMARY KEY AUTOINCREMENT,
    "TipId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Days" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "By" TEXT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_tip_extensions_tips_TipId" FOREIGN KEY ("TipId") REFERENCES "tips" ("Id") ON DELETE CASCADE
);

CREATE TABLE "tip_replies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tip_replies" PRIMARY KEY AUTOINCREMENT,
    "TipId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_tip_replies_tips_TipId" FOREIGN KEY ("TipId") REFERENCES "tips" ("Id") ON DELETE CASCADE
);

CREATE TABLE "tip_source_reads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tip_source_reads" PRIMARY KEY AUTOINCREMENT,
    "TipId" INTEGER NOT NULL,
    "UserName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_tip_source_reads_tips_TipId" FOREIGN KEY ("TipId") REFERENCES "tips" ("Id") ON DELETE CASCADE
);

CREATE TABLE "tip_steps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tip_steps" PRIMARY KEY AUTOINCREMENT,
    "TipId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "By" TEXT NULL,
    "DueOn" TEXT NULL,
    "OnTime" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "MessageToReporter" TEXT NULL,
    CONSTRAINT "FK_tip_steps_tips_TipId" FOREIGN KEY ("TipId") REFERENCES "tips" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_tip_extensions_TipId" ON "tip_extensions" ("TipId");

CREATE INDEX "IX_tip_replies_TipId" ON "tip_replies" ("TipId");

CREATE INDEX "IX_tip_source_reads_TipId" ON "tip_source_reads" ("TipId");

CREATE INDEX "IX_tip_steps_TipId_State" ON "tip_steps" ("TipId", "State");

CREATE INDEX "IX_tips_AssignedAgencyId" ON "tips" ("AssignedAgencyId");

CREATE INDEX "IX_tips_AssignedUnitId" ON "tips" ("AssignedUnitId");

CREATE UNIQUE INDEX "IX_tips_Code" ON "tips" ("Code");

CREATE INDEX "IX_tips_DuplicateOfId" ON "tips" ("DuplicateOfId");

CREATE INDEX "IX_tips_EstablishmentId" ON "tips" ("EstablishmentId");

CREATE INDEX "IX_tips_HotspotId" ON "tips" ("HotspotId");

CREATE INDEX "IX_tips_InspectionId" ON "tips" ("InspectionId");

CREATE INDEX "IX_tips_OrgUnitId" ON "tips" ("OrgUnitId");

CREATE INDEX "IX_tips_ReceivedAt" ON "tips" ("ReceivedAt");

CREATE INDEX "IX_tips_ReceivingAgencyId" ON "tips" ("ReceivingAgencyId");

CREATE INDEX "IX_tips_ReceivingUnitId" ON "tips" ("ReceivingUnitId");

CREATE INDEX "IX_tips_State_NextDueOn" ON "tips" ("State", "NextDueOn");
