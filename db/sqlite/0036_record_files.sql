-- Photos and files of communication events and of unit documents (issue 13, items 1 and 3); see Shared/RecordFiles.cs.
CREATE TABLE "communication_event_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_communication_event_files" PRIMARY KEY AUTOINCREMENT,
    "RecordId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_communication_event_files_communication_events_RecordId" FOREIGN KEY ("RecordId") REFERENCES "communication_events" ("Id") ON DELETE CASCADE
);

CREATE TABLE "unit_document_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_unit_document_files" PRIMARY KEY AUTOINCREMENT,
    "RecordId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NULL,
    CONSTRAINT "FK_unit_document_files_unit_documents_RecordId" FOREIGN KEY ("RecordId") REFERENCES "unit_documents" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_communication_event_files_RecordId" ON "communication_event_files" ("RecordId");

CREATE INDEX "IX_unit_document_files_RecordId" ON "unit_document_files" ("RecordId");
