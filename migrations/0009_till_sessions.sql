-- Why: a business day is the till's session — opened by its first document (the opening
-- float), closed by its Z, at most 24 hours — not the calendar date: a café evening runs
-- past midnight, and after a Z made by mistake at noon a second session may open the same
-- day. A session is found from the terminal's last Z, so that lookup must be one index
-- probe whatever the length of the history; the period closings (months, years) are
-- looked up by terminal and kind the same way.
CREATE INDEX closing_terminal_kind_document ON closing (terminal, kind, document_id);
