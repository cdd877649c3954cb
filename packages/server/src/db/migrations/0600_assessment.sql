-- The annual assessment (考评细则): schemes with their indicator tree, the consultation, scores,
-- self-reports, appeals and the final results. The tree is one jsonb document per scheme because it
-- is always read and replaced whole (the editor saves the tree) and validated by the domain rules.
CREATE TABLE assessment_schemes (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL REFERENCES orgs(id),
  year                    integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target_kind             text NOT NULL CHECK (target_kind IN ('township', 'county_department')),
  title                   text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status                  text NOT NULL DEFAULT 'draft'
                          CHECK (status IN ('draft', 'consultation', 'published', 'self_assessment', 'scoring', 'notice', 'final')),
  indicators              jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(indicators) = 'array'),
  grades                  jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(grades) = 'object'),
  consultation_closes_on  date,
  notice_closes_on        date,
  frozen_at               timestamptz,
  copied_from_id          uuid REFERENCES assessment_schemes(id),
  created_by              uuid NOT NULL REFERENCES users(id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT assessment_schemes_year_kind_key UNIQUE (year, target_kind)
);

CREATE TABLE assessment_comments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scheme_id       uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id          uuid NOT NULL REFERENCES orgs(id),
  author_user_id  uuid NOT NULL REFERENCES users(id),
  author_name     text NOT NULL,
  code            text,
  text            text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  adopted         boolean,
  answer          text,
  answered_by     uuid REFERENCES users(id),
  answered_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (adopted IS NULL))
);
CREATE INDEX assessment_comments_scheme_idx ON assessment_comments (scheme_id, created_at);

-- Scores entered by the county (manual, self-reported, deduction, bonus) and measured scores frozen at the cut-off.
CREATE TABLE assessment_scores (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scheme_id   uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  code        text NOT NULL,
  source      text NOT NULL CHECK (source IN ('manual', 'measured', 'appeal')),
  score       double precision NOT NULL,
  reason      text NOT NULL,
  evidence    text,
  scored_by   uuid REFERENCES users(id),
  scored_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT assessment_scores_item_key UNIQUE (scheme_id, org_id, code)
);

CREATE TABLE assessment_self_reports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scheme_id     uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  code          text NOT NULL,
  evidence      text NOT NULL,
  submitted_by  uuid NOT NULL REFERENCES users(id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT assessment_self_reports_item_key UNIQUE (scheme_id, org_id, code)
);

CREATE TABLE assessment_appeals (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scheme_id          uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id             uuid NOT NULL REFERENCES orgs(id),
  code               text NOT NULL,
  reason             text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  appellant_user_id  uuid NOT NULL REFERENCES users(id),
  answer             text,
  old_score          double precision,
  new_score          double precision,
  answered_by        uuid REFERENCES users(id),
  answered_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX assessment_appeals_scheme_idx ON assessment_appeals (scheme_id, created_at);

-- Totals, rank and grade written once, when the scheme becomes final.
CREATE TABLE assessment_results (
  scheme_id  uuid NOT NULL REFERENCES assessment_schemes(id),
  org_id     uuid NOT NULL REFERENCES orgs(id),
  total      double precision NOT NULL,
  rank       integer NOT NULL CHECK (rank >= 1),
  grade      text NOT NULL CHECK (grade IN ('优秀', '良好', '合格', '不合格')),
  scores     jsonb NOT NULL CHECK (jsonb_typeof(scores) = 'array'),
  PRIMARY KEY (scheme_id, org_id)
);
