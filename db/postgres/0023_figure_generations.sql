-- How many times each kind of record has been written (issues 10 and 14): the cached figures of every node are keyed by it,
-- and the writing transaction bumps it, so a figure is never served after a write that changed it.
CREATE TABLE figure_generations (
    "Kind" character varying(30) NOT NULL,
    "Generation" bigint NOT NULL,
    CONSTRAINT "PK_figure_generations" PRIMARY KEY ("Kind")
);
