-- 0010: each unit's area (its subtree and, at any depth, the old units merged into them) as a closure table, with the units
-- above the area marked "Above" (readable, not writable), so that scope and unit filters are an indexed subquery instead
-- of hundreds of ids per query. Filled and kept up to date by the
-- application (OrgUnitAreas.Sync: on start and in the transaction of every change to units or successions).
CREATE TABLE org_unit_areas (
    "AreaId" integer NOT NULL,
    "UnitId" integer NOT NULL,
    "Above" boolean NOT NULL,
    CONSTRAINT "PK_org_unit_areas" PRIMARY KEY ("AreaId", "UnitId"),
    CONSTRAINT "FK_org_unit_areas_org_units_AreaId" FOREIGN KEY ("AreaId") REFERENCES org_units ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_org_unit_areas_org_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES org_units ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_org_unit_areas_UnitId" ON org_unit_areas ("UnitId");
