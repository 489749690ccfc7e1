-- 0016: referrals of support cases to the service directory (issue 12, item 4), with the consent they rest on or the
-- supervisor's reason, the provider's outcome and the follow-up day.
CREATE TABLE "support_referrals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_support_referrals" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "NeedKindId" INTEGER NOT NULL,
    "ServiceId" INTEGER NOT NULL,
    "ReferredOn" TEXT NOT NULL,
    "ReferredBy" TEXT NOT NULL,
    "ConsentId" INTEGER NULL,
    "OverrideReason" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "OutcomeOn" TEXT NULL,
    "FollowUpOn" TEXT NULL,
    CONSTRAINT "FK_support_referrals_support_cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "support_cases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_support_referrals_support_consents_ConsentId" FOREIGN KEY ("ConsentId") REFERENCES "support_consents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_referrals_support_need_kinds_NeedKindId" FOREIGN KEY ("NeedKindId") REFERENCES "support_need_kinds" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_referrals_support_services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "support_services" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_support_referrals_CaseId_ReferredOn" ON "support_referrals" ("CaseId", "ReferredOn");

CREATE INDEX "IX_support_referrals_ConsentId" ON "support_referrals" ("ConsentId");

CREATE INDEX "IX_support_referrals_FollowUpOn" ON "support_referrals" ("FollowUpOn");

CREATE INDEX "IX_support_referrals_NeedKindId" ON "support_referrals" ("NeedKindId");

CREATE INDEX "IX_support_referrals_ServiceId" ON "support_referrals" ("ServiceId");
