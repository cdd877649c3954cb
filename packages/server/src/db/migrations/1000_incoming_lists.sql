-- 收文 lists at a million rows (issue 14): every sort of the entries list and of the 收文登记本 has an
-- index county-wide and per office, so page 1 reads 20 index entries instead of sorting the table.
--   received order (the entries list):  received_date DESC, serial_seq DESC, id DESC
--   serial order (the register):        serial_year DESC, org_id, serial_seq DESC
--     (per office: the UNIQUE (org_id, serial_year, serial_seq) index read backwards)
CREATE INDEX incoming_received_idx ON incoming (received_date DESC, serial_seq DESC, id DESC);
CREATE INDEX incoming_org_received_idx ON incoming (org_id, received_date DESC, serial_seq DESC, id DESC);
-- Its prefix (org_id, received_date DESC) is the new per-office index's.
DROP INDEX incoming_org_idx;
CREATE INDEX incoming_register_idx ON incoming (serial_year DESC, org_id, serial_seq DESC);
-- A township's 待办 (status filter) in order, without walking its closed entries.
CREATE INDEX incoming_org_status_idx ON incoming (org_id, status, received_date DESC, serial_seq DESC, id DESC);

-- The keyword filter (title, 来文字号, 来文机关). pg_trgm does index Chinese text under C.UTF-8, but a
-- LIKE pattern yields trigrams only from three consecutive characters, and most Chinese keywords are
-- two (防汛, 信访): for them a trigram index cannot be used at all (measured: a sequential scan). So
-- the index holds every pair of consecutive characters, lower-cased; a keyword of n ≥ 2 characters
-- must contain all its n-1 pairs, and ILIKE decides on the rows the index finds.
CREATE FUNCTION incoming_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT DISTINCT substr(lower(t), i, 2) FROM generate_series(1, length(t) - 1) i);
CREATE INDEX incoming_keyword_idx ON incoming
  USING gin (incoming_bigrams(title || ' ' || coalesce(doc_number, '') || ' ' || sender_name));
