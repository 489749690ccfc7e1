-- 0038: the units each generation of a register changed (issue 14): a cached per-unit figure is brought up to date by
-- recomputing those units alone, instead of the whole city after every inspection saved.
CREATE TABLE "figure_changes" (
    "Kind" TEXT NOT NULL,
    "Generation" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    CONSTRAINT "PK_figure_changes" PRIMARY KEY ("Kind", "Generation", "UnitId")
);
