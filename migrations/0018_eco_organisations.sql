-- Why: the eco-organisations that fund reuse per tonne (Ecomaison for furniture, toys and
-- DIY, Refashion for textiles and shoes, Ecologic for electrical goods and sport) each
-- have their own categories. A manager maps ours to theirs; the quarterly declaration adds
-- up each of their categories' kilos in, reused and recycled, and lists our categories
-- that map to none, so nothing is dropped without being seen.
CREATE TABLE eco_mapping (
    org           TEXT NOT NULL CHECK (org IN ('ecomaison', 'refashion', 'ecologic')),
    category_id   INTEGER NOT NULL REFERENCES category (id),
    eco_category  TEXT NOT NULL CHECK (length(eco_category) BETWEEN 1 AND 80),
    PRIMARY KEY (category_id)   -- one eco-organisation per category of ours
) WITHOUT ROWID;
