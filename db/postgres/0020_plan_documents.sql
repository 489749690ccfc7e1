-- Issue 16: a plan as its document (header, signer, recipients, purpose and requirements), a parent plan cited from
-- outside PCMD, and indicator windows kept only where the plan file states them.
ALTER TABLE plans ADD "IssuedPrecision" character varying(10);
ALTER TABLE plans ADD "Purpose" text[] NOT NULL DEFAULT '{}';
ALTER TABLE plans ADD "Requirements" text[] NOT NULL DEFAULT '{}';
ALTER TABLE plans ADD "SignerForm" text[] NOT NULL DEFAULT '{}';
ALTER TABLE plans ADD "SignerTitle" character varying(200);
ALTER TABLE plans ADD "SignerName" character varying(200);
ALTER TABLE plans ADD "Recipients" text[] NOT NULL DEFAULT '{}';
ALTER TABLE plans ADD "ParentNumber" character varying(60);
ALTER TABLE plans ADD "ParentIssuedOn" date;
ALTER TABLE plans ADD "ParentIssuer" character varying(300);
ALTER TABLE indicators ADD "WindowStated" boolean NOT NULL DEFAULT TRUE;
