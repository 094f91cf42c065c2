-- Why: the foundation. A ressourcerie is one structure (identity, VAT status) with sites,
-- points of sale (shop, café, event), terminals, payment methods, a category tree with
-- default unit weights, and users holding roles. Everything else (journal, till, sorting)
-- hangs off these rows. Money is integer cents, weight integer grams, time ISO-8601 text
-- with its UTC offset.

PRAGMA application_id = 1346719828; -- 'PEPT': marks the file as a pépite database

CREATE TABLE structure (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL CHECK (length(name) > 0),
    address     TEXT NOT NULL DEFAULT '',
    postcode    TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    siret       TEXT CHECK (siret IS NULL OR length(siret) = 14),
    vat_status  TEXT NOT NULL DEFAULT 'assujetti'
                CHECK (vat_status IN ('assujetti', 'franchise', 'non_assujetti')),
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE site (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    address      TEXT NOT NULL DEFAULT '',
    scale_max_g  INTEGER NOT NULL DEFAULT 300000 CHECK (scale_max_g > 0)
);

CREATE TABLE point_of_sale (
    id       INTEGER PRIMARY KEY,
    site_id  INTEGER NOT NULL REFERENCES site (id),
    name     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('shop', 'cafe', 'event')),
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- A terminal's code names its fiscal series: it is the primary key and never changes.
CREATE TABLE terminal (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    point_of_sale_id INTEGER NOT NULL REFERENCES point_of_sale (id),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE payment_method (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL
              CHECK (kind IN ('cash', 'card', 'cheque', 'local_currency', 'voucher', 'other')),
    label     TEXT NOT NULL UNIQUE,
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE category (
    id             INTEGER PRIMARY KEY,
    parent_id      INTEGER REFERENCES category (id),
    name           TEXT NOT NULL,
    unit_weight_g  INTEGER CHECK (unit_weight_g IS NULL OR unit_weight_g > 0),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position       INTEGER NOT NULL DEFAULT 0
);
-- Two siblings may not share a name; top-level names are unique too.
CREATE UNIQUE INDEX category_sibling_name ON category (ifnull(parent_id, 0), name);

CREATE TABLE user (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    pin_hash         TEXT NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until     TEXT,
    created_at       TEXT NOT NULL,
    -- Shown on the demo's login screen only; NULL for every real user.
    demo_pin         TEXT
);

CREATE TABLE user_role (
    user_id  INTEGER NOT NULL REFERENCES user (id),
    role     TEXT NOT NULL CHECK (role IN ('manager', 'cashier', 'sorter', 'cafe')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
