-- The glossary: per target language, Japanese terms and the translation
-- machine translation must use for each. Keep migrations/sqlite/0003
-- equivalent.
CREATE TABLE glossary (
    target_lang TEXT    NOT NULL CHECK (target_lang <> 'ja'),
    term        TEXT    NOT NULL CHECK (term <> ''),
    translation TEXT    NOT NULL CHECK (translation <> ''),
    note        TEXT    NOT NULL DEFAULT '',
    author      TEXT    NOT NULL,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (target_lang, term)
);
