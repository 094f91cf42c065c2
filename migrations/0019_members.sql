-- Why: the membership and the gifts of money. A member register (numbers never reused,
-- personal data in this table only, so erasing a member is one row to anonymise), the
-- fee offers a manager defines, the fees paid (each tied to the payment proof of the
-- journal that took its money, which names the member by number only), the donations
-- of money with their donor, and the tax receipts (reçus fiscaux, Cerfa 11580): numbered
-- gaplessly per calendar year and never altered once issued. Member prices on shop
-- categories and café products. The structure says whether it is d'intérêt général.

-- AUTOINCREMENT: a member's number is never given again, even after an erasure.
CREATE TABLE member (
    number        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL CHECK (kind IN ('individuel', 'famille', 'solidaire',
                                                'bienfaiteur', 'personne_morale')),
    last_name     TEXT NOT NULL DEFAULT '',
    first_name    TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    postcode      TEXT NOT NULL DEFAULT '',
    town          TEXT NOT NULL DEFAULT '',
    email         TEXT,
    phone         TEXT,
    consent       INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    joined_on     TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    -- Name folded (lower case, no accents, organisation or « nom prénom »): the prefix
    -- search and the duplicate check read it through its index.
    search_key    TEXT NOT NULL DEFAULT '',
    -- Where an imported member came from (« helloasso:1234 »): a second import skips it.
    import_key    TEXT UNIQUE,
    created_at    TEXT NOT NULL,
    erased_at     TEXT,
    CHECK (length(last_name) + length(organisation) > 0 OR erased_at IS NOT NULL)
);
CREATE INDEX member_search ON member (search_key, town);
CREATE INDEX member_email ON member (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE membership_offer (
    id            INTEGER PRIMARY KEY,
    label         TEXT NOT NULL UNIQUE CHECK (length(label) BETWEEN 1 AND 60),
    -- NULL: prix libre, at least min_amount.
    amount        INTEGER CHECK (amount IS NULL OR amount > 0),
    min_amount    INTEGER NOT NULL DEFAULT 0 CHECK (min_amount >= 0),
    validity      TEXT NOT NULL CHECK (validity IN ('calendar_year', 'twelve_months', 'season')),
    season_month  INTEGER CHECK (season_month IS NULL OR season_month BETWEEN 1 AND 12),
    kind          TEXT CHECK (kind IS NULL OR kind IN ('individuel', 'famille', 'solidaire',
                                                       'bienfaiteur', 'personne_morale')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position      INTEGER NOT NULL DEFAULT 0,
    CHECK (validity <> 'season' OR season_month IS NOT NULL)
);

-- One fee paid: the journal's proof that took the money (NULL for a fee imported from
-- another tool), and the period it covers.
CREATE TABLE membership (
    id             INTEGER PRIMARY KEY,
    member_number  INTEGER NOT NULL REFERENCES member (number),
    offer_label    TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    paid_on        TEXT NOT NULL,
    valid_from     TEXT NOT NULL,
    valid_until    TEXT NOT NULL CHECK (valid_until >= valid_from),
    document_id    INTEGER REFERENCES document (id),
    source         TEXT NOT NULL DEFAULT 'till' CHECK (source IN ('till', 'import')),
    -- An imported fee's origin (« helloasso:12345 »): a second import skips it.
    import_key     TEXT UNIQUE
);
CREATE INDEX membership_member ON membership (member_number, valid_until);
CREATE INDEX membership_until ON membership (valid_until);

-- A gift of money taken at a till (its proof in the journal) and who gave it: a member
-- by number, or a name and address typed for the tax receipt.
CREATE TABLE donation (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL UNIQUE REFERENCES document (id),
    member_number  INTEGER REFERENCES member (number),
    donor_name     TEXT NOT NULL DEFAULT '',
    donor_address  TEXT NOT NULL DEFAULT '',
    amount         INTEGER NOT NULL CHECK (amount > 0),
    day            TEXT NOT NULL,
    -- How the money came: cash, cheque, card (the Cerfa asks).
    method_kind    TEXT NOT NULL,
    receipt_id     INTEGER REFERENCES tax_receipt (id)
);
CREATE INDEX donation_member ON donation (member_number, day);
CREATE INDEX donation_day ON donation (day);

-- A reçu fiscal as issued: its number in its year and everything it says, frozen in
-- `content` (canonical JSON) so a reprint is the same receipt marked DUPLICATA.
CREATE TABLE tax_receipt (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL CHECK (number > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('single', 'yearly')),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    issued_at   TEXT NOT NULL,
    content     TEXT NOT NULL,
    reprints    INTEGER NOT NULL DEFAULT 0 CHECK (reprints >= 0),
    UNIQUE (year, number)
);
-- Issued means frozen: only the reprint counter moves.
CREATE TRIGGER tax_receipt_frozen BEFORE UPDATE OF year, number, kind, amount, issued_at,
    content ON tax_receipt
BEGIN
    SELECT RAISE(ABORT, 'reçu fiscal émis : il ne se modifie pas');
END;
CREATE TRIGGER tax_receipt_kept BEFORE DELETE ON tax_receipt
BEGIN
    SELECT RAISE(ABORT, 'reçu fiscal émis : il ne se supprime pas');
END;

ALTER TABLE category ADD COLUMN member_price INTEGER
    CHECK (member_price IS NULL OR member_price >= 0);
ALTER TABLE menu_product ADD COLUMN member_price INTEGER
    CHECK (member_price IS NULL OR member_price >= 0);

ALTER TABLE structure ADD COLUMN general_interest INTEGER NOT NULL DEFAULT 0
    CHECK (general_interest IN (0, 1));
-- What the Cerfa 11580 prints under « Objet » and who signs it.
ALTER TABLE structure ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE structure ADD COLUMN receipt_signatory TEXT NOT NULL DEFAULT '';
-- The member whose card was scanned on a café order: its lines take member prices.
ALTER TABLE cafe_order ADD COLUMN member_number INTEGER REFERENCES member (number);
