-- The 值班日志, 信息报送, archives and audit lists (issue 14): every sort of each list has an index
-- county-wide and per office (leading org_id), so page 1 reads a page of index entries instead of
-- sorting the table; an order and its reverse ("oldest first") are the same index read backwards.

-- 值班日志: at DESC, id DESC (newest) and its reverse (oldest).
CREATE INDEX IF NOT EXISTS duty_log_entries_at_idx ON duty_log_entries (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS duty_log_entries_org_at_idx ON duty_log_entries (org_id, at DESC, id DESC);

-- 信息报送: submitted_at DESC, id DESC and its reverse. The old (submitted_at DESC) indexes are the
-- new ones' prefixes (the year ranges of the ranking read those prefixes just as well).
CREATE INDEX IF NOT EXISTS info_items_submitted_idx ON info_items (submitted_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS info_items_org_submitted_idx ON info_items (org_id, submitted_at DESC, id DESC);
DROP INDEX IF EXISTS info_items_time_idx;
DROP INDEX IF EXISTS info_items_org_time_idx;
-- The county's reviewer lists what is still to review (status = 'submitted'), county-wide and per office.
CREATE INDEX IF NOT EXISTS info_items_status_submitted_idx ON info_items (status, submitted_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS info_items_org_status_submitted_idx ON info_items (org_id, status, submitted_at DESC, id DESC);

-- Archives, the catalogue order: year DESC, retention, class_code, item_no (org_id breaks the ties
-- between offices county-wide; per office the (org_id, year, retention, class_code, item_no) key is
-- unique, but ascending year, so it cannot serve year DESC).
CREATE INDEX IF NOT EXISTS archive_items_catalogue_idx ON archive_items (year DESC, retention, class_code, item_no, org_id);
CREATE INDEX IF NOT EXISTS archive_items_org_catalogue_idx ON archive_items (org_id, year DESC, retention, class_code, item_no);
-- Archives by 档号: county-wide the UNIQUE (archival_code) index; per office this one.
CREATE INDEX IF NOT EXISTS archive_items_org_code_idx ON archive_items (org_id, archival_code);

-- The audit trail: id DESC and its reverse; county-wide the primary key, per office this one.
CREATE INDEX IF NOT EXISTS audit_log_org_id_idx ON audit_log (org_id, id);
