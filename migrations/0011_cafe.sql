-- Why: the café-crêperie. Its menu (products with a shortcut, a price TTC or a « prix
-- libre » minimum, a VAT class that the service mode turns into a rate, the station whose
-- printer gets it, supplements) and its open orders by table or by name. An open order
-- is a draft, not a fiscal document, but it must survive a crash and show on every café
-- terminal: its lines live here, each added by one statement, so two terminals adding to
-- the same order never overwrite each other. A line copies its product's name, price,
-- class and station: a product switched off or repriced while an order is open stays on
-- that order as it was. A line sent to its station is never deleted: removing it marks it
-- cancelled (the station prints « ANNULÉ »). Paying writes the journal's tickets.
CREATE TABLE menu_product (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    section    TEXT NOT NULL DEFAULT '',
    shortcut   TEXT UNIQUE CHECK (shortcut IS NULL OR length(shortcut) BETWEEN 1 AND 2),
    price      INTEGER NOT NULL CHECK (price >= 0),          -- TTC, cents
    min_price  INTEGER CHECK (min_price IS NULL OR min_price >= 0), -- prix libre
    vat_class  TEXT NOT NULL
               CHECK (vat_class IN ('immediate', 'keepable', 'soft_drink', 'alcohol', 'other')),
    station    TEXT NOT NULL CHECK (station IN ('creperie', 'bar', 'none')),
    available  INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1))
);

CREATE TABLE menu_supplement (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES menu_product (id),
    name        TEXT NOT NULL,
    price       INTEGER NOT NULL CHECK (price >= 0),
    UNIQUE (product_id, name)
);

CREATE TABLE cafe_order (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,       -- « 4 » for table 4, or a name
    is_table   INTEGER NOT NULL CHECK (is_table IN (0, 1)),
    mode       TEXT NOT NULL CHECK (mode IN ('on_site', 'takeaway')),
    opened_at  TEXT NOT NULL,
    opened_by  TEXT NOT NULL,
    split_parts INTEGER CHECK (split_parts IS NULL OR split_parts > 0), -- paid in N parts
    split_paid  INTEGER NOT NULL DEFAULT 0,                             -- parts paid so far
    closed_at  TEXT                 -- nothing left to pay
);
CREATE UNIQUE INDEX cafe_order_open_label ON cafe_order (label) WHERE closed_at IS NULL;

CREATE TABLE cafe_order_line (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES cafe_order (id),
    product_id    INTEGER REFERENCES menu_product (id),
    name          TEXT NOT NULL,
    unit_price    INTEGER NOT NULL CHECK (unit_price >= 0),  -- with its supplements
    vat_class     TEXT NOT NULL,
    station       TEXT NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    mode          TEXT NOT NULL CHECK (mode IN ('on_site', 'takeaway')),
    supplements   TEXT NOT NULL DEFAULT '',   -- « + œuf, + fromage »
    note          TEXT NOT NULL DEFAULT '',   -- « sans gluten »
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL,
    sent_at       TEXT,
    cancelled_at  TEXT,
    cancel_sent_at TEXT,                      -- its « ANNULÉ » slip went out
    paid_by       INTEGER REFERENCES document (id)
);
CREATE INDEX cafe_order_line_order ON cafe_order_line (order_id);

-- The tickets sent to the crêperie and the bar: a running number per station, and what
-- each said (JSON), so the last one can be printed again with one key.
CREATE TABLE kitchen_ticket (
    id            INTEGER PRIMARY KEY,
    station       TEXT NOT NULL CHECK (station IN ('creperie', 'bar')),
    number        INTEGER NOT NULL CHECK (number > 0),
    order_id      INTEGER NOT NULL REFERENCES cafe_order (id),
    cancellation  INTEGER NOT NULL CHECK (cancellation IN (0, 1)),
    sent_at       TEXT NOT NULL,
    ticket        TEXT NOT NULL,
    UNIQUE (station, number)
);
