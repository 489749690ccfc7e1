-- Issue 13: communication events with their audiences and the rule of "maintained regularly"; training courses,
-- their participants and the staff roster (3.1.2, 3.2.3.a/b of the 2026-2030 plan).

CREATE TABLE "communication_rules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_communication_rules" PRIMARY KEY AUTOINCREMENT,
    "EventsPerQuarter" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "communication_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_communication_events" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Note" TEXT NULL,
    "MaterialsDistributed" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_communication_events_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_communication_events_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "communication_audiences" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_communication_audiences" PRIMARY KEY AUTOINCREMENT,
    "EventId" INTEGER NOT NULL,
    "Group" TEXT NOT NULL,
    "PeopleReached" INTEGER NOT NULL,
    CONSTRAINT "FK_communication_audiences_communication_events_EventId" FOREIGN KEY ("EventId") REFERENCES "communication_events" ("Id") ON DELETE CASCADE
);

CREATE TABLE "training_courses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_training_courses" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Organiser" TEXT NOT NULL,
    "Hours" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_training_courses_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "training_participants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_training_participants" PRIMARY KEY AUTOINCREMENT,
    "CourseId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "Role" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    "AlreadyTrained" INTEGER NOT NULL,
    CONSTRAINT "FK_training_participants_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_training_participants_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_training_participants_training_courses_CourseId" FOREIGN KEY ("CourseId") REFERENCES "training_courses" ("Id") ON DELETE CASCADE
);

CREATE TABLE "staff_rosters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_staff_rosters" PRIMARY KEY AUTOINCREMENT,
    "OrgUnitId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "AsOf" TEXT NOT NULL,
    "Headcount" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_staff_rosters_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_staff_rosters_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_communication_audiences_EventId_Group" ON "communication_audiences" ("EventId", "Group");
CREATE INDEX "IX_communication_events_AgencyId" ON "communication_events" ("AgencyId");
CREATE INDEX "IX_communication_events_OrgUnitId_Date" ON "communication_events" ("OrgUnitId", "Date");
CREATE INDEX "IX_staff_rosters_AgencyId" ON "staff_rosters" ("AgencyId");
CREATE INDEX "IX_staff_rosters_OrgUnitId_AsOf" ON "staff_rosters" ("OrgUnitId", "AsOf");
CREATE INDEX "IX_training_courses_EndDate" ON "training_courses" ("EndDate");
CREATE INDEX "IX_training_courses_OrgUnitId_EndDate" ON "training_courses" ("OrgUnitId", "EndDate");
CREATE INDEX "IX_training_participants_AgencyId" ON "training_participants" ("AgencyId");
CREATE INDEX "IX_training_participants_CourseId" ON "training_participants" ("CourseId");
CREATE INDEX "IX_training_participants_OrgUnitId" ON "training_participants" ("OrgUnitId");
