-- 0008: server-side sign-in sessions (logout, lock, new password and a change of unit end them at once; idle timeout)
CREATE TABLE "user_sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_user_sessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "EndReason" TEXT NULL,
    CONSTRAINT "FK_user_sessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_user_sessions_UserId" ON "user_sessions" ("UserId");
