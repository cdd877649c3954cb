-- Write-through search indexing (issue 11 at 1,000,000 records): the index no longer re-reads every
-- register to find what changed. Each register's writes mark the record in search_dirty, in the
-- writing transaction (statement-level triggers over the transition tables, so a 2,000-row import is
-- one INSERT … SELECT, not 2,000); the indexer (search.service.ts refreshSearchIndex) takes the marks
-- in batches, re-reads only those records and writes their entries, in one transaction per batch.
-- A mark is never lost: it is committed with the write or not at all, and removed only in the
-- transaction that indexes the record. Marks have no unique key on purpose: a writer never waits on
-- the indexer's transaction (a unique (module, record_id) would make an update of a record being
-- indexed wait for it); the indexer folds repeated marks, and only one indexer runs at a time
-- (an advisory lock), so an older read can never overwrite a newer one.
CREATE TABLE search_dirty (
  id        bigserial PRIMARY KEY,
  module    text NOT NULL,
  record_id uuid NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now()
);

-- Inserted and updated rows (a transition table is per event, so two triggers share this function).
CREATE FUNCTION search_mark_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_dirty (module, record_id) SELECT TG_ARGV[0], id FROM new_rows;
  RETURN NULL;
END $$;
CREATE FUNCTION search_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_dirty (module, record_id) SELECT TG_ARGV[0], id FROM old_rows;
  RETURN NULL;
END $$;

-- The registers of search.sources.ts: table → search module. Records already there are marked, so
-- an existing installation's index is brought up to date once by the indexer.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM (VALUES
    ('documents', 'outgoing'), ('incoming', 'incoming'), ('info_items', 'information'), ('meetings', 'meetings'),
    ('follow_ups', 'followUps'), ('petitions', 'petitions'), ('archive_items', 'archives'), ('duty_log_entries', 'duty')
  ) AS t(tbl, module) LOOP
    EXECUTE format('CREATE TRIGGER search_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION search_mark_written(%L)', r.tbl, r.module);
    EXECUTE format('CREATE TRIGGER search_dirty_upd AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION search_mark_written(%L)', r.tbl, r.module);
    EXECUTE format('CREATE TRIGGER search_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION search_mark_deleted(%L)', r.tbl, r.module);
    EXECUTE format('INSERT INTO search_dirty (module, record_id) SELECT %L, id FROM %I', r.module, r.tbl);
  END LOOP;
END $$;

-- The search's own orders: the newest years first, per org and county-wide, so a common word walks
-- an index and stops at the page instead of ranking every match.
CREATE INDEX search_entries_year_idx ON search_entries (year DESC NULLS LAST, record_id);
CREATE INDEX search_entries_org_year_idx ON search_entries (org_id, year DESC NULLS LAST, record_id);
