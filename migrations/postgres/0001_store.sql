-- honyaku store, PostgreSQL. Timestamps are Unix milliseconds, days are
-- YYYY-MM-DD in UTC, languages are BCP 47 codes (ja, en, zh-Hans, zh-Hant, ko).
-- Keep migrations/sqlite/0001_store.sql equivalent: one conformance suite
-- (tests/it/store.rs) runs against both. A released migration is never
-- edited (sqlx checks each applied file's checksum at start-up): change the
-- schema with a new numbered file in both directories.

-- Translation memory: one row per translation of a unit, so that nothing is
-- paid for twice. A new glossary or segmenter version makes new rows instead
-- of overwriting what was paid for under the old ones.
CREATE TABLE tm (
    unit_key          TEXT   NOT NULL CHECK (unit_key <> ''),
    source_lang       TEXT   NOT NULL,
    target_lang       TEXT   NOT NULL,
    provider          TEXT   NOT NULL,
    model             TEXT   NOT NULL,
    glossary_version  BIGINT NOT NULL,
    segmenter_version BIGINT NOT NULL,
    source_text       TEXT   NOT NULL,
    text              TEXT   NOT NULL,
    origin            TEXT   NOT NULL CHECK (origin IN ('machine', 'translator', 'bundled')),
    characters_billed BIGINT NOT NULL CHECK (characters_billed >= 0),
    created_at        BIGINT NOT NULL,
    used_at           BIGINT NOT NULL,
    PRIMARY KEY (unit_key, source_lang, target_lang, provider, model,
                 glossary_version, segmenter_version)
);

-- Lookups are by (unit keys, target, glossary version, segmenter version).
CREATE INDEX tm_by_target ON tm (target_lang, glossary_version, segmenter_version, unit_key);

-- Translators' corrections: at most one live override per unit and target.
-- `version` counts every change of (unit_key, target_lang) and is never
-- reused, not even after a revert, so it doubles as the optimistic
-- concurrency token.
CREATE TABLE overrides (
    unit_key    TEXT   NOT NULL CHECK (unit_key <> ''),
    target_lang TEXT   NOT NULL,
    text        TEXT   NOT NULL,
    version     BIGINT NOT NULL CHECK (version >= 1),
    state       TEXT   NOT NULL CHECK (state IN ('approved', 'needs-review')),
    author      TEXT   NOT NULL,
    source_text TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (unit_key, target_lang)
);

-- Append-only history of every override change; text NULL is a revert to
-- the machine translation.
CREATE TABLE override_history (
    id          BIGSERIAL PRIMARY KEY,
    unit_key    TEXT   NOT NULL,
    target_lang TEXT   NOT NULL,
    version     BIGINT NOT NULL CHECK (version >= 1),
    text        TEXT,
    state       TEXT   NOT NULL CHECK (state IN ('approved', 'needs-review')),
    author      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (unit_key, target_lang, version)
);

-- Characters and requests sent to each provider per UTC day, for budgets.
CREATE TABLE usage (
    provider   TEXT   NOT NULL,
    day        TEXT   NOT NULL CHECK (length(day) = 10),
    characters BIGINT NOT NULL DEFAULT 0,
    requests   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, day)
);

-- One counter bumped in the same transaction as every override change, so a
-- cache keyed by it sees changes made by any instance.
CREATE TABLE generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT  NOT NULL
);
INSERT INTO generation (id, value) VALUES (1, 0);
