-- Why: a slip that could not be printed must not vanish with the process. Every job sent
-- to a printer is kept here until the printer has taken all its bytes (and, over the
-- network, closed the exchange), so it survives a restart, is listed with its faults, and
-- can be printed again or discarded by a person. Not fiscal: the document it prints is
-- in the journal already; a job is only paper to come.
CREATE TABLE print_job (
    id          INTEGER PRIMARY KEY,
    -- The printer's address as configured (`tcp:…`, `device:…`, `file:…`).
    printer     TEXT NOT NULL,
    title       TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    -- Set once: printed, or discarded by a person.
    done_at     TEXT,
    outcome     TEXT CHECK (outcome IN ('printed', 'discarded'))
);
CREATE INDEX print_job_pending ON print_job (printer, id) WHERE done_at IS NULL;
