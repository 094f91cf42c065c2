-- Why: the sorting bench records every kilo that comes in and goes out — the tonnage
-- funders pay for. Sources, towns and containers are lists a manager keeps; an intake
-- has lines of category, gross weight, container tare and destination. A validated intake
-- or outbound record is never edited: a correction is a new record that replaces it, with
-- who, when and why, and totals read only the records nothing replaces. Items get a
-- label-printed mark and a log of price changes; markdown rules lower the price of old
-- stock by age.

CREATE TABLE intake_source (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE town (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE container (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    tare_g  INTEGER NOT NULL CHECK (tare_g >= 0),
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE intake (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES site (id),
    source_id   INTEGER NOT NULL REFERENCES intake_source (id),
    town_id     INTEGER REFERENCES town (id),
    note        TEXT NOT NULL DEFAULT '',
    user_name   TEXT NOT NULL,
    at          TEXT NOT NULL,
    day         TEXT NOT NULL,
    -- A correction names the record it replaces and says why.
    replaces    INTEGER UNIQUE REFERENCES intake (id),
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX intake_day ON intake (day);

CREATE TABLE intake_line (
    intake_id     INTEGER NOT NULL REFERENCES intake (id),
    position      INTEGER NOT NULL,
    category_id   INTEGER NOT NULL REFERENCES category (id),
    gross_g       INTEGER NOT NULL CHECK (gross_g > 0),
    container     TEXT NOT NULL DEFAULT '',
    tare_g        INTEGER NOT NULL CHECK (tare_g >= 0),
    net_g         INTEGER NOT NULL CHECK (net_g > 0 AND net_g = gross_g - tare_g),
    destination   TEXT NOT NULL CHECK (destination IN ('reuse', 'recycling', 'waste')),
    PRIMARY KEY (intake_id, position)
) WITHOUT ROWID;

CREATE TABLE outbound (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES site (id),
    kind        TEXT NOT NULL
                CHECK (kind IN ('donation', 'partner', 'recycler', 'dump', 'bins', 'withdrawal')),
    recipient   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    user_name   TEXT NOT NULL,
    at          TEXT NOT NULL,
    day         TEXT NOT NULL,
    replaces    INTEGER UNIQUE REFERENCES outbound (id),
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbound_day ON outbound (day);

CREATE TABLE outbound_line (
    outbound_id  INTEGER NOT NULL REFERENCES outbound (id),
    position     INTEGER NOT NULL,
    category_id  INTEGER REFERENCES category (id),
    -- A material fraction (ferraille, DEEE, textile …) when not a category.
    fraction     TEXT NOT NULL DEFAULT '',
    weight_g     INTEGER NOT NULL CHECK (weight_g > 0),
    item_id      INTEGER REFERENCES item (id),
    PRIMARY KEY (outbound_id, position)
) WITHOUT ROWID;

-- Items: where they came from, when their label was printed, and their price history.
ALTER TABLE item ADD COLUMN intake_id INTEGER REFERENCES intake (id);
ALTER TABLE item ADD COLUMN label_printed_at TEXT;
CREATE INDEX item_unprinted ON item (id) WHERE label_printed_at IS NULL;

CREATE TABLE item_price_change (
    item_id    INTEGER NOT NULL REFERENCES item (id),
    old_price  INTEGER NOT NULL,
    new_price  INTEGER NOT NULL,
    user_name  TEXT NOT NULL,
    at         TEXT NOT NULL
);

-- "−50 % after 6 weeks": the largest rule an item's age reaches applies at the till.
CREATE TABLE markdown_rule (
    id        INTEGER PRIMARY KEY,
    weeks     INTEGER NOT NULL UNIQUE CHECK (weeks > 0),
    percent   INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Triggers keep validated weighings as they were written.
CREATE TRIGGER intake_no_update BEFORE UPDATE ON intake
BEGIN SELECT RAISE(ABORT, 'pesée validée : corriger par un nouvel enregistrement'); END;
CREATE TRIGGER intake_line_no_update BEFORE UPDATE ON intake_line
BEGIN SELECT RAISE(ABORT, 'pesée validée : corriger par un nouvel enregistrement'); END;
CREATE TRIGGER outbound_no_update BEFORE UPDATE ON outbound
BEGIN SELECT RAISE(ABORT, 'sortie validée : corriger par un nouvel enregistrement'); END;
CREATE TRIGGER outbound_line_no_update BEFORE UPDATE ON outbound_line
BEGIN SELECT RAISE(ABORT, 'sortie validée : corriger par un nouvel enregistrement'); END;
