-- Issue 16: a plan as its document (header, signer, recipients, purpose and requirements), a parent plan cited from
-- outside PCMD, and indicator windows kept only where the plan file states them.
ALTER TABLE "plans" ADD COLUMN "IssuedPrecision" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "Purpose" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "Requirements" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "SignerForm" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "SignerTitle" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "SignerName" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "Recipients" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "plans" ADD COLUMN "ParentNumber" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "ParentIssuedOn" TEXT NULL;
ALTER TABLE "plans" ADD COLUMN "ParentIssuer" TEXT NULL;
ALTER TABLE "indicators" ADD COLUMN "WindowStated" INTEGER NOT NULL DEFAULT 1;
