-- One row that readiness checks rewrite, to find out whether the database
-- takes writes right now (a full disk, an I/O error, a read-only file or a
-- lock held elsewhere all make that write fail). Keep migrations/postgres/0005
-- equivalent.
CREATE TABLE write_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at INTEGER NOT NULL
);
INSERT INTO write_probe (id, at) VALUES (1, 0);
