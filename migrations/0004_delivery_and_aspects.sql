-- Pair pages, version 4: whether a code ever reaches the client, a vendor
-- aspect, every aspect of a pair (not only those that differ), and summaries
-- that do not call a log-only or reserved code a response.

-- 'sent': a server sends it; 'logged': only written to a log, never sent
-- (nginx 444, 499; AWS 460); 'internal': used inside a server that sends the
-- client another status (nginx 494-497 go out as 400); 'reserved': a number
-- the registry keeps unused (306, 418).
ALTER TABLE status_codes ADD COLUMN delivery TEXT NOT NULL DEFAULT 'sent'
    CHECK (delivery IN ('sent', 'logged', 'internal', 'reserved'));

DROP VIEW pair_differences;
DROP VIEW pair_comparison;

-- One row per locale, ordered pair and aspect, labelled in the locale;
-- `differs` is 1 where the two values differ.
CREATE VIEW pair_aspects AS
SELECT l.tag AS locale, sa.code AS code_a, sb.code AS code_b, 1 AS position, 'class' AS aspect,
       label.value AS label, va.value AS value_a, vb.value AS value_b, sa.class <> sb.class AS differs
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-class'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'class-' || sa.class
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'class-' || sb.class
WHERE sa.code <> sb.code
UNION ALL
SELECT l.tag, sa.code, sb.code, 2, 'registry-status', label.value, va.value, vb.value,
       sa.registry_status <> sb.registry_status
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-registry-status'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'registry-status-' || sa.registry_status
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'registry-status-' || sb.registry_status
WHERE sa.code <> sb.code
UNION ALL
SELECT l.tag, sa.code, sb.code, 3, 'vendor', label.value,
       CASE sa.vendor WHEN '' THEN none.value ELSE sa.vendor END,
       CASE sb.vendor WHEN '' THEN none.value ELSE sb.vendor END,
       sa.vendor <> sb.vendor
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-vendor'
JOIN ui_text AS none ON none.locale = l.tag AND none.key = 'vendor-none'
WHERE sa.code <> sb.code
UNION ALL
SELECT l.tag, sa.code, sb.code, 4, 'delivery', label.value, va.value, vb.value,
       sa.delivery <> sb.delivery
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-delivery'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'delivery-' || sa.delivery
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'delivery-' || sb.delivery
WHERE sa.code <> sb.code
UNION ALL
SELECT l.tag, sa.code, sb.code, 5, 'cacheable', label.value, va.value, vb.value,
       sa.cacheable <> sb.cacheable
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-cacheable'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = CASE sa.cacheable WHEN 1 THEN 'cacheable-yes' ELSE 'cacheable-no' END
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = CASE sb.cacheable WHEN 1 THEN 'cacheable-yes' ELSE 'cacheable-no' END
WHERE sa.code <> sb.code
UNION ALL
SELECT l.tag, sa.code, sb.code, 6, 'typical-headers', label.value,
       CASE sa.typical_headers WHEN '' THEN none.value ELSE sa.typical_headers END,
       CASE sb.typical_headers WHEN '' THEN none.value ELSE sb.typical_headers END,
       sa.typical_headers <> sb.typical_headers
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-typical-headers'
JOIN ui_text AS none ON none.locale = l.tag AND none.key = 'headers-none'
WHERE sa.code <> sb.code
UNION ALL
SELECT l.tag, sa.code, sb.code, 7, 'action-by', label.value, va.value, vb.value,
       sa.action_by <> sb.action_by
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-action-by'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'action-by-' || sa.action_by
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'action-by-' || sb.action_by
WHERE sa.code <> sb.code;

-- The aspects on which two codes differ, as before, now with vendor and delivery.
CREATE VIEW pair_differences AS
SELECT locale, code_a, code_b, position, aspect, label, value_a, value_b
FROM pair_aspects WHERE differs;

