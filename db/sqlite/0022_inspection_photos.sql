-- Photos of an inspection's signed biên bản (issue 15, item 2), stored like a report's attachments, metadata removed.
CREATE TABLE "inspection_photos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inspection_photos" PRIMARY KEY AUTOINCREMENT,
    "InspectionId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_inspection_photos_inspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "inspections" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_inspection_photos_InspectionId" ON "inspection_photos" ("InspectionId");
