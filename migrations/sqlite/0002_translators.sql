-- Translators' accounts and web sessions, and the layout of each hosted page
-- (which unit sits where), so that an override can follow its unit when the
-- Japanese sentence under it is edited. Keep migrations/postgres/0002 equivalent.

-- An account. Only the SHA-256 of the API token is kept: the token is shown
-- once, when the account is made. `languages` holds the target codes the
-- translator may change, separated by spaces; admins may change every one.
CREATE TABLE translators (
    name         TEXT    PRIMARY KEY CHECK (name <> ''),
    token_sha256 TEXT    NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    role         TEXT    NOT NULL CHECK (role IN ('translator', 'admin')),
    languages    TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) WITHOUT ROWID;

-- A web editor session. The cookie holds a random id; only its SHA-256 is
-- kept, so a copy of the database cannot be used to log in. The CSRF token
-- is per session and goes into every form of the editor.
CREATE TABLE sessions (
    id_sha256  TEXT    PRIMARY KEY CHECK (length(id_sha256) = 64),
    translator TEXT    NOT NULL REFERENCES translators (name) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

-- The units of each hosted page as last served, in order. When the Japanese
-- of a page changes, an override of a unit whose sentence was edited is
-- carried to the edited sentence in state needs-review.
CREATE TABLE page_units (
    page        TEXT    NOT NULL,
    position    INTEGER NOT NULL CHECK (position >= 0),
    unit_key    TEXT    NOT NULL,
    source_text TEXT    NOT NULL,
    PRIMARY KEY (page, position)
) WITHOUT ROWID;

-- For an override in state needs-review: the Japanese it was written
-- against, so a reviewer sees what changed.
ALTER TABLE overrides ADD COLUMN previous_source TEXT;
