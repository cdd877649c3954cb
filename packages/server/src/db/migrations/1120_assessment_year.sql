-- Issue 10, the rest of the assessment's year: the self-assessment confirmed by the office's leader
-- in charge, the versions of a scheme changed after publication, and the running standings kept
-- precomputed so that an office's "my assessment" page reads one row.

-- One summary per office and scheme; a new summary (or new evidence) clears the confirmation.
CREATE TABLE assessment_self_assessments (
  scheme_id     uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  summary       text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
  submitted_by       uuid NOT NULL REFERENCES users(id),
  submitted_by_name  text NOT NULL,
  submitted_at       timestamptz NOT NULL DEFAULT now(),
  confirmed_by       uuid REFERENCES users(id),
  confirmed_by_name  text,
  confirmed_at       timestamptz,
  PRIMARY KEY (scheme_id, org_id),
  CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL) AND (confirmed_by IS NULL) = (confirmed_by_name IS NULL))
);

-- The indicator tree as published (version 1) and as each revision after it left it, with why.
CREATE TABLE assessment_scheme_versions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scheme_id   uuid NOT NULL REFERENCES assessment_schemes(id),
  version     integer NOT NULL CHECK (version >= 1),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  indicators  jsonb NOT NULL CHECK (jsonb_typeof(indicators) = 'array'),
  created_by       uuid NOT NULL REFERENCES users(id),
  created_by_name  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT assessment_scheme_versions_key UNIQUE (scheme_id, version)
);

-- Derived, never audited: every office's running total, rank and item scores of a scheme not yet
-- final, recomputed when a score or the tree changes (the write bumps `generation`) or when the
-- measured values are a minute old (other modules' records change without telling).
CREATE TABLE assessment_standings_state (
  scheme_id    uuid PRIMARY KEY REFERENCES assessment_schemes(id),
  generation   bigint NOT NULL DEFAULT 0,
  computed_at  timestamptz,
  -- each top-level indicator's mean over the offices, as of computed_at: [{ code, average }]
  averages     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(averages) = 'array'),
  -- how many offices, and their mean total
  offices      integer NOT NULL DEFAULT 0,
  mean_total   double precision NOT NULL DEFAULT 0
);
CREATE TABLE assessment_standings (
  scheme_id  uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id     uuid NOT NULL REFERENCES orgs(id),
  org_name   text NOT NULL,
  total      double precision NOT NULL,
  rank       integer NOT NULL CHECK (rank >= 1),
  scores     jsonb NOT NULL CHECK (jsonb_typeof(scores) = 'array'),
  PRIMARY KEY (scheme_id, org_id)
);
