-- Version 5: the database explains itself. `metadata` says what the file was
-- built from and describes every table, view and column; the application id
-- lets file(1) and apps recognise a statusdb database without opening it.

PRAGMA application_id = 1398031426;  -- 0x53544442, 'STDB' in ASCII

CREATE TABLE metadata (
    kind  TEXT NOT NULL CHECK (kind IN ('database', 'locale', 'table', 'view', 'column')),
    name  TEXT NOT NULL,   -- 'source_hash'; a locale tag; a table; 'table.column'
    value TEXT NOT NULL,   -- the value, the locale's percent complete, or a description
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
