-- 0035: rate limits (public portal, sign-in) counted in the database so that they hold over every node behind the proxy
-- (issue 17); the client is kept only as a keyed hash that changes with each window.
CREATE TABLE rate_counts (
    "Key" character varying(64) NOT NULL,
    "Expires" bigint NOT NULL,
    "Hits" integer NOT NULL,
    CONSTRAINT "PK_rate_counts" PRIMARY KEY ("Key")
);

CREATE INDEX "IX_rate_counts_Expires" ON rate_counts ("Expires");
