-- Why: the structure's view of every site. Each site (and each event laptop) is its own
-- pépite installation — its own SQLite file, key and series, selling with or without a
-- network — and pushes what it recorded into this PostgreSQL database, which consolidates
-- it. Every row carries the installation id it came from. What is fiscal (documents,
-- closings, the JET, the signed chain ends, the keys) is append-only here as on the site:
-- triggers refuse UPDATE and DELETE, and a trigger checks each document's and each
-- event's hash link to the previous one of its installation, and the hash itself, before
-- the row is stored — whoever writes it. The Ed25519 signatures are checked by pépite
-- (sync and `verify --central`): SQL has no Ed25519. The lists (sites, points of sale,
-- categories…) and the items' status are the site's current values, updated in place.
-- Row-level security lets a site's role read and add only its own installation's rows.

CREATE SCHEMA IF NOT EXISTS pepite;
SET search_path TO pepite;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pepite_site') THEN
        CREATE ROLE pepite_site NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pepite_reader') THEN
        CREATE ROLE pepite_reader NOLOGIN;
    END IF;
END $$;

-- One row per installation: registered by its first sync under its own role.
CREATE TABLE installation (
    id             TEXT PRIMARY KEY,          -- the site's key id (its installation's name)
    structure      TEXT NOT NULL,
    public_key     TEXT NOT NULL,             -- hex of the first Ed25519 public key
    created_at     TEXT NOT NULL,             -- as the site recorded it
    role_name      NAME NOT NULL DEFAULT current_user,
    registered_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE key_rotation (
    installation         TEXT NOT NULL REFERENCES installation (id),
    key_id               TEXT NOT NULL,
    public_key           TEXT NOT NULL,
    previous_public_key  TEXT NOT NULL,
    first_document       BIGINT NOT NULL,
    first_event          BIGINT NOT NULL,
    signature_old        TEXT NOT NULL,
    signature_new        TEXT NOT NULL,
    PRIMARY KEY (installation, key_id)
);

CREATE TABLE document (
    installation   TEXT NOT NULL REFERENCES installation (id),
    id             BIGINT NOT NULL,           -- the site's id: the chain's order
    series         TEXT NOT NULL,
    number         BIGINT NOT NULL CHECK (number > 0),
    kind           TEXT NOT NULL,
    terminal       TEXT NOT NULL,
    training       BOOLEAN NOT NULL,
    business_date  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    total          BIGINT NOT NULL,
    discount       BIGINT NOT NULL,
    change_given   BIGINT NOT NULL,
    refers_to      BIGINT,
    vat            JSONB NOT NULL,
    tenders        JSONB NOT NULL,
    detail         TEXT NOT NULL,
    payload        TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL,
    signature      TEXT,
    PRIMARY KEY (installation, series, number),
    UNIQUE (installation, id)
);
CREATE INDEX document_date ON document (business_date, kind);

CREATE TABLE closing (
    installation  TEXT NOT NULL,
    document_id   BIGINT NOT NULL,
    terminal      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    period        TEXT NOT NULL,
    PRIMARY KEY (installation, document_id),
    FOREIGN KEY (installation, document_id) REFERENCES document (installation, id)
);

CREATE TABLE event (
    installation  TEXT NOT NULL REFERENCES installation (id),
    id            BIGINT NOT NULL,
    code          TEXT NOT NULL,
    at            TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    terminal      TEXT NOT NULL,
    detail        TEXT NOT NULL,
    payload       TEXT NOT NULL,
    prev_hash     TEXT NOT NULL,
    hash          TEXT NOT NULL,
    PRIMARY KEY (installation, id)
);

-- Each signed end of chain a site sent, kept: the last one vouches for the whole chain.
CREATE TABLE chain_end (
    installation  TEXT NOT NULL REFERENCES installation (id),
    chain         TEXT NOT NULL CHECK (chain IN ('documents', 'events')),
    count         BIGINT NOT NULL,
    last_id       BIGINT NOT NULL,
    hash          TEXT NOT NULL,
    signature     TEXT NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (installation, chain, count)
);

