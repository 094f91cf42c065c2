-- Why: the shop till sells labelled items (one row each, with an in-store EAN-13 code and
-- a status), unlabelled goods by category or price-grid entry, and takes vouchers
-- (avoirs) whose balance must be tracked. A category now carries what a category line
-- needs at the till: VAT rate, default price, a shortcut, and whether its goods are sold
-- with a guarantee (receipt printed automatically). Sold weights are recorded with the
-- sale, measured or estimated, for tonnage reports. Items change status in place (in
-- stock → sold or withdrawn); the sale that did it is the journal's document.

ALTER TABLE category ADD COLUMN vat_bp INTEGER NOT NULL DEFAULT 2000
    CHECK (vat_bp BETWEEN 0 AND 10000);
ALTER TABLE category ADD COLUMN default_price INTEGER CHECK (default_price IS NULL OR default_price >= 0);
ALTER TABLE category ADD COLUMN shortcut TEXT;
ALTER TABLE category ADD COLUMN guarantee INTEGER NOT NULL DEFAULT 0 CHECK (guarantee IN (0, 1));
CREATE UNIQUE INDEX category_shortcut ON category (shortcut) WHERE shortcut IS NOT NULL;

-- Entries of the price grid: "Assiette 0,50 €", "Jean 4 €", with a shortcut for the till.
CREATE TABLE price_entry (
    id             INTEGER PRIMARY KEY,
    category_id    INTEGER NOT NULL REFERENCES category (id),
    name           TEXT NOT NULL,
    price          INTEGER NOT NULL CHECK (price >= 0),
    price_max      INTEGER CHECK (price_max IS NULL OR price_max >= price),
    unit_weight_g  INTEGER CHECK (unit_weight_g IS NULL OR unit_weight_g > 0),
    shortcut       TEXT,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (category_id, name)
);
CREATE UNIQUE INDEX price_entry_shortcut ON price_entry (shortcut) WHERE shortcut IS NOT NULL;

CREATE TABLE item (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE CHECK (length(code) = 13),
    category_id       INTEGER NOT NULL REFERENCES category (id),
    description       TEXT NOT NULL,
    price             INTEGER NOT NULL CHECK (price >= 0),
    weight_g          INTEGER NOT NULL CHECK (weight_g > 0),
    weight_estimated  INTEGER NOT NULL CHECK (weight_estimated IN (0, 1)),
    point_of_sale_id  INTEGER REFERENCES point_of_sale (id),
    status            TEXT NOT NULL DEFAULT 'in_stock'
                      CHECK (status IN ('in_stock', 'sold', 'withdrawn')),
    created_at        TEXT NOT NULL,
    -- The ticket that sold it (and, after a refund, the last one); when it left stock.
    document_id       INTEGER REFERENCES document (id),
    status_at         TEXT
);
CREATE INDEX item_status ON item (status, category_id);

-- What each sale took out of the shop, in grams, for tonnage (réemploi) reports.
CREATE TABLE sold_weight (
    document_id  INTEGER NOT NULL REFERENCES document (id),
    category_id  INTEGER REFERENCES category (id),
    item_id      INTEGER REFERENCES item (id),
    grams        INTEGER NOT NULL,
    estimated    INTEGER NOT NULL CHECK (estimated IN (0, 1))
);
CREATE INDEX sold_weight_document ON sold_weight (document_id);

-- Vouchers (avoirs): issued by a ticket (change or refund), spent by later tickets.
CREATE TABLE voucher (
    code         TEXT PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES document (id),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    issued_at    TEXT NOT NULL
);
CREATE TABLE voucher_use (
    code         TEXT NOT NULL REFERENCES voucher (code),
    document_id  INTEGER NOT NULL REFERENCES document (id),
    amount       INTEGER NOT NULL CHECK (amount > 0)
);
CREATE INDEX voucher_use_code ON voucher_use (code);

-- Refunds and duplicates of a ticket, found without scanning years of documents; partial,
-- so an ordinary sale writes nothing to it.
CREATE INDEX document_refers_to ON document (refers_to) WHERE refers_to IS NOT NULL;
