-- 0038: the units each generation of a register changed (issue 14): a cached per-unit figure is brought up to date by
-- recomputing those units alone, instead of the whole city after every inspection saved.
CREATE TABLE figure_changes (
    "Kind" character varying(30) NOT NULL,
    "Generation" bigint NOT NULL,
    "UnitId" integer NOT NULL,
    CONSTRAINT "PK_figure_changes" PRIMARY KEY ("Kind", "Generation", "UnitId")
);
