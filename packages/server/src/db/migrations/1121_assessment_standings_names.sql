-- The stored standings (a cache of computed results) kept each office's name beside its id; a
-- renamed office would have kept its old name until the next recompute. Names live in orgs only:
-- the standings are read joined to it.
ALTER TABLE assessment_standings DROP COLUMN org_name;
