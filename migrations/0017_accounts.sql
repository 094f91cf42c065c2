-- Why: the accountant's export. Each day's Z becomes an accounting entry; the accounts it
-- uses are the structure's chart: sales by category (706…/707…), VAT collected by rate
-- (44571…), money by payment method (530 caisse, 5112 chèques, 5115 cartes…), fees (756),
-- donations (754), gift vouchers (4191), cash differences (658/758). pépite proposes the
-- usual accounts; a manager sets the structure's own here (a setting, set again freely).
CREATE TABLE account (
    kind    TEXT NOT NULL CHECK (kind IN ('category', 'cafe', 'method', 'rate', 'special')),
    key     TEXT NOT NULL,   -- a category's name, a payment kind, a rate in basis points…
    number  TEXT NOT NULL CHECK (length(number) BETWEEN 3 AND 20 AND number NOT GLOB '*[^0-9A-Z]*'),
    label   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
