-- 档案管理 to DA/T 22-2015: classification per org, items (件) numbered gap-free per group,
-- immutable once filed (corrections are annotations), lending, transfer.

CREATE TABLE archive_configs (
  org_id     uuid PRIMARY KEY REFERENCES orgs(id),
  -- 全宗号
  fonds_code text NOT NULL CHECK (fonds_code ~ '^[A-Z0-9]{1,12}$'),
  scheme     text NOT NULL CHECK (scheme IN ('unit', 'subject')),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The org units (机构) and subjects (问题) an org files under.
CREATE TABLE archive_classes (
  org_id uuid NOT NULL REFERENCES orgs(id),
  kind   text NOT NULL CHECK (kind IN ('unit', 'subject')),
  code   text NOT NULL CHECK (code ~ '^[A-Z0-9]{1,12}$'),
  name   text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
  PRIMARY KEY (org_id, kind, code)
);

-- One scheme per org and year: the first item of a year fixes it, and the foreign key below makes
-- an item of the other kind in that year impossible (机构 and 问题 are never mixed).
CREATE TABLE archive_year_schemes (
  org_id     uuid NOT NULL REFERENCES orgs(id),
  year       integer NOT NULL,
  class_kind text NOT NULL CHECK (class_kind IN ('unit', 'subject')),
  PRIMARY KEY (org_id, year),
  UNIQUE (org_id, year, class_kind)
);

-- Gap-free 件号 per group: the row is bumped inside the archiving transaction, so a rolled-back
-- archive leaves no hole and concurrent archives queue on the row.
CREATE TABLE archive_counters (
  org_id     uuid NOT NULL REFERENCES orgs(id),
  year       integer NOT NULL,
  retention  text NOT NULL,
  class_code text NOT NULL,
  last_no    integer NOT NULL CHECK (last_no BETWEEN 0 AND 9999),
  PRIMARY KEY (org_id, year, retention, class_code)
);

CREATE TABLE archive_items (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES orgs(id),
  fonds_code     text NOT NULL,
  year           integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  retention      text NOT NULL CHECK (retention IN ('Y', 'D30', 'D10')),
  class_kind     text NOT NULL CHECK (class_kind IN ('unit', 'subject')),
  class_code     text NOT NULL,
  item_no        integer NOT NULL CHECK (item_no BETWEEN 1 AND 9999),
  archival_code  text NOT NULL UNIQUE,
  source_kind    text NOT NULL CHECK (source_kind IN ('outgoing', 'incoming', 'manual')),
  source_id      uuid,
  doc_number     text,
  responsible    text NOT NULL,
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  doc_date       date NOT NULL,
  classification text NOT NULL DEFAULT 'none' CHECK (classification IN ('none', 'confidential', 'secret', 'top_secret')),
  pages          integer NOT NULL CHECK (pages BETWEEN 1 AND 2000),
  remark         text,
  -- the parts in filing order, each { role, label, title, pages, paragraphs }
  components     jsonb NOT NULL,
  archived_by    uuid NOT NULL REFERENCES users(id),
  archived_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, year, retention, class_code, item_no),
  CHECK ((source_kind = 'manual') = (source_id IS NULL)),
  CHECK (archival_code = fonds_code || '-WS·' || year || '-' || retention || '-' || class_code || '-' || lpad(item_no::text, 4, '0')),
  FOREIGN KEY (org_id, year, class_kind) REFERENCES archive_year_schemes (org_id, year, class_kind),
  FOREIGN KEY (org_id, class_kind, class_code) REFERENCES archive_classes (org_id, kind, code)
);
CREATE UNIQUE INDEX archive_items_source_uq ON archive_items (source_kind, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX archive_items_group_idx ON archive_items (org_id, year, retention, class_code, item_no);

-- Filed is filed: no update, no delete.
CREATE FUNCTION archive_items_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'archived items are immutable; add an annotation instead' USING ERRCODE = '23514';
END $$;
CREATE TRIGGER archive_items_no_change BEFORE UPDATE OR DELETE ON archive_items
  FOR EACH ROW EXECUTE FUNCTION archive_items_immutable();

CREATE TABLE archive_annotations (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES orgs(id),
  item_id    uuid NOT NULL REFERENCES archive_items(id),
  field      text,
  note       text NOT NULL CHECK (length(note) BETWEEN 2 AND 1000),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX archive_annotations_item_idx ON archive_annotations (item_id);

CREATE TABLE archive_loans (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  item_id      uuid NOT NULL REFERENCES archive_items(id),
  borrower     text NOT NULL,
  borrower_org text,
  purpose      text NOT NULL,
  lent_at      timestamptz NOT NULL DEFAULT now(),
  due_on       date NOT NULL,
  lent_by      uuid NOT NULL REFERENCES users(id),
  returned_at  timestamptz,
  returned_by  uuid REFERENCES users(id),
  CHECK ((returned_at IS NULL) = (returned_by IS NULL))
);
-- an item is out to one borrower at a time
CREATE UNIQUE INDEX archive_loans_open_uq ON archive_loans (item_id) WHERE returned_at IS NULL;
CREATE INDEX archive_loans_org_idx ON archive_loans (org_id, lent_at DESC);

CREATE TABLE archive_transfers (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES orgs(id),
  year       integer NOT NULL,
  receiver   text NOT NULL,
  item_count integer NOT NULL CHECK (item_count > 0),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE archive_transfer_items (
  org_id      uuid NOT NULL REFERENCES orgs(id),
  transfer_id uuid NOT NULL REFERENCES archive_transfers(id),
  item_id     uuid NOT NULL UNIQUE REFERENCES archive_items(id),
  PRIMARY KEY (transfer_id, item_id)
);
