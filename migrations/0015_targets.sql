-- Why: yearly targets, for the board and the funders: tonnes collected, tonnes reused and
-- takings, for the whole structure (site 0) and per site. A manager sets them; the Bilans
-- show the year's progress against the share of the year gone. Settings, not records: a
-- target set again replaces the previous one.
CREATE TABLE target (
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    site_id       INTEGER NOT NULL CHECK (site_id >= 0),  -- 0: the whole structure
    collected_g   INTEGER NOT NULL CHECK (collected_g >= 0),
    reused_g      INTEGER NOT NULL CHECK (reused_g >= 0),
    takings       INTEGER NOT NULL CHECK (takings >= 0),  -- cents TTC
    PRIMARY KEY (year, site_id)
) WITHOUT ROWID;
