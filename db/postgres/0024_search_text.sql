-- Accent-insensitive site-wide search (issue 15, item 1): each searched table carries its searched fields folded
-- (lower case, no tone marks, đ → d; Shared/SearchFold), written by the app with every row, the establishments' bulk
-- import included. Rows written before this script are filled at start-up (Data/SearchTextBackfill), which folds them
-- the same way as the app (unaccent would not fold đ, nor exactly as .NET does).
ALTER TABLE establishments ADD COLUMN "SearchText" text NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN "SearchText" text NOT NULL DEFAULT '';
ALTER TABLE hotspots ADD COLUMN "SearchText" text NOT NULL DEFAULT '';
ALTER TABLE report_periods ADD COLUMN "SearchText" text NOT NULL DEFAULT '';

-- LIKE '%…%' on the folded text: trigram (gin) indexes answer it without reading the tables. The establishments'
-- index on the unfolded name, address and licence number (0004) is replaced by the one on the folded column.
DROP INDEX IF EXISTS "IX_establishments_search_trgm";
CREATE INDEX "IX_establishments_SearchText_trgm" ON establishments USING gin ("SearchText" gin_trgm_ops);
CREATE INDEX "IX_plans_SearchText_trgm" ON plans USING gin ("SearchText" gin_trgm_ops);
CREATE INDEX "IX_hotspots_SearchText_trgm" ON hotspots USING gin ("SearchText" gin_trgm_ops);
CREATE INDEX "IX_report_periods_SearchText_trgm" ON report_periods USING gin ("SearchText" gin_trgm_ops);
