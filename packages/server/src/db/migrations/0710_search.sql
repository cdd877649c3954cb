-- One search over every register (issue 11). Each entry is a record as the registers show it:
-- folded text (traditional → simplified, lower case) segmented into words by Intl.Segmenter in the
-- app, stored as a `simple` tsvector with a GIN index; the folded text also carries a trigram index
-- for substrings of three or more characters that word search misses. Scoped like the lists: org_id.
CREATE TABLE search_entries (
  module     text NOT NULL,
  record_id  uuid NOT NULL,
  org_id     uuid NOT NULL REFERENCES orgs(id),
  year       integer,
  status     text,
  title      text NOT NULL,
  body       text NOT NULL DEFAULT '',
  href       text NOT NULL CHECK (href LIKE '/%'),
  folded     text NOT NULL,
  words      tsvector NOT NULL,
  hash       text NOT NULL,
  indexed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (module, record_id)
);
CREATE INDEX search_entries_words_idx ON search_entries USING gin (words);
-- The operator class is named with pg_trgm's own schema: a restore replays the migrations with only
-- the new schema on the search path (platform/backup.ts), where an unqualified gin_trgm_ops is unknown.
DO $$
DECLARE
  ext text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
  EXECUTE format('CREATE INDEX search_entries_folded_trgm_idx ON search_entries USING gin (folded %I.gin_trgm_ops)', ext);
END $$;
CREATE INDEX search_entries_org_idx ON search_entries (org_id, module);
