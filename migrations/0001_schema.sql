-- statusdb schema, version 1: the facts and the rendered text, one row per
-- code, locale and string. Pair pages are views over these (0002).

CREATE TABLE locales (
    tag          TEXT PRIMARY KEY,                 -- BCP 47, e.g. 'en', 'ru'
    name         TEXT NOT NULL,                    -- English name
    native_name  TEXT NOT NULL,                    -- name in the language itself
    is_reference INTEGER NOT NULL CHECK (is_reference IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE status_codes (
    code            INTEGER PRIMARY KEY CHECK (code BETWEEN 100 AND 599),
    class           TEXT NOT NULL,                 -- '1xx' .. '5xx'
    reason_phrase   TEXT NOT NULL,                 -- '' when the vendor gives none
    label           TEXT NOT NULL,                 -- '404 Not Found', or '460'
    registry_status TEXT NOT NULL CHECK (registry_status IN
        ('standard', 'provisional', 'unused', 'deprecated', 'obsoleted', 'unofficial')),
    vendor          TEXT NOT NULL,                 -- '' for registered codes
    reference       TEXT NOT NULL,                 -- 'RFC 9110 §15.5.4', vendor docs
    cacheable       INTEGER NOT NULL CHECK (cacheable IN (0, 1)),  -- by default
    typical_headers TEXT NOT NULL,                 -- 'Location, Retry-After' or ''
    action_by       TEXT NOT NULL CHECK (action_by IN ('client', 'server', 'none'))
);

CREATE TABLE status_code_aliases (
    code  INTEGER NOT NULL REFERENCES status_codes (code),
    alias TEXT NOT NULL,                           -- former or popular reason phrase
    PRIMARY KEY (code, alias)
) WITHOUT ROWID;

CREATE TABLE ui_text (
    locale      TEXT NOT NULL REFERENCES locales (tag),
    key         TEXT NOT NULL,                     -- Fluent message id, e.g. 'heading-how-to-fix'
    value       TEXT NOT NULL,
    is_fallback INTEGER NOT NULL CHECK (is_fallback IN (0, 1)),
    PRIMARY KEY (locale, key)
) WITHOUT ROWID;

CREATE TABLE code_text (
    locale          TEXT NOT NULL REFERENCES locales (tag),
    code            INTEGER NOT NULL REFERENCES status_codes (code),
    name            TEXT NOT NULL,
    summary         TEXT NOT NULL,
    description     TEXT NOT NULL,
    seen_when       TEXT NOT NULL,
    how_to_fix      TEXT NOT NULL,
    use_when        TEXT NOT NULL,
    fallback_fields TEXT NOT NULL,                 -- 'description,how_to_fix': from the reference locale
    missing_fields  TEXT NOT NULL,                 -- fields no locale has text for
    PRIMARY KEY (locale, code)
) WITHOUT ROWID;

CREATE TABLE pair_notes (
    locale      TEXT NOT NULL REFERENCES locales (tag),
    code_low    INTEGER NOT NULL REFERENCES status_codes (code),
    code_high   INTEGER NOT NULL REFERENCES status_codes (code),
    note        TEXT NOT NULL,
    is_fallback INTEGER NOT NULL CHECK (is_fallback IN (0, 1)),
    PRIMARY KEY (locale, code_low, code_high),
    CHECK (code_low < code_high)
) WITHOUT ROWID;

CREATE TABLE translation_status (
    locale     TEXT PRIMARY KEY REFERENCES locales (tag),
    total      INTEGER NOT NULL,                   -- strings in the reference locale
    translated INTEGER NOT NULL,
    missing    INTEGER NOT NULL,
    percent    REAL NOT NULL
) WITHOUT ROWID;
