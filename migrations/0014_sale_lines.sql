-- Why: reports. Takings by category (shop) or product (café) over a year used to read
-- every ticket's JSON payload (about 2 s for a year). Each real ticket's lines are now
-- also written here, in the same transaction as the ticket, copied from what the ticket
-- says (the category's name as printed, the line's total after its discounts, its VAT
-- rate, the grams it took out of the shop): a report groups plain columns over a date
-- range. The journal stays the reference: a test checks that these rows add up to every
-- ticket's total, and this migration fills them from the tickets already written.
CREATE TABLE sale_line (
    document_id    INTEGER NOT NULL,  -- the ticket (no foreign key: a copy, never a link)
    business_date  TEXT NOT NULL,
    terminal       TEXT NOT NULL,
    category       TEXT,             -- NULL for a café product
    label          TEXT NOT NULL,
    vat_rate       INTEGER NOT NULL, -- basis points
    quantity       INTEGER NOT NULL, -- negative on a refund
    ttc            INTEGER NOT NULL, -- cents, after the line's and the ticket's discounts
    grams          INTEGER,          -- negative when a refund brought them back
    estimated      INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
    service        TEXT              -- café: on_site / takeaway
);
CREATE INDEX sale_line_date ON sale_line (business_date, terminal);
CREATE TRIGGER sale_line_no_update BEFORE UPDATE ON sale_line
BEGIN SELECT RAISE(ABORT, 'ligne de ticket : jamais modifiée'); END;
CREATE TRIGGER sale_line_no_delete BEFORE DELETE ON sale_line
BEGIN SELECT RAISE(ABORT, 'ligne de ticket : jamais supprimée'); END;

INSERT INTO sale_line (document_id, business_date, terminal, category, label, vat_rate,
                       quantity, ttc, grams, estimated, service)
SELECT d.id, d.business_date, d.terminal, l.value ->> 'category', l.value ->> 'label',
       l.value ->> 'vat_rate', l.value ->> 'quantity', l.value ->> 'total',
       l.value ->> 'grams', ifnull(l.value ->> 'weight_estimated', 0),
       l.value ->> 'service'
FROM document d, json_each(d.payload, '$.lines') l
WHERE d.kind = 'ticket' AND d.training = 0
ORDER BY d.id, l.key;
