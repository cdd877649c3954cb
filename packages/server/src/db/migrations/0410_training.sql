-- Training sessions with their attendees, and rotations (跟班学习) at the county office.

CREATE TABLE training_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the organising office (the county office)
  org_id      uuid NOT NULL REFERENCES orgs(id),
  held_on     date NOT NULL,
  topic       text NOT NULL CHECK (length(topic) BETWEEN 2 AND 100),
  organiser   text NOT NULL,
  materials   text NOT NULL DEFAULT '',
  state       text NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'cancelled')),
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_sessions_held_idx ON training_sessions (held_on);

CREATE TABLE training_attendance (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id  uuid NOT NULL REFERENCES training_sessions(id),
  -- the attendee's township at the time
  org_id      uuid NOT NULL REFERENCES orgs(id),
  staff_id    uuid REFERENCES staff(id),
  leader_id   uuid REFERENCES leaders_in_charge(id),
  CHECK (num_nonnulls(staff_id, leader_id) = 1)
);
CREATE UNIQUE INDEX training_attendance_staff_uq ON training_attendance (session_id, staff_id) WHERE staff_id IS NOT NULL;
CREATE UNIQUE INDEX training_attendance_leader_uq ON training_attendance (session_id, leader_id) WHERE leader_id IS NOT NULL;
CREATE INDEX training_attendance_staff_idx ON training_attendance (staff_id);
CREATE INDEX training_attendance_org_idx ON training_attendance (org_id);

CREATE TABLE rotations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the cadre's township
  org_id        uuid NOT NULL REFERENCES orgs(id),
  staff_id      uuid NOT NULL REFERENCES staff(id),
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter       integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  state         text NOT NULL DEFAULT 'confirmed' CHECK (state IN ('confirmed', 'completed', 'cancelled')),
  topics        text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ARRAY['info_research', 'documents_meetings', 'follow_up', 'duty_petitions']::text[]),
  evaluation    text,
  rating        text CHECK (rating IN ('excellent', 'good', 'pass', 'fail')),
  confirmed_by  uuid REFERENCES users(id),
  confirmed_at  timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz,
  CHECK (period_end >= period_start),
  CHECK ((state = 'completed') = (completed_at IS NOT NULL)),
  CHECK (state <> 'completed' OR (rating IS NOT NULL AND length(evaluation) >= 2 AND cardinality(topics) >= 1))
);
CREATE UNIQUE INDEX rotations_staff_quarter_uq ON rotations (staff_id, year, quarter) WHERE state <> 'cancelled';
CREATE INDEX rotations_year_idx ON rotations (year, quarter) WHERE state <> 'cancelled';
CREATE INDEX rotations_org_idx ON rotations (org_id, year);
