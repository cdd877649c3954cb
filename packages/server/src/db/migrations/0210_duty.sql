-- Duty (值班): the holiday calendar, rosters, swaps, holiday roster submissions, the duty log,
-- incidents reported upward, and handovers.

-- Statutory holidays and make-up working days, kept by the county office: working-day counting
-- for petitions and the holiday rosters read them.
CREATE TABLE holiday_periods (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES orgs(id),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  makeup_workdays  date[] NOT NULL DEFAULT '{}',
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_on <= ends_on AND ends_on - starts_on <= 31),
  UNIQUE (starts_on, name)
);

CREATE TABLE duty_roster_days (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  day          date NOT NULL,
  -- 带班领导: never empty
  leader_name  text NOT NULL CHECK (length(btrim(leader_name)) > 0),
  staff_names  text[] NOT NULL CHECK (cardinality(staff_names) BETWEEN 1 AND 5),
  source       text NOT NULL CHECK (source IN ('rotation', 'manual', 'swap')),
  note         text,
  updated_by   uuid REFERENCES users(id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, day)
);

CREATE TABLE duty_swaps (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  day           date NOT NULL,
  role          text NOT NULL CHECK (role IN ('leader', 'staff')),
  from_name     text NOT NULL,
  to_name       text NOT NULL,
  reason        text NOT NULL,
  status        text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
  requested_by  uuid NOT NULL REFERENCES users(id),
  decided_by    uuid REFERENCES users(id),
  decided_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (from_name <> to_name),
  CHECK ((status = 'requested') = (decided_at IS NULL))
);
CREATE INDEX duty_swaps_org_idx ON duty_swaps (org_id, day);

CREATE TABLE duty_holiday_submissions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  holiday_id    uuid NOT NULL REFERENCES holiday_periods(id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  submitted_on  date NOT NULL,
  submitted_by  uuid NOT NULL REFERENCES users(id),
  late          boolean NOT NULL,
  note          text,
  UNIQUE (org_id, holiday_id)
);

CREATE TABLE duty_log_entries (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id            uuid NOT NULL REFERENCES orgs(id),
  -- the county's local day of `at`
  day               date NOT NULL,
  at                timestamptz NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('phone', 'visit', 'document', 'incident', 'other')),
  caller_unit       text,
  caller_name       text,
  caller_phone      text,
  content           text NOT NULL CHECK (length(content) > 0),
  handling          text,
  result            text,
  report_upward     boolean NOT NULL DEFAULT false,
  recorded_by       uuid NOT NULL REFERENCES users(id),
  recorded_by_name  text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT report_upward OR kind = 'incident')
);
CREATE INDEX duty_log_org_day_idx ON duty_log_entries (org_id, day);

-- An incident reported upward: the county office's notification, addressed to its staff on duty.
CREATE TABLE duty_incident_reports (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES orgs(id),
  entry_id         uuid NOT NULL UNIQUE REFERENCES duty_log_entries(id),
  county_org_id    uuid NOT NULL REFERENCES orgs(id),
  notified_names   text[] NOT NULL DEFAULT '{}',
  reported_at      timestamptz NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz,
  acknowledged_by  uuid REFERENCES users(id)
);
CREATE INDEX duty_incident_reports_county_idx ON duty_incident_reports (county_org_id, reported_at DESC);

CREATE TABLE duty_handovers (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                 uuid NOT NULL REFERENCES orgs(id),
  day                    date NOT NULL,
  outgoing_user_id       uuid NOT NULL REFERENCES users(id),
  outgoing_name          text NOT NULL,
  incoming_user_id       uuid NOT NULL REFERENCES users(id),
  incoming_name          text NOT NULL,
  outstanding            text NOT NULL DEFAULT '',
  outgoing_confirmed_at  timestamptz,
  incoming_confirmed_at  timestamptz,
  created_by             uuid NOT NULL REFERENCES users(id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (outgoing_user_id <> incoming_user_id)
);
CREATE INDEX duty_handovers_org_idx ON duty_handovers (org_id, day DESC);
