-- Meeting minutes (会议记录本) and follow-up of their decisions (督办).
CREATE TABLE meetings (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL REFERENCES orgs(id),
  kind               text NOT NULL CHECK (kind IN ('party_committee', 'executive', 'topical', 'exchange', 'other')),
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at          timestamptz NOT NULL,
  place              text NOT NULL,
  host_user_id       uuid NOT NULL REFERENCES users(id),
  host_name          text NOT NULL,
  recorder_user_id   uuid NOT NULL REFERENCES users(id),
  recorder_name      text NOT NULL,
  attendees          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attendees) = 'array'),
  absentees          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(absentees) = 'array'),
  non_voting         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(non_voting) = 'array'),
  -- the townships attending a county 业务交流会
  attending_org_ids  uuid[] NOT NULL DEFAULT '{}',
  items              jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(items) = 'array'),
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalised', 'confirmed')),
  finalised_at       timestamptz,
  confirmed_at       timestamptz,
  amendment_count    integer NOT NULL DEFAULT 0,
  created_by         uuid NOT NULL REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'draft') = (finalised_at IS NULL)),
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL)),
  CHECK (kind = 'exchange' OR cardinality(attending_org_ids) = 0)
);
CREATE INDEX meetings_org_idx ON meetings (org_id, starts_at DESC);
CREATE INDEX meetings_exchange_idx ON meetings (starts_at) WHERE kind = 'exchange';

-- Corrections to finalised minutes: the changed fields before and after, and why.
CREATE TABLE meeting_amendments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  meeting_id  uuid NOT NULL REFERENCES meetings(id),
  reason      text NOT NULL CHECK (length(reason) > 0),
  before      jsonb NOT NULL,
  after       jsonb NOT NULL,
  amended_by  uuid NOT NULL REFERENCES users(id),
  amended_by_name text NOT NULL,
  amended_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_amendments_meeting_idx ON meeting_amendments (meeting_id, amended_at);

CREATE TABLE follow_ups (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES orgs(id),
  meeting_id      uuid NOT NULL REFERENCES meetings(id),
  item_index      integer NOT NULL CHECK (item_index >= 0),
  decision_index  integer NOT NULL CHECK (decision_index >= 0),
  decision_text   text NOT NULL,
  owner_name      text NOT NULL CHECK (length(owner_name) > 0),
  owner_unit      text,
  deadline        date NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  result          text,
  closed_on       date,
  closed_by       uuid REFERENCES users(id),
  created_by      uuid NOT NULL REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL AND result IS NOT NULL)),
  UNIQUE (meeting_id, item_index, decision_index)
);
CREATE INDEX follow_ups_open_idx ON follow_ups (org_id, deadline) WHERE status = 'open';

CREATE TABLE follow_up_progress (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  follow_up_id  uuid NOT NULL REFERENCES follow_ups(id),
  on_day        date NOT NULL,
  note          text NOT NULL CHECK (length(note) > 0),
  by_user_id    uuid NOT NULL REFERENCES users(id),
  by_name       text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX follow_up_progress_idx ON follow_up_progress (follow_up_id, created_at);
