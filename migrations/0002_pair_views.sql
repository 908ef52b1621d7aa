-- Pair pages, version 2: views that join per-code rows, so nothing is stored
-- per pair and one pair is found through primary keys.

CREATE VIEW pair_comparison AS
SELECT
    a.locale AS locale,
    a.code AS code_a,
    b.code AS code_b,
    replace(replace(title.value, '{a}', sa.label), '{b}', sb.label) AS title,
    CASE WHEN sa.class = sb.class
        THEN replace(replace(replace(same.value,
            '{class}', both_class.value), '{a}', sa.label), '{b}', sb.label)
        ELSE replace(replace(replace(replace(diff.value,
            '{a-class}', class_a.value), '{b-class}', class_b.value), '{a}', sa.label), '{b}', sb.label)
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
    rtrim(
        CASE WHEN a.fallback_fields = '' THEN ''
             ELSE 'a.' || replace(a.fallback_fields, ',', ',a.') || ',' END ||
        CASE WHEN b.fallback_fields = '' THEN ''
             ELSE 'b.' || replace(b.fallback_fields, ',', ',b.') || ',' END ||
        CASE WHEN note.is_fallback THEN 'note,' ELSE '' END ||
        CASE WHEN title.is_fallback OR h_description.is_fallback OR h_seen_when.is_fallback
                  OR h_how_to_fix.is_fallback OR h_key_differences.is_fallback
                  OR h_use_when.is_fallback OR same.is_fallback OR diff.is_fallback
             THEN 'headings,' ELSE '' END,
        ',') AS fallback_fields
FROM code_text AS a
JOIN code_text AS b ON b.locale = a.locale AND b.code <> a.code
JOIN status_codes AS sa ON sa.code = a.code
JOIN status_codes AS sb ON sb.code = b.code
JOIN ui_text AS title ON title.locale = a.locale AND title.key = 'pair-title'
JOIN ui_text AS same ON same.locale = a.locale AND same.key = 'pair-summary-same'
JOIN ui_text AS diff ON diff.locale = a.locale AND diff.key = 'pair-summary-different'
JOIN ui_text AS class_a ON class_a.locale = a.locale AND class_a.key = 'class-' || sa.class || '-one'
JOIN ui_text AS class_b ON class_b.locale = a.locale AND class_b.key = 'class-' || sb.class || '-one'
JOIN ui_text AS both_class ON both_class.locale = a.locale AND both_class.key = 'class-' || sa.class || '-both'
JOIN ui_text AS h_description ON h_description.locale = a.locale AND h_description.key = 'heading-description'
JOIN ui_text AS h_seen_when ON h_seen_when.locale = a.locale AND h_seen_when.key = 'heading-seen-when'
JOIN ui_text AS h_how_to_fix ON h_how_to_fix.locale = a.locale AND h_how_to_fix.key = 'heading-how-to-fix'
JOIN ui_text AS h_key_differences ON h_key_differences.locale = a.locale AND h_key_differences.key = 'heading-key-differences'
JOIN ui_text AS h_use_when ON h_use_when.locale = a.locale AND h_use_when.key = 'heading-use-when'
LEFT JOIN pair_notes AS note ON note.locale = a.locale
    AND note.code_low = min(a.code, b.code) AND note.code_high = max(a.code, b.code);

-- One row per aspect on which two codes differ, labelled in the locale.
CREATE VIEW pair_differences AS
SELECT l.tag AS locale, sa.code AS code_a, sb.code AS code_b, 1 AS position, 'class' AS aspect,
       label.value AS label, va.value AS value_a, vb.value AS value_b
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-class'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'class-' || sa.class
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'class-' || sb.class
WHERE sa.class <> sb.class
UNION ALL
SELECT l.tag, sa.code, sb.code, 2, 'registry-status', label.value, va.value, vb.value
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-registry-status'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'registry-status-' || sa.registry_status
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'registry-status-' || sb.registry_status
WHERE sa.registry_status <> sb.registry_status
UNION ALL
SELECT l.tag, sa.code, sb.code, 3, 'cacheable', label.value, va.value, vb.value
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-cacheable'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = CASE sa.cacheable WHEN 1 THEN 'cacheable-yes' ELSE 'cacheable-no' END
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = CASE sb.cacheable WHEN 1 THEN 'cacheable-yes' ELSE 'cacheable-no' END
WHERE sa.cacheable <> sb.cacheable
UNION ALL
SELECT l.tag, sa.code, sb.code, 4, 'typical-headers', label.value,
       CASE sa.typical_headers WHEN '' THEN none.value ELSE sa.typical_headers END,
       CASE sb.typical_headers WHEN '' THEN none.value ELSE sb.typical_headers END
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-typical-headers'
JOIN ui_text AS none ON none.locale = l.tag AND none.key = 'headers-none'
WHERE sa.typical_headers <> sb.typical_headers
UNION ALL
SELECT l.tag, sa.code, sb.code, 5, 'action-by', label.value, va.value, vb.value
FROM locales AS l, status_codes AS sa, status_codes AS sb
JOIN ui_text AS label ON label.locale = l.tag AND label.key = 'aspect-action-by'
JOIN ui_text AS va ON va.locale = l.tag AND va.key = 'action-by-' || sa.action_by
JOIN ui_text AS vb ON vb.locale = l.tag AND vb.key = 'action-by-' || sb.action_by
WHERE sa.action_by <> sb.action_by;
