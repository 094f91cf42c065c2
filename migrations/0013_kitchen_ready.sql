-- Why: the kitchen screen. A terminal in the crêperie (or at the bar) shows the tickets
-- sent to its station that are not ready yet, oldest first; a key marks one « prêt » and
-- the café terminals show the order ready. A ticket is never deleted: being ready is a
-- time set once.
ALTER TABLE kitchen_ticket ADD COLUMN ready_at TEXT;
CREATE INDEX kitchen_ticket_waiting ON kitchen_ticket (station, id) WHERE ready_at IS NULL;
CREATE INDEX kitchen_ticket_order ON kitchen_ticket (order_id);
