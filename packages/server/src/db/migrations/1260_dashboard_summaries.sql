-- Per-year summaries of the county dashboard (issue 14): one row per township × year with the
-- figures its grid row shows and the numbers the county totals add up, computed by the dashboard's
-- own measurement (dashboard.service.ts) from the modules' metrics, never written by the modules.
-- `as_of` is the China day the row was computed for: several figures count up to "today" (the
-- current year's leaders and duty days, overdue items), so a row of another day is stale.
CREATE TABLE dashboard_summaries (
  org_id      uuid NOT NULL REFERENCES orgs(id),
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  as_of       date NOT NULL,
  figures     jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (year, org_id)
);

-- Marks of writes that change a township's figures, made in the writing transaction by the
-- triggers below (statement-level, over the transition tables, as search_dirty in 1180). org_id
-- NULL marks every township (a county training session, the ten prohibitions). No unique key on
-- purpose: a writer never waits on another writer or on the refresh; the refresh removes exactly
-- the marks it read before it measured, so a mark committed while it measures stays for the next.
CREATE TABLE dashboard_dirty (
  id        bigserial PRIMARY KEY,
  org_id    uuid,
  marked_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION dashboard_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_dirty (org_id) SELECT DISTINCT org_id FROM new_rows WHERE org_id IS NOT NULL;
  RETURN NULL;
END $$;
CREATE FUNCTION dashboard_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_dirty (org_id) SELECT DISTINCT org_id FROM old_rows WHERE org_id IS NOT NULL;
  RETURN NULL;
END $$;
-- An update marks both the old and the new org (a staff member moved between townships).
CREATE FUNCTION dashboard_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_dirty (org_id)
    SELECT org_id FROM new_rows WHERE org_id IS NOT NULL UNION SELECT org_id FROM old_rows WHERE org_id IS NOT NULL;
  RETURN NULL;
END $$;
CREATE FUNCTION dashboard_mark_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_dirty (org_id) VALUES (NULL);
  RETURN NULL;
END $$;

-- The tables behind the figures of one township (the metrics the dashboard reads), each keyed by
-- the township's org_id, and the two whose rows count for every township.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['leaders_in_charge', 'staff', 'staff_filings', 'training_attendance', 'rotations',
    'post_assignments', 'rooms', 'equipment', 'township_rules', 'rule_acknowledgements', 'expenses',
    'documents', 'duty_log_entries', 'follow_ups', 'petitions'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_new()', t);
    EXECUTE format('CREATE TRIGGER dashboard_dirty_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_changed()', t);
    EXECUTE format('CREATE TRIGGER dashboard_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_old()', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['training_sessions', 'rule_documents'] LOOP
    EXECUTE format('CREATE TRIGGER dashboard_dirty_all AFTER INSERT OR UPDATE OR DELETE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_all()', t);
  END LOOP;
END $$;