-- As in version 2, except the summary: a code that is never sent is not
-- called a response. Two codes that share their delivery (and, when sent,
-- their class) get a "same" template; otherwise each code gets its phrase.
CREATE VIEW pair_comparison AS
SELECT
    a.locale AS locale,
    a.code AS code_a,
    b.code AS code_b,
    replace(replace(title.value, '{a}', sa.label), '{b}', sb.label) AS title,
    CASE WHEN sa.delivery = sb.delivery AND (sa.delivery <> 'sent' OR sa.class = sb.class)
        THEN replace(replace(replace(same.value,
            '{class}', both_class.value), '{a}', sa.label), '{b}', sb.label)
        ELSE replace(replace(replace(replace(diff.value,
            '{a-class}', phrase_a.value), '{b-class}', phrase_b.value), '{a}', sa.label), '{b}', sb.label)
    END AS summary,
    sa.label AS label_a,
    sb.label AS label_b,
    a.name AS name_a,
    b.name AS name_b,
    sa.class AS class_a,
    sb.class AS class_b,
    a.summary AS summary_a,
    b.summary AS summary_b,
    a.description AS description_a,
    b.description AS description_b,
    a.seen_when AS seen_when_a,
    b.seen_when AS seen_when_b,
    a.how_to_fix AS how_to_fix_a,
    b.how_to_fix AS how_to_fix_b,
    a.use_when AS use_when_a,
    b.use_when AS use_when_b,
    h_description.value AS heading_description,
    h_seen_when.value AS heading_seen_when,
    h_how_to_fix.value AS heading_how_to_fix,
    h_key_differences.value AS heading_key_differences,
    h_use_when.value AS heading_use_when,
    coalesce(note.note, '') AS note,
    same_aspects.value AS same_aspects_text,
    rtrim(
        CASE WHEN a.fallback_fields = '' THEN ''
             ELSE 'a.' || replace(a.fallback_fields, ',', ',a.') || ',' END ||
        CASE WHEN b.fallback_fields = '' THEN ''
             ELSE 'b.' || replace(b.fallback_fields, ',', ',b.') || ',' END ||
        CASE WHEN note.is_fallback THEN 'note,' ELSE '' END ||
        CASE WHEN title.is_fallback OR h_description.is_fallback OR h_seen_when.is_fallback
                  OR h_how_to_fix.is_fallback OR h_key_differences.is_fallback
                  OR h_use_when.is_fallback OR same.is_fallback OR diff.is_fallback
                  OR same_aspects.is_fallback
             THEN 'headings,' ELSE '' END,
        ',') AS fallback_fields
FROM code_text AS a
JOIN code_text AS b ON b.locale = a.locale AND b.code <> a.code
JOIN status_codes AS sa ON sa.code = a.code
JOIN status_codes AS sb ON sb.code = b.code
JOIN ui_text AS title ON title.locale = a.locale AND title.key = 'pair-title'
JOIN ui_text AS same ON same.locale = a.locale AND same.key =
    CASE sa.delivery WHEN 'sent' THEN 'pair-summary-same' ELSE 'pair-summary-same-' || sa.delivery END
JOIN ui_text AS diff ON diff.locale = a.locale AND diff.key = 'pair-summary-different'
JOIN ui_text AS phrase_a ON phrase_a.locale = a.locale AND phrase_a.key =
    CASE sa.delivery WHEN 'sent' THEN 'class-' || sa.class || '-one' ELSE 'delivery-' || sa.delivery || '-one' END
JOIN ui_text AS phrase_b ON phrase_b.locale = a.locale AND phrase_b.key =
    CASE sb.delivery WHEN 'sent' THEN 'class-' || sb.class || '-one' ELSE 'delivery-' || sb.delivery || '-one' END
JOIN ui_text AS both_class ON both_class.locale = a.locale AND both_class.key = 'class-' || sa.class || '-both'
JOIN ui_text AS h_description ON h_description.locale = a.locale AND h_description.key = 'heading-description'
JOIN ui_text AS h_seen_when ON h_seen_when.locale = a.locale AND h_seen_when.key = 'heading-seen-when'
JOIN ui_text AS h_how_to_fix ON h_how_to_fix.locale = a.locale AND h_how_to_fix.key = 'heading-how-to-fix'
JOIN ui_text AS h_key_differences ON h_key_differences.locale = a.locale AND h_key_differences.key = 'heading-key-differences'
JOIN ui_text AS h_use_when ON h_use_when.locale = a.locale AND h_use_when.key = 'heading-use-when'
JOIN ui_text AS same_aspects ON same_aspects.locale = a.locale AND same_aspects.key = 'pair-same-aspects'
LEFT JOIN pair_notes AS note ON note.locale = a.locale
    AND note.code_low = min(a.code, b.code) AND note.code_high = max(a.code, b.code);
