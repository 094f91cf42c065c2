-- Why: a structure leaving Oressource keeps its years of figures — the funders compare
-- year on year. They come over as imported history, apart from the fiscal journal
-- (Oressource had none, so they never become tickets): each import once (the dump's
-- digest), its lists by their Oressource ids, its sales, intakes and outbound flows with
-- their weighed lines, amounts in cents and weights in grams, each fact with its day.

CREATE TABLE ores_import (
    id         INTEGER PRIMARY KEY,
    -- SHA-256 of the dump as read (decompressed): the same dump is not imported twice.
    digest     TEXT NOT NULL UNIQUE,
    file       TEXT NOT NULL,
    structure  TEXT NOT NULL DEFAULT '',
    user_name  TEXT NOT NULL,
    at         TEXT NOT NULL,
    -- JSON: rows read, imported and refused (with their reason) per table.
    summary    TEXT NOT NULL
);

-- Oressource's lists: type_dechets (category), type_collecte (source), localites (town),
-- moyens_paiement (payment), points_collecte / points_vente / points_sortie, type_sortie,
-- type_dechets_evac (evac), types_poubelles (bin), type_contenants (container),
-- conventions_sorties (partner), filieres_sortie (recycler), grille_objets (grid),
-- utilisateurs (user: a name, never the password).
CREATE TABLE ores_list (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    list       TEXT NOT NULL,
    id         INTEGER NOT NULL,
    name       TEXT NOT NULL,
    colour     TEXT NOT NULL DEFAULT '',
    -- A container's or bin's tare in grams, a grid price in cents.
    amount     INTEGER,
    -- A grid line's category.
    parent     INTEGER,
    visible    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (import_id, list, id)
) WITHOUT ROWID;

CREATE TABLE ores_sale (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    id         INTEGER NOT NULL,
    at         TEXT NOT NULL,
    day        TEXT NOT NULL,
    payment    INTEGER NOT NULL,
    point      INTEGER NOT NULL,
    PRIMARY KEY (import_id, id)
) WITHOUT ROWID;

-- `amount`: what the line sold (a lot's price, else price × quantity); `refund`: what it
-- gave back (refund × quantity, as Oressource's bilans count it).
CREATE TABLE ores_sale_line (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    id         INTEGER NOT NULL,
    sale       INTEGER NOT NULL,
    category   INTEGER NOT NULL,
    quantity   INTEGER NOT NULL,
    amount     INTEGER NOT NULL,
    refund     INTEGER NOT NULL,
    lot        INTEGER NOT NULL,
    grams      INTEGER NOT NULL DEFAULT 0,
    day        TEXT NOT NULL,
    PRIMARY KEY (import_id, id)
) WITHOUT ROWID;
CREATE INDEX ores_sale_line_day ON ores_sale_line (day);

CREATE TABLE ores_intake (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    id         INTEGER NOT NULL,
    at         TEXT NOT NULL,
    day        TEXT NOT NULL,
    source     INTEGER NOT NULL,
    town       INTEGER NOT NULL,
    point      INTEGER NOT NULL,
    PRIMARY KEY (import_id, id)
) WITHOUT ROWID;

CREATE TABLE ores_intake_line (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    id         INTEGER NOT NULL,
    intake     INTEGER NOT NULL,
    category   INTEGER NOT NULL,
    grams      INTEGER NOT NULL,
    day        TEXT NOT NULL,
    PRIMARY KEY (import_id, id)
) WITHOUT ROWID;
CREATE INDEX ores_intake_line_day ON ores_intake_line (day);

-- `class`: sorties (don), sortiesc (convention), sortiesr (recycleur), sortiesp
-- (poubelles), sortiesd (déchèterie).
CREATE TABLE ores_outbound (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    id         INTEGER NOT NULL,
    at         TEXT NOT NULL,
    day        TEXT NOT NULL,
    class      TEXT NOT NULL,
    partner    INTEGER,
    recycler   INTEGER,
    exit_type  INTEGER,
    point      INTEGER NOT NULL,
    PRIMARY KEY (import_id, id)
) WITHOUT ROWID;

CREATE TABLE ores_outbound_line (
    import_id  INTEGER NOT NULL REFERENCES ores_import (id),
    id         INTEGER NOT NULL,
    outbound   INTEGER NOT NULL,
    category   INTEGER,
    bin        INTEGER,
    evac       INTEGER,
    grams      INTEGER NOT NULL,
    day        TEXT NOT NULL,
    PRIMARY KEY (import_id, id)
) WITHOUT ROWID;
CREATE INDEX ores_outbound_line_day ON ores_outbound_line (day);

-- A category's colour, as Oressource showed it (its lists come over into pépite's own).
ALTER TABLE category ADD COLUMN colour TEXT NOT NULL DEFAULT '';
