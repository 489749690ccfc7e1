-- 0008: server-side sign-in sessions (logout, lock, new password and a change of unit end them at once; idle timeout)
CREATE TABLE user_sessions (
    "Id" character varying(64) NOT NULL,
    "UserId" character varying(450) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(30),
    CONSTRAINT "PK_user_sessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_user_sessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_user_sessions_UserId" ON user_sessions ("UserId");
