-- The measured part of each office's running standings, kept apart from the county's scores: a
-- score write then rolls up that one office from its stored measured values and its scores, and
-- re-ranks the scheme in SQL, instead of measuring every office's records again.
-- { "<indicator code>": { "score": n, "basis": "…" } } for the measured leaves, as of the state's
-- computed_at ({} once the measured scores are frozen: they are then stored as scores).
ALTER TABLE assessment_standings ADD COLUMN measured jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(measured) = 'object');
-- Standings stored before this column have no measured part: the next read computes them again.
UPDATE assessment_standings_state SET computed_at = NULL, generation = generation + 1;
-- The re-rank after one office's write orders the scheme's standings by total.
CREATE INDEX assessment_standings_rank_idx ON assessment_standings (scheme_id, total DESC);
