-- Why: several sites consolidate into a central PostgreSQL. The central is the reference
-- for what it holds (a sync asks it where each chain stops); this table only remembers,
-- for the status line, how far the last successful sync went and when — so « N à
-- transmettre » is counted here without a network. Items change status after they were
-- sent (sold, refunded, withdrawn): the index finds those changed since the last sync.
CREATE TABLE central_sync (
    what   TEXT PRIMARY KEY,   -- documents, events, intakes, outbounds, items
    up_to  INTEGER NOT NULL,   -- the last id the central confirmed
    mark   TEXT NOT NULL DEFAULT '',  -- items: the last status_at sent
    at     TEXT NOT NULL       -- when that sync succeeded
);
CREATE INDEX item_status_at ON item (status_at) WHERE status_at IS NOT NULL;
