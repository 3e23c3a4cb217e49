-- The segmenter version every unit key in this database was made under
-- (unit keys hash the version with the text). A newer segmenter re-keys the
-- memory, overrides, their history, reports and page layouts at start-up and
-- records its version here, so the re-keying happens once, whichever
-- instance gets to it first. Keep migrations/postgres/0006 equivalent.
CREATE TABLE keyed_under (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    segmenter_version INTEGER NOT NULL
);
INSERT INTO keyed_under (id, segmenter_version) VALUES (1, 1);
