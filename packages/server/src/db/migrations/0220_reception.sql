-- Visitor reception (来客接待) and letters and visits (信访).
CREATE TABLE visits (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id),
  visit_date     date NOT NULL,
  visiting_unit  text NOT NULL CHECK (length(visiting_unit) > 0),
  visitor_names  text[] NOT NULL CHECK (cardinality(visitor_names) >= 1),
  visitor_count  integer NOT NULL CHECK (visitor_count >= 1),
  purpose        text NOT NULL,
  -- 公函: the official letter the visit came with (its number / title)
  letter_ref     text,
  host_name      text NOT NULL,
  arrangements   text NOT NULL DEFAULT '',
  cost_items     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(cost_items) = 'array'),
  total_cost     numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total_cost >= 0),
  voided_at      timestamptz,
  void_reason    text,
  created_by     uuid NOT NULL REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (visitor_count >= cardinality(visitor_names)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX visits_org_idx ON visits (org_id, visit_date DESC);

CREATE TABLE petitions (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL REFERENCES orgs(id),
  year                    integer NOT NULL,
  seq                     integer NOT NULL CHECK (seq >= 1),
  received_on             date NOT NULL,
  channel                 text NOT NULL CHECK (channel IN ('letter', 'visit', 'phone', 'online')),
  petitioners             jsonb NOT NULL CHECK (jsonb_typeof(petitioners) = 'array' AND jsonb_array_length(petitioners) >= 1),
  subject                 text NOT NULL,
  content                 text NOT NULL,
  category                text NOT NULL,
  status                  text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'accepted', 'not_accepted', 'closed',
                                'review_requested', 'reviewed', 'rereview_requested', 'rereviewed')),
  -- how this case's periods are counted, fixed when it is registered
  day_count               text NOT NULL DEFAULT 'calendar' CHECK (day_count IN ('calendar', 'working')),
  -- the deadline the case waits on now (acceptance, handling, review answer), null when none
  due_kind                text CHECK (due_kind IN ('accept', 'handle', 'review_answer', 'rereview_answer')),
  due_on                  date,
  handler_user_ids        uuid[] NOT NULL CHECK (cardinality(handler_user_ids) >= 1),
  registered_by           uuid NOT NULL REFERENCES users(id),
  previous_petition_id    uuid REFERENCES petitions(id),
  decided_on              date,
  notified_on             date,
  not_accepted_reason     text,
  extension_days          integer CHECK (extension_days BETWEEN 1 AND 30),
  extension_reason        text,
  extension_approved_by   text,
  extension_approved_on   date,
  extension_notified_on   date,
  closed_on               date,
  result                  text,
  answer_notified_on      date,
  review_requested_on     date,
  review_organ            text,
  review_answered_on      date,
  review_result           text,
  rereview_requested_on   date,
  rereview_organ          text,
  rereview_answered_on    date,
  rereview_result         text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, year, seq),
  CHECK ((due_on IS NULL) = (due_kind IS NULL)),
  CHECK ((status = 'registered') = (decided_on IS NULL)),
  CHECK (status <> 'not_accepted' OR not_accepted_reason IS NOT NULL),
  CHECK ((extension_days IS NULL) = (extension_reason IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= decided_on),
  CHECK (decided_on IS NULL OR decided_on >= received_on)
);
CREATE INDEX petitions_org_idx ON petitions (org_id, received_on DESC);
CREATE INDEX petitions_due_idx ON petitions (due_on) WHERE due_on IS NOT NULL;

-- The case's history, one row per step, for the timeline on the record page.
CREATE TABLE petition_events (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  petition_id  uuid NOT NULL REFERENCES petitions(id),
  kind         text NOT NULL,
  on_day       date NOT NULL,
  note         text,
  by_user_id   uuid NOT NULL REFERENCES users(id),
  by_name      text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX petition_events_idx ON petition_events (petition_id, created_at);

-- Petition deadline counting for the deployment: calendar days unless set to working days.
INSERT INTO app_settings (key, value) VALUES ('petitions.dayCount', '"calendar"') ON CONFLICT DO NOTHING;
