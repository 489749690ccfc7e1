-- 0029: the working-day calendar (public holidays, days off in lieu, weekend days worked), which deadlines counted in
-- working days follow (issue 11: tips' deadlines; Bộ luật Lao động 2019, Điều 112).
CREATE TABLE "calendar_days" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_calendar_days" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "DayOff" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_calendar_days_Date" ON "calendar_days" ("Date");
