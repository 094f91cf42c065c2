-- Why: the fiscal journal required of till software by CGI art. 286-I-3° bis
-- (inalterability, security, conservation, archiving). Every validated document — ticket,
-- payment proof, duplicate, closing, archive — is appended with a gapless number in its
-- series, a self-contained canonical JSON payload, the previous document's hash and its
-- own (SHA-256 over previous hash ‖ payload). Triggers refuse UPDATE and DELETE on these
-- tables. The installation's Ed25519 key signs each closing and the movable end-of-chain
-- record (chain_head), so a recomputed chain or a cut tail is detected. The technical
-- event journal (JET) is a chain of its own. Counters are the only mutable totals.

CREATE TABLE installation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    -- Names the key file: several databases (a demo, the real one) live on one machine.
    key_id      TEXT NOT NULL,
    public_key  TEXT NOT NULL,   -- hex of the 32-byte Ed25519 public key
    created_at  TEXT NOT NULL
);

CREATE TABLE document (
    id             INTEGER PRIMARY KEY,
    series         TEXT NOT NULL,
    number         INTEGER NOT NULL CHECK (number > 0),
    kind           TEXT NOT NULL
                   CHECK (kind IN ('ticket', 'proof', 'duplicate', 'closing', 'archive')),
    terminal       TEXT NOT NULL,
    training       INTEGER NOT NULL CHECK (training IN (0, 1)),
    business_date  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    -- Figures copied out of the payload for closings and reports (cents).
    total          INTEGER NOT NULL DEFAULT 0,
    discount       INTEGER NOT NULL DEFAULT 0,
    change_given   INTEGER NOT NULL DEFAULT 0,
    refers_to      INTEGER REFERENCES document (id),
    -- Per-rate totals [[rate_bp, ttc, ht, vat], …] and tenders [[method, kind, amount], …]
    -- as compact JSON on the row itself: two fewer B-trees to write on every sale.
    vat            TEXT NOT NULL DEFAULT '[]',
    tenders        TEXT NOT NULL DEFAULT '[]',
    detail         TEXT NOT NULL DEFAULT '',  -- proof kind, closing period, duplicate of …
    payload        TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    -- Not UNIQUE: the chain already makes hashes distinct, and an index of random keys
    -- would cost a scattered page write on every sale.
    hash           TEXT NOT NULL,
    signature      TEXT,                      -- closings and archives: Ed25519 over hash
    UNIQUE (series, number)
);
CREATE INDEX document_terminal_date ON document (terminal, business_date, kind);

-- One row per closing: a period is closed once per terminal.
CREATE TABLE closing (
    document_id  INTEGER NOT NULL UNIQUE REFERENCES document (id),
    terminal     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('day', 'month', 'year')),
    period       TEXT NOT NULL,
    UNIQUE (terminal, kind, period)
);

CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL DEFAULT '',
    terminal   TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    payload    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);

-- The movable end-of-chain records, rewritten in the same transaction as each append.
CREATE TABLE chain_head (
    chain      TEXT PRIMARY KEY CHECK (chain IN ('documents', 'events')),
    last_id    INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    signature  TEXT NOT NULL
);

-- Running totals per terminal and VAT rate: the current day, month and year, and the
-- perpetual grand total. One row per rate keeps a sale's update on one hot page; a period
-- that is over lives on in its closing.
CREATE TABLE counter (
    terminal   TEXT NOT NULL,
    rate_bp    INTEGER NOT NULL,
    day        TEXT NOT NULL,
    day_ttc    INTEGER NOT NULL,
    day_ht     INTEGER NOT NULL,
    day_vat    INTEGER NOT NULL,
    month      TEXT NOT NULL,
    month_ttc  INTEGER NOT NULL,
    month_ht   INTEGER NOT NULL,
    month_vat  INTEGER NOT NULL,
    year       TEXT NOT NULL,
    year_ttc   INTEGER NOT NULL,
    year_ht    INTEGER NOT NULL,
    year_vat   INTEGER NOT NULL,
    total_ttc  INTEGER NOT NULL,
    total_ht   INTEGER NOT NULL,
    total_vat  INTEGER NOT NULL,
    PRIMARY KEY (terminal, rate_bp)
) WITHOUT ROWID;

CREATE TRIGGER document_no_update BEFORE UPDATE ON document
BEGIN SELECT RAISE(ABORT, 'journal fiscal inaltérable : document'); END;
CREATE TRIGGER document_no_delete BEFORE DELETE ON document
BEGIN SELECT RAISE(ABORT, 'journal fiscal inaltérable : document'); END;
CREATE TRIGGER closing_no_update BEFORE UPDATE ON closing
BEGIN SELECT RAISE(ABORT, 'journal fiscal inaltérable : clôture'); END;
CREATE TRIGGER closing_no_delete BEFORE DELETE ON closing
BEGIN SELECT RAISE(ABORT, 'journal fiscal inaltérable : clôture'); END;
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'journal des événements inaltérable'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'journal des événements inaltérable'); END;
CREATE TRIGGER installation_no_update BEFORE UPDATE ON installation
BEGIN SELECT RAISE(ABORT, 'clé de l''installation inaltérable'); END;
