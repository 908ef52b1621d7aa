-- Full-text search, version 3: one document per locale and code, over its
-- label, localized name, aliases and text. The build fills it; `ё` is folded
-- to `е` so either spelling finds the other.

CREATE VIRTUAL TABLE code_search USING fts5(
    locale UNINDEXED,
    code UNINDEXED,
    label,            -- '413 Content Too Large'
    name,             -- localized name
    aliases,          -- former and popular reason phrases
    body,             -- summary, description, seen_when, how_to_fix, use_when
    tokenize = 'unicode61 remove_diacritics 2'
);
