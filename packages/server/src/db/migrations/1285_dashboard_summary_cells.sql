-- The county grid from ready text (issue 14): each summary row keeps its township's grid cells as
-- JSON text, spliced into the answer as they are (no per-row objects built, no re-stringifying),
-- and `figures` keeps only the numbers the county's totals add up plus each standard's status in
-- STANDARD_COLUMNS order. The rows are a cache of measured figures: the old ones are dropped here
-- and measured live until the next refresh (every DASHBOARD_SUMMARY_REFRESH_MS) writes them anew.
TRUNCATE dashboard_summaries;
ALTER TABLE dashboard_summaries ADD COLUMN cells text NOT NULL;
