-- Why: a key that may have been copied must be replaced without breaking what it signed.
-- A rotation is a record signed by both keys — the old one hands over, the new one
-- accepts — naming the first document and event the new key signs: `verify` checks every
-- closing, archive and rotation with the key of its time. Never updated or deleted, like
-- the journal. The installation row keeps the first key.
CREATE TABLE key_rotation (
    id                   INTEGER PRIMARY KEY,
    key_id               TEXT NOT NULL UNIQUE,
    public_key           TEXT NOT NULL,   -- hex of the new Ed25519 public key
    previous_public_key  TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    first_document       INTEGER NOT NULL,
    first_event          INTEGER NOT NULL,
    signature_old        TEXT NOT NULL,   -- the previous key over the rotation's message
    signature_new        TEXT NOT NULL    -- the new key over it
);

CREATE TRIGGER key_rotation_no_update BEFORE UPDATE ON key_rotation
BEGIN SELECT RAISE(ABORT, 'rotation de clé inaltérable'); END;
CREATE TRIGGER key_rotation_no_delete BEFORE DELETE ON key_rotation
BEGIN SELECT RAISE(ABORT, 'rotation de clé inaltérable'); END;