-- What the central refused, and why: reported, never silently dropped.
CREATE TABLE refusal (
    id            BIGSERIAL PRIMARY KEY,
    installation  TEXT NOT NULL,
    record        TEXT NOT NULL,
    reason        TEXT NOT NULL,
    at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A copy of each real ticket's lines, as the site's reports read them.
CREATE TABLE sale_line (
    installation   TEXT NOT NULL,
    id             BIGINT NOT NULL,           -- the site's rowid
    document_id    BIGINT NOT NULL,
    business_date  TEXT NOT NULL,
    terminal       TEXT NOT NULL,
    category       TEXT,
    label          TEXT NOT NULL,
    vat_rate       BIGINT NOT NULL,
    quantity       BIGINT NOT NULL,
    ttc            BIGINT NOT NULL,
    grams          BIGINT,
    estimated      BOOLEAN NOT NULL,
    service        TEXT,
    PRIMARY KEY (installation, id),
    FOREIGN KEY (installation, document_id) REFERENCES document (installation, id)
);
CREATE INDEX sale_line_date ON sale_line (business_date);

-- The site's lists, as they are now (names are what reports group by).
CREATE TABLE site (
    installation  TEXT NOT NULL REFERENCES installation (id),
    id            BIGINT NOT NULL,
    name          TEXT NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE TABLE point_of_sale (
    installation  TEXT NOT NULL,
    id            BIGINT NOT NULL,
    site_id       BIGINT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    active        BOOLEAN NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE TABLE terminal (
    installation      TEXT NOT NULL,
    code              TEXT NOT NULL,
    name              TEXT NOT NULL,
    point_of_sale_id  BIGINT NOT NULL,
    PRIMARY KEY (installation, code)
);
CREATE TABLE payment_method (
    installation  TEXT NOT NULL,
    id            BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    label         TEXT NOT NULL,
    active        BOOLEAN NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE TABLE category (
    installation  TEXT NOT NULL,
    id            BIGINT NOT NULL,
    parent_id     BIGINT,
    name          TEXT NOT NULL,
    active        BOOLEAN NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE TABLE intake_source (
    installation  TEXT NOT NULL,
    id            BIGINT NOT NULL,
    name          TEXT NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE TABLE town (
    installation  TEXT NOT NULL,
    id            BIGINT NOT NULL,
    name          TEXT NOT NULL,
    PRIMARY KEY (installation, id)
);

-- Intakes and outbound flows: never edited on the site (a correction replaces), so
-- append-only here too.
CREATE TABLE intake (
    installation  TEXT NOT NULL REFERENCES installation (id),
    id            BIGINT NOT NULL,
    site_id       BIGINT NOT NULL,
    source_id     BIGINT NOT NULL,
    town_id       BIGINT,
    user_name     TEXT NOT NULL,
    at            TEXT NOT NULL,
    day           TEXT NOT NULL,
    replaces      BIGINT,
    reason        TEXT NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE INDEX intake_day ON intake (day);
CREATE INDEX intake_replaced ON intake (installation, replaces) WHERE replaces IS NOT NULL;
CREATE TABLE intake_line (
    installation  TEXT NOT NULL,
    intake_id     BIGINT NOT NULL,
    day           TEXT NOT NULL,              -- its intake's: a year's lines by index
    position      BIGINT NOT NULL,
    category_id   BIGINT NOT NULL,
    gross_g       BIGINT NOT NULL,
    tare_g        BIGINT NOT NULL,
    net_g         BIGINT NOT NULL,
    destination   TEXT NOT NULL,
    PRIMARY KEY (installation, intake_id, position),
    FOREIGN KEY (installation, intake_id) REFERENCES intake (installation, id)
);
CREATE INDEX intake_line_day ON intake_line (day);
CREATE TABLE outbound (
    installation  TEXT NOT NULL REFERENCES installation (id),
    id            BIGINT NOT NULL,
    site_id       BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    recipient     TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    at            TEXT NOT NULL,
    day           TEXT NOT NULL,
    replaces      BIGINT,
    reason        TEXT NOT NULL,
    PRIMARY KEY (installation, id)
);
CREATE INDEX outbound_day ON outbound (day);
CREATE INDEX outbound_replaced ON outbound (installation, replaces) WHERE replaces IS NOT NULL;
CREATE TABLE outbound_line (
    installation  TEXT NOT NULL,
    outbound_id   BIGINT NOT NULL,
    position      BIGINT NOT NULL,
    category_id   BIGINT,
    fraction      TEXT NOT NULL,
    weight_g      BIGINT NOT NULL,
    item_id       BIGINT,
    PRIMARY KEY (installation, outbound_id, position),
    FOREIGN KEY (installation, outbound_id) REFERENCES outbound (installation, id)
);

-- Labelled items and their status now (sold, back in stock, withdrawn).
CREATE TABLE item (
    installation      TEXT NOT NULL REFERENCES installation (id),
    id                BIGINT NOT NULL,
    code              TEXT NOT NULL,
    category_id       BIGINT NOT NULL,
    price             BIGINT NOT NULL,
    weight_g          BIGINT NOT NULL,
    weight_estimated  BOOLEAN NOT NULL,
    point_of_sale_id  BIGINT,
    status            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    document_id       BIGINT,
    status_at         TEXT,
    PRIMARY KEY (installation, id)
);
CREATE INDEX item_status ON item (status);

-- The chain, checked by the database itself: a record must come after every record of
-- its installation already stored, link to the last one's hash (the first to the
-- genesis), and hash to SHA-256(previous hash ‖ payload).
CREATE FUNCTION check_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_id    BIGINT;
    last_hash  TEXT;
BEGIN
    -- Static queries, one per table: their plans are kept for every row.
    IF TG_TABLE_NAME = 'document' THEN
        SELECT d.id, d.hash INTO last_id, last_hash FROM pepite.document d
         WHERE d.installation = NEW.installation ORDER BY d.id DESC LIMIT 1;
    ELSE
        SELECT e.id, e.hash INTO last_id, last_hash FROM pepite.event e
         WHERE e.installation = NEW.installation ORDER BY e.id DESC LIMIT 1;
    END IF;
    IF last_id IS NOT NULL AND NEW.id <= last_id THEN
        RAISE EXCEPTION 'pepite: % % de %: déjà reçu jusqu''au n° %',
            TG_TABLE_NAME, NEW.id, NEW.installation, last_id;
    END IF;
    IF NEW.prev_hash <> coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'pepite: % % de %: chaînage rompu', TG_TABLE_NAME, NEW.id, NEW.installation;
    END IF;
    IF NEW.hash <> encode(sha256(convert_to(NEW.prev_hash || NEW.payload, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'pepite: % % de %: empreinte fausse', TG_TABLE_NAME, NEW.id, NEW.installation;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER document_link BEFORE INSERT ON document
    FOR EACH ROW EXECUTE FUNCTION check_link();
CREATE TRIGGER event_link BEFORE INSERT ON event
    FOR EACH ROW EXECUTE FUNCTION check_link();

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pepite: % inaltérable', TG_TABLE_NAME;
END $$;
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['installation', 'key_rotation', 'document', 'closing', 'event',
                             'chain_end', 'refusal', 'sale_line', 'intake', 'intake_line',
                             'outbound', 'outbound_line'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION refuse_change()', t || '_append_only', t);
    END LOOP;
END $$;

-- A site's role: its own installation's rows only.
CREATE FUNCTION my_installation() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pepite AS
$$ SELECT id FROM installation WHERE role_name = session_user $$;

GRANT USAGE ON SCHEMA pepite TO pepite_site, pepite_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA pepite TO pepite_reader;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA pepite TO pepite_site;
GRANT UPDATE ON site, point_of_sale, terminal, payment_method, category, intake_source,
                town, item TO pepite_site;
GRANT USAGE ON SEQUENCE refusal_id_seq TO pepite_site;
GRANT EXECUTE ON FUNCTION my_installation() TO pepite_site;

ALTER TABLE installation ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON installation TO pepite_site
    USING (role_name = session_user) WITH CHECK (role_name = session_user);
CREATE POLICY everything ON installation TO pepite_reader USING (true);
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['key_rotation', 'document', 'closing', 'event', 'chain_end',
                             'refusal', 'sale_line', 'site', 'point_of_sale', 'terminal',
                             'payment_method', 'category', 'intake_source', 'town', 'intake',
                             'intake_line', 'outbound', 'outbound_line', 'item'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY own ON %I TO pepite_site
                        USING (installation = my_installation())
                        WITH CHECK (installation = my_installation())', t);
        EXECUTE format('CREATE POLICY everything ON %I TO pepite_reader USING (true)', t);
    END LOOP;
END $$;
