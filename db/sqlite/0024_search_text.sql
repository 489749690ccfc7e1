-- Accent-insensitive site-wide search (issue 15, item 1): each searched table carries its searched fields folded
-- (lower case, no tone marks, đ → d; Shared/SearchFold), written by the app with every row. Rows written before this
-- script are filled at start-up (Data/SearchTextBackfill), which folds them the same way as the app; SQLite's LIKE
-- '%…%' cannot use a b-tree, so no index here (the lists it searches are a unit's records).
ALTER TABLE "establishments" ADD COLUMN "SearchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "plans" ADD COLUMN "SearchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "hotspots" ADD COLUMN "SearchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "report_periods" ADD COLUMN "SearchText" TEXT NOT NULL DEFAULT '';
