-- Why: what leaves the shop without being sold is reported by fraction to the recyclers
-- and the eco-organisations, and by recipient to the funders. Typed as free text, « mét »
-- and « métaux » became two fractions and every figure by fraction was wrong. Fractions
-- and recipients are now lists a manager keeps (like sources and towns), chosen by their
-- first letters at the bench; the usual fractions are there from the start.
CREATE TABLE outbound_fraction (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE outbound_recipient (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO outbound_fraction (name) VALUES
    ('Ferraille'), ('Métaux non ferreux'), ('DEEE'), ('Textile'), ('Bois'), ('Carton'),
    ('Papier'), ('Verre'), ('Plastiques'), ('Mobilier (DEA)'), ('Tout-venant'),
    ('Déchets dangereux');

-- Each outbound record keeps the container whose tare was taken off its lines.
ALTER TABLE outbound_line ADD COLUMN tare_g INTEGER NOT NULL DEFAULT 0 CHECK (tare_g >= 0);
