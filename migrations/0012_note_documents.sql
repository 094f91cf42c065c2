-- Why: a café's bill printed before payment is a *note* (pre-bill) that must be kept in
-- the journal, in a series of its own, so a printed bill can never vanish. The document
-- kinds are a CHECK on `document`; this widens it with 'note'. Widening a CHECK keeps every
-- row valid, so it is done the way SQLite documents for loosening a constraint (ALTER
-- TABLE, « Making Other Kinds Of Table Schema Changes »): the table's SQL is edited in the
-- schema, in this migration's transaction; the runner then bumps `schema_version`, turns
-- `writable_schema` off and runs `integrity_check` before committing. The table, its rows,
-- its triggers and every foreign key pointing at it stay as they are.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''closing'', ''archive'')', '''closing'', ''archive'', ''note'')')
 WHERE type = 'table' AND name = 'document'
   AND sql NOT LIKE '%''note''%';
