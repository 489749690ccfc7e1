-- 0032: peer and self-help groups (issue 12, item 5): groups, members by case, meetings and who attended.
CREATE TABLE "support_groups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_groups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "FacilitatorAgencyId" INTEGER NULL,
    "StartedOn" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_support_groups_agencies_FacilitatorAgencyId" FOREIGN KEY ("FacilitatorAgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_groups_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "support_group_meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_group_meetings" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Topic" TEXT NOT NULL,
    "AnonymousAttendees" INTEGER NOT NULL,
    CONSTRAINT "FK_support_group_meetings_org_units_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "org_units" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_group_meetings_support_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "support_groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "support_group_members" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_group_members" PRIMARY KEY AUTOINCREMENT,
    "GroupId" INTEGER NOT NULL,
    "CaseId" INTEGER NOT NULL,
    "JoinedOn" TEXT NOT NULL,
    "LeftOn" TEXT NULL,
    CONSTRAINT "FK_support_group_members_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_support_group_members_support_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "support_groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "support_group_attendees" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_group_attendees" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "CaseId" INTEGER NOT NULL,
    CONSTRAINT "FK_support_group_attendees_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_support_group_attendees_support_group_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "support_group_meetings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_support_group_attendees_CaseId" ON "support_group_attendees" ("CaseId");

CREATE UNIQUE INDEX "IX_support_group_attendees_MeetingId_CaseId" ON "support_group_attendees" ("MeetingId", "CaseId");

CREATE INDEX "IX_support_group_meetings_GroupId_Date" ON "support_group_meetings" ("GroupId", "Date");

CREATE INDEX "IX_support_group_meetings_OrgUnitId" ON "support_group_meetings" ("OrgUnitId");

CREATE INDEX "IX_support_group_members_CaseId" ON "support_group_members" ("CaseId");

CREATE INDEX "IX_support_group_members_GroupId_CaseId" ON "support_group_members" ("GroupId", "CaseId");

CREATE INDEX "IX_support_groups_FacilitatorAgencyId" ON "support_groups" ("FacilitatorAgencyId");

CREATE INDEX "IX_support_groups_OrgUnitId" ON "support_groups" ("OrgUnitId");
