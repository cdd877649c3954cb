-- 信息调研: information items, their adoptions, the yearly point table, bulletin issues, research.

CREATE TABLE info_scoring_configs (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the county office that sets the table
  org_id                uuid NOT NULL REFERENCES orgs(id),
  year                  integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  points                jsonb NOT NULL,
  monthly_quota         integer NOT NULL CHECK (monthly_quota >= 0),
  monthly_base_points   integer NOT NULL CHECK (monthly_base_points >= 0),
  quarterly_long_quota  integer NOT NULL CHECK (quarterly_long_quota >= 0),
  quarterly_base_points integer NOT NULL CHECK (quarterly_base_points >= 0),
  long_piece_min_chars  integer NOT NULL CHECK (long_piece_min_chars > 0),
  updated_by            uuid REFERENCES users(id),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year)
);

CREATE TABLE info_items (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the reporting township
  org_id         uuid NOT NULL REFERENCES orgs(id),
  title          text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  content        text NOT NULL CHECK (length(content) BETWEEN 10 AND 20000),
  kind           text NOT NULL CHECK (kind IN ('key_situation', 'news', 'good_practice', 'problem_suggestion', 'other')),
  urgency        text NOT NULL DEFAULT 'none' CHECK (urgency IN ('none', 'urgent', 'extra_urgent')),
  status         text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'adopted', 'not_adopted', 'withdrawn')),
  submitted_by   uuid NOT NULL REFERENCES users(id),
  submitted_at   timestamptz NOT NULL DEFAULT now(),
  reviewed_by    uuid REFERENCES users(id),
  reviewed_at    timestamptz,
  review_note    text,
  CHECK ((status IN ('adopted', 'not_adopted')) = (reviewed_at IS NOT NULL)),
  -- a refusal always says why
  CHECK (status <> 'not_adopted' OR length(coalesce(review_note, '')) >= 2)
);
CREATE INDEX info_items_org_time_idx ON info_items (org_id, submitted_at DESC);
CREATE INDEX info_items_time_idx ON info_items (submitted_at DESC);

CREATE TABLE info_adoptions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the item's township, so its own adoptions are scoped like its items
  org_id      uuid NOT NULL REFERENCES orgs(id),
  item_id     uuid NOT NULL REFERENCES info_items(id),
  level       text NOT NULL CHECK (level IN ('county_bulletin', 'county_special', 'county_instruction', 'city_bulletin', 'city_special', 'city_instruction', 'province_adopted')),
  -- the point table's figure on the day of adoption: a later change of the table does not rewrite history
  points      integer NOT NULL CHECK (points >= 0),
  note        text,
  adopted_by  uuid NOT NULL REFERENCES users(id),
  adopted_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, level)
);
CREATE INDEX info_adoptions_org_time_idx ON info_adoptions (org_id, adopted_at);

-- Only adopted items earn points: an adoption row for an item in any other state is refused.
CREATE FUNCTION info_adoption_requires_adopted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM info_items i WHERE i.id = NEW.item_id AND i.status = 'adopted' AND i.org_id = NEW.org_id) THEN
    RAISE EXCEPTION 'info item % is not adopted', NEW.item_id USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER info_adoptions_adopted_only BEFORE INSERT OR UPDATE ON info_adoptions
  FOR EACH ROW EXECUTE FUNCTION info_adoption_requires_adopted();

-- Gap-free issue numbers per org and year.
CREATE TABLE info_bulletin_counters (
  org_id      uuid NOT NULL REFERENCES orgs(id),
  year        integer NOT NULL,
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (org_id, year)
);

CREATE TABLE info_bulletins (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  year          integer NOT NULL,
  number        integer NOT NULL CHECK (number > 0),
  title         text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  compiled_by   uuid NOT NULL REFERENCES users(id),
  compiled_at   timestamptz NOT NULL DEFAULT now(),
  -- set when sent through the documents flow
  document_id   uuid,
  dispatched_at timestamptz,
  UNIQUE (org_id, year, number)
);

CREATE TABLE info_bulletin_items (
  org_id      uuid NOT NULL REFERENCES orgs(id),
  bulletin_id uuid NOT NULL REFERENCES info_bulletins(id),
  item_id     uuid NOT NULL REFERENCES info_items(id),
  position    integer NOT NULL CHECK (position > 0),
  PRIMARY KEY (bulletin_id, item_id),
  UNIQUE (bulletin_id, position),
  -- an item is printed in one issue only
  UNIQUE (item_id)
);

CREATE TABLE research_topics (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  year        integer NOT NULL,
  title       text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  description text NOT NULL DEFAULT '',
  deadline    date NOT NULL,
  created_by  uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE research_reports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  topic_id     uuid NOT NULL REFERENCES research_topics(id),
  title        text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  content      text NOT NULL CHECK (length(content) BETWEEN 10 AND 50000),
  submitted_by uuid NOT NULL REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  grade        text CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
  comment      text,
  evaluated_by uuid REFERENCES users(id),
  evaluated_at timestamptz,
  UNIQUE (topic_id, org_id),
  CHECK ((grade IS NULL) = (evaluated_at IS NULL))
);
CREATE INDEX research_reports_org_idx ON research_reports (org_id);
