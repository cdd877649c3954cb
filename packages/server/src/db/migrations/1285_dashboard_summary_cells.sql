-- The county grid from ready text (issue 14): each summary row keeps its township's grid cells as
-- JSON text, spliced into the answer as they are (no per-row objects built, no re-stringifying);
-- `figures` keeps only the numbers the county's totals add up plus each standard's status in
-- STANDARD_COLUMNS order, as JSON text (parsed once by the server: jsonb's output function for
-- 2,000 rows cost more than the index scan), and `statuses` the same statuses as an array, all
-- the province view reads. The rows are a cache of measured figures: the old ones are dropped here
-- and measured live until the next refresh (every DASHBOARD_SUMMARY_REFRESH_MS) writes them anew.
TRUNCATE dashboard_summaries;
ALTER TABLE dashboard_summaries
  ALTER COLUMN figures TYPE text,
  ADD COLUMN cells text NOT NULL,
  ADD COLUMN statuses text[] NOT NULL;
