-- Readers' reports of translation problems, and where each one stands.
-- Keep migrations/sqlite/0004 equivalent.
--
-- A report holds what the reader wrote about one unit of one page in one
-- target language, and nothing about the reader: no address, no user agent,
-- no cookie, no e-mail. The per-address rate limit of the report form lives
-- in memory only and is never written here.
CREATE TABLE reports (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page        TEXT    NOT NULL CHECK (page <> ''),
    unit_key    TEXT    NOT NULL CHECK (unit_key <> ''),
    target_lang TEXT    NOT NULL,
    message     TEXT    NOT NULL CHECK (message <> ''),
    created_at  BIGINT  NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    -- The translator who resolved it, and when; both set exactly when resolved.
    resolved_by TEXT,
    resolved_at BIGINT,
    CHECK ((status = 'open' AND resolved_by IS NULL AND resolved_at IS NULL)
        OR (status = 'resolved' AND resolved_by IS NOT NULL AND resolved_at IS NOT NULL))
);

-- The translators' queue: open reports of a language, newest first.
CREATE INDEX reports_queue ON reports (status, target_lang, created_at);
