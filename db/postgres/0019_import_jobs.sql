-- Issue 17: establishment import jobs kept in the database (file, progress, result), so that any node of a cluster runs a
-- job, any node shows it, and a restart forgets nothing.

CREATE TABLE import_jobs (
    "Id" uuid NOT NULL,
    "UserName" character varying(256) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Mode" integer NOT NULL,
    "State" integer NOT NULL,
    "Phase" character varying(20) NOT NULL,
    "Processed" integer NOT NULL,
    "Total" integer NOT NULL,
    "Message" text,
    "ResultJson" text,
    "File" bytea,
    "CreatedAt" timestamp with time zone NOT NULL,
    "HeartbeatAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    CONSTRAINT "PK_import_jobs" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_import_jobs_State_CreatedAt" ON import_jobs ("State", "CreatedAt");
