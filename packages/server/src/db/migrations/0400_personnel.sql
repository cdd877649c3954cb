-- Team (队伍): leaders in charge with history, the staff filed with the county office, and the
-- filings (join / leave / transfer / particulars) submitted by townships and acknowledged by the county.

CREATE TABLE leaders_in_charge (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  name        text NOT NULL CHECK (length(name) BETWEEN 2 AND 30),
  -- 班子职务, e.g. 党委委员、副镇长
  position    text NOT NULL CHECK (length(position) BETWEEN 2 AND 40),
  since       date NOT NULL,
  until       date,
  familiar    boolean NOT NULL,
  basis       text NOT NULL DEFAULT '' CHECK (length(basis) <= 500),
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (until IS NULL OR until >= since),
  -- "familiar with office work" must say why
  CHECK (NOT familiar OR length(basis) >= 2)
);
-- one current leader in charge per township; earlier ones stay as history
CREATE UNIQUE INDEX leaders_in_charge_current_uq ON leaders_in_charge (org_id) WHERE until IS NULL;

CREATE TABLE staff (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id             uuid NOT NULL REFERENCES orgs(id),
  id_number          text NOT NULL UNIQUE CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  name               text NOT NULL CHECK (length(name) BETWEEN 2 AND 30),
  gender             text NOT NULL CHECK (gender IN ('male', 'female')),
  birth_date         date NOT NULL,
  ethnicity          text NOT NULL,
  political_status   text NOT NULL CHECK (political_status IN ('cpc_member', 'cpc_probationary', 'cyl_member', 'democratic_party', 'masses')),
  education          text NOT NULL CHECK (education IN ('postgraduate', 'bachelor', 'college', 'secondary', 'junior')),
  major              text NOT NULL DEFAULT '',
  post               text NOT NULL,
  office_role        text NOT NULL,
  phone              text NOT NULL,
  start_date         date NOT NULL,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  left_on            date,
  -- why a township names more than three (the rule is 2–3)
  designation_reason text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'left') = (left_on IS NOT NULL)),
  CHECK (birth_date < start_date)
);
CREATE INDEX staff_org_active_idx ON staff (org_id) WHERE status = 'active';

CREATE TABLE staff_filings (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES orgs(id),
  -- null only for a join not yet acknowledged (the person enters the database on acknowledgement)
  staff_id        uuid REFERENCES staff(id),
  kind            text NOT NULL CHECK (kind IN ('join', 'leave', 'transfer', 'particulars')),
  change_date     date NOT NULL,
  filed_at        timestamptz NOT NULL DEFAULT now(),
  filed_by        uuid REFERENCES users(id),
  particulars     jsonb NOT NULL DEFAULT '{}'::jsonb,
  to_org_id       uuid REFERENCES orgs(id),
  reason          text,
  state           text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'acknowledged', 'returned')),
  deadline_days   integer NOT NULL CHECK (deadline_days BETWEEN 1 AND 365),
  late            boolean NOT NULL,
  decided_at      timestamptz,
  decided_by      uuid REFERENCES users(id),
  return_reason   text,
  CHECK (kind = 'join' OR staff_id IS NOT NULL),
  CHECK ((kind = 'transfer') = (to_org_id IS NOT NULL)),
  CHECK ((state = 'submitted') = (decided_at IS NULL)),
  CHECK (state <> 'acknowledged' OR staff_id IS NOT NULL),
  CHECK (state <> 'returned' OR length(return_reason) >= 2),
  CHECK (kind <> 'join' OR particulars ? 'idNumber')
);
CREATE INDEX staff_filings_org_idx ON staff_filings (org_id, filed_at DESC);
CREATE INDEX staff_filings_staff_idx ON staff_filings (staff_id, filed_at DESC);
CREATE INDEX staff_filings_open_idx ON staff_filings (filed_at) WHERE state = 'submitted';
-- one open filing per person, and one open join per ID number
CREATE UNIQUE INDEX staff_filings_open_staff_uq ON staff_filings (staff_id) WHERE state = 'submitted' AND staff_id IS NOT NULL;
CREATE UNIQUE INDEX staff_filings_open_join_uq ON staff_filings ((particulars->>'idNumber')) WHERE state = 'submitted' AND kind = 'join';
