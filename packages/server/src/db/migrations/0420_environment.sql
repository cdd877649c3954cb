-- Work environment: three rooms, equipment, funding, rules (the county's ten prohibitions and each
-- township's six internal rules), and posts assigned to persons.

CREATE TABLE rooms (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  kind          text NOT NULL CHECK (kind IN ('office', 'reception', 'archive')),
  status        text NOT NULL CHECK (status IN ('built', 'renovated', 'missing')),
  area_m2       numeric(8, 2) CHECK (area_m2 IS NULL OR area_m2 > 0),
  in_use_since  date,
  note          text NOT NULL DEFAULT '',
  updated_by    uuid REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, kind),
  CHECK (status = 'missing' OR area_m2 IS NOT NULL)
);

CREATE TABLE equipment (
  org_id             uuid PRIMARY KEY REFERENCES orgs(id),
  computers          integer NOT NULL CHECK (computers >= 0),
  printers           integer NOT NULL CHECK (printers >= 0),
  doc_system_access  boolean NOT NULL,
  note               text NOT NULL DEFAULT '',
  updated_by         uuid REFERENCES users(id),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE expenses (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  category     text NOT NULL CHECK (category IN ('telephone', 'printing', 'office_supplies', 'equipment_repair', 'other')),
  amount_yuan  numeric(12, 2) NOT NULL CHECK (amount_yuan >= 0),
  note         text NOT NULL DEFAULT '',
  recorded_by  uuid REFERENCES users(id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, year, category)
);
CREATE INDEX expenses_year_idx ON expenses (year, org_id);

CREATE TABLE rule_documents (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  kind        text NOT NULL DEFAULT 'ten_prohibitions' CHECK (kind IN ('ten_prohibitions')),
  title       text NOT NULL,
  body        text NOT NULL,
  issued_on   date NOT NULL,
  state       text NOT NULL DEFAULT 'in_force' CHECK (state IN ('in_force', 'withdrawn')),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rule_acknowledgements (
  document_id      uuid NOT NULL REFERENCES rule_documents(id),
  org_id           uuid NOT NULL REFERENCES orgs(id),
  acknowledged_by  uuid REFERENCES users(id),
  acknowledged_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, org_id)
);

CREATE TABLE township_rules (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  kind        text NOT NULL CHECK (kind IN ('attendance', 'duty', 'petition_reception', 'study', 'confidentiality', 'info_reporting')),
  title       text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  body        text NOT NULL CHECK (length(body) >= 10),
  adopted_on  date NOT NULL,
  state       text NOT NULL DEFAULT 'in_force' CHECK (state IN ('in_force', 'superseded')),
  superseded_at timestamptz,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'superseded') = (superseded_at IS NOT NULL))
);
CREATE UNIQUE INDEX township_rules_in_force_uq ON township_rules (org_id, kind) WHERE state = 'in_force';

CREATE TABLE post_assignments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  post        text NOT NULL CHECK (post IN ('writing', 'duty_reception', 'archives')),
  staff_id    uuid NOT NULL REFERENCES staff(id),
  since       date NOT NULL,
  until       date,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (until IS NULL OR until >= since)
);
CREATE UNIQUE INDEX post_assignments_current_uq ON post_assignments (org_id, post) WHERE until IS NULL;
