-- Photos a citizen attaches to a portal report (issue 11, item 1): rows, not files, so that any node serves them; metadata
-- removed unless the reporter kept it; no upload time and no file name from the phone.
CREATE TABLE "tip_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_tip_photos" PRIMARY KEY AUTOINCREMENT,
    "TipId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "LocationKept" INTEGER NOT NULL,
    "Identifying" INTEGER NOT NULL,
    CONSTRAINT "FK_tip_photos_tips_TipId" FOREIGN KEY ("TipId") REFERENCES "tips" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_tip_photos_TipId" ON "tip_photos" ("TipId");
