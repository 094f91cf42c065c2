-- Why: a ticket being made, and every parked ticket, is a draft — not a fiscal document —
-- but a cashier must never lose it: not on quit, not on a crash or a power cut. The till
-- writes its drafts here as they change (one row per terminal and slot: 0 is the ticket
-- in progress, 1… the parked ones) and reads them back when it opens. Drafts are
-- replaced in place; the sale that ends one is the journal's document.
CREATE TABLE till_draft (
    terminal    TEXT NOT NULL,
    slot        INTEGER NOT NULL CHECK (slot >= 0),
    cart        TEXT NOT NULL,   -- the cart as JSON (lines, prices, discounts, weights)
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (terminal, slot)
) WITHOUT ROWID;
