-- 办文: outgoing documents from drafting to dispatch, deliveries between orgs, incoming processing.
-- Classified material (秘密/机密/绝密) is only the register entry of a paper original: the CHECK
-- constraints below make a body, an attachment or an online delivery of it impossible.

CREATE TABLE documents (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                 uuid NOT NULL REFERENCES orgs(id),
  doc_type               text NOT NULL CHECK (doc_type IN ('决议','决定','命令(令)','公报','公告','通告','意见','通知','通报','报告','请示','批复','议案','函','纪要')),
  title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body                   text CHECK (length(body) <= 100000),
  attachment_note        text,
  remark                 text,
  urgency                text NOT NULL DEFAULT 'none' CHECK (urgency IN ('none','urgent','extra_urgent')),
  classification         text NOT NULL DEFAULT 'none' CHECK (classification IN ('none','confidential','secret','top_secret')),
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','returned','reviewed','signed_off','numbered','dispatched','void')),
  main_recipient_org_ids uuid[] NOT NULL CHECK (cardinality(main_recipient_org_ids) >= 1),
  copy_recipient_org_ids uuid[] NOT NULL DEFAULT '{}',
  drafter_id             uuid NOT NULL REFERENCES users(id),
  drafted_at             timestamptz NOT NULL DEFAULT now(),
  submitted_at           timestamptz,
  reviewer_id            uuid REFERENCES users(id),
  reviewed_at            timestamptz,
  review_comment         text,
  signer_id              uuid REFERENCES users(id),
  signer_name            text,
  sign_off_opinion       text,
  signed_at              timestamptz,
  -- 成文日期 = the sign-off date
  written_date           date,
  number_prefix          text,
  number_year            integer,
  number_seq             integer CHECK (number_seq >= 1),
  doc_number             text,
  numbered_by            uuid REFERENCES users(id),
  numbered_at            timestamptz,
  channel                text CHECK (channel IN ('online','paper')),
  dispatched_by          uuid REFERENCES users(id),
  dispatched_at          timestamptz,
  copies                 integer CHECK (copies >= 1),
  copy_numbers           text,
  voided_at              timestamptz,
  void_reason            text,
  updated_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, classification),
  -- the number is unique per prefix and year; a void document keeps its number
  UNIQUE (number_prefix, number_year, number_seq),
  CHECK ((doc_number IS NULL) = (number_seq IS NULL)),
  CHECK (status NOT IN ('numbered','dispatched') OR doc_number IS NOT NULL),
  CHECK (status NOT IN ('signed_off','numbered','dispatched') OR (signer_id IS NOT NULL AND written_date IS NOT NULL)),
  CHECK ((status = 'dispatched') = (channel IS NOT NULL) OR (status = 'void')),
  -- 保密法: no content and no online channel for classified documents
  CHECK (classification = 'none' OR (body IS NULL AND attachment_note IS NULL AND channel IS DISTINCT FROM 'online'))
);
CREATE INDEX documents_org_idx ON documents (org_id, drafted_at DESC);
CREATE INDEX documents_register_idx ON documents (org_id, written_date DESC) WHERE doc_number IS NOT NULL;

-- Content after numbering is fixed: the deliveries carry exactly what was signed.
CREATE FUNCTION documents_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('numbered','dispatched','void') AND (
       NEW.body IS DISTINCT FROM OLD.body OR NEW.title IS DISTINCT FROM OLD.title OR NEW.doc_type IS DISTINCT FROM OLD.doc_type
       OR NEW.doc_number IS DISTINCT FROM OLD.doc_number OR NEW.main_recipient_org_ids IS DISTINCT FROM OLD.main_recipient_org_ids
       OR NEW.copy_recipient_org_ids IS DISTINCT FROM OLD.copy_recipient_org_ids OR NEW.classification IS DISTINCT FROM OLD.classification) THEN
    RAISE EXCEPTION 'document % is numbered: its content is fixed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER documents_content_frozen BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION documents_content_frozen();

-- Gap-free numbering: one row per prefix and year, locked FOR UPDATE by the numbering transaction.
CREATE TABLE doc_number_counters (
  number_prefix text NOT NULL,
  year          integer NOT NULL,
  org_id        uuid NOT NULL REFERENCES orgs(id),
  last_seq      integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  PRIMARY KEY (number_prefix, year)
);

-- Content-addressed files: the name is the SHA-256 of the bytes, stored under DATA_DIR/files.
CREATE TABLE stored_files (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  org_id     uuid NOT NULL REFERENCES orgs(id),
  size       bigint NOT NULL CHECK (size >= 0),
  mime       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE document_attachments (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL REFERENCES orgs(id),
  document_id             uuid NOT NULL,
  -- carried from the document (kept in step by the foreign key) so the CHECK can see it
  document_classification text NOT NULL DEFAULT 'none',
  sha256                  text NOT NULL REFERENCES stored_files(sha256),
  file_name               text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  mime                    text NOT NULL,
  size                    bigint NOT NULL,
  sort_order              integer NOT NULL DEFAULT 0,
  uploaded_by             uuid NOT NULL REFERENCES users(id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  removed_at              timestamptz,
  FOREIGN KEY (document_id, document_classification) REFERENCES documents(id, classification) ON UPDATE CASCADE,
  CONSTRAINT attachments_not_classified CHECK (document_classification = 'none')
);
CREATE INDEX document_attachments_doc_idx ON document_attachments (document_id);

-- One row per recipient org of an online dispatch; org_id is the recipient (its inbox).
CREATE TABLE deliveries (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL REFERENCES orgs(id),
  sender_org_id           uuid NOT NULL REFERENCES orgs(id),
  document_id             uuid NOT NULL,
  document_classification text NOT NULL DEFAULT 'none',
  recipient_kind          text NOT NULL CHECK (recipient_kind IN ('main','copy')),
  status                  text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','acknowledged','returned','withdrawn')),
  created_at              timestamptz NOT NULL DEFAULT now(),
  acknowledged_at         timestamptz,
  acknowledged_by         uuid REFERENCES users(id),
  returned_at             timestamptz,
  return_reason           text,
  withdrawn_at            timestamptz,
  reminded_at             timestamptz,
  reminder_count          integer NOT NULL DEFAULT 0,
  UNIQUE (document_id, org_id),
  FOREIGN KEY (document_id, document_classification) REFERENCES documents(id, classification) ON UPDATE CASCADE,
  CONSTRAINT deliveries_not_classified CHECK (document_classification = 'none'),
  CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL)),
  CHECK (status <> 'returned' OR return_reason IS NOT NULL)
);
CREATE INDEX deliveries_inbox_idx ON deliveries (org_id, created_at DESC, id DESC);
CREATE INDEX deliveries_pending_idx ON deliveries (org_id, created_at DESC) WHERE status = 'pending';

CREATE TABLE incoming_serial_counters (
  org_id   uuid NOT NULL REFERENCES orgs(id),
  year     integer NOT NULL,
  last_seq integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, year)
);

-- 收文: the incoming register entry and its processing slip (文件处理笺).
CREATE TABLE incoming (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES orgs(id),
  serial_year     integer NOT NULL,
  serial_seq      integer NOT NULL CHECK (serial_seq >= 1),
  serial          text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('online','paper')),
  delivery_id     uuid UNIQUE REFERENCES deliveries(id),
  document_id     uuid REFERENCES documents(id),
  sender_org_id   uuid REFERENCES orgs(id),
  sender_name     text NOT NULL,
  doc_number      text,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  doc_type        text,
  urgency         text NOT NULL DEFAULT 'none' CHECK (urgency IN ('none','urgent','extra_urgent')),
  classification  text NOT NULL DEFAULT 'none' CHECK (classification IN ('none','confidential','secret','top_secret')),
  copies          integer NOT NULL DEFAULT 1 CHECK (copies >= 1),
  copy_numbers    text,
  -- a paper document's transcribed body; online ones read the (frozen) document
  body            text,
  received_date   date NOT NULL,
  received_by     uuid NOT NULL REFERENCES users(id),
  received_at     timestamptz NOT NULL DEFAULT now(),
  status          text NOT NULL DEFAULT 'received' CHECK (status IN ('received','returned','circulating','accepted','proposed','instructed','in_progress','closed')),
  mode            text CHECK (mode IN ('read','act')),
  screened_by     uuid REFERENCES users(id),
  screened_at     timestamptz,
  return_reason   text,
  proposal        text,
  proposed_by     uuid REFERENCES users(id),
  proposed_at     timestamptz,
  instruction     text,
  instructed_by   uuid REFERENCES users(id),
  instructed_at   timestamptz,
  handler_ids     uuid[] NOT NULL DEFAULT '{}',
  deadline        date,
  result          text,
  closed_by       uuid REFERENCES users(id),
  closed_at       timestamptz,
  reply           text,
  replied_at      timestamptz,
  archived_at     timestamptz,
  UNIQUE (org_id, serial_year, serial_seq),
  CHECK (classification = 'none' OR (channel = 'paper' AND document_id IS NULL AND delivery_id IS NULL AND body IS NULL)),
  CHECK (status <> 'in_progress' OR urgency = 'none' OR deadline IS NOT NULL)
);
CREATE INDEX incoming_org_idx ON incoming (org_id, received_date DESC);

-- 传阅: who must read it, who has, with their notes.
CREATE TABLE incoming_circulation (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  incoming_id uuid NOT NULL REFERENCES incoming(id),
  user_id     uuid NOT NULL REFERENCES users(id),
  sent_at     timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  note        text,
  UNIQUE (incoming_id, user_id)
);

-- 催办 (incoming) and 催收 (pending deliveries): each reminder sent, by hand or automatically.
CREATE TABLE document_reminders (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  incoming_id uuid REFERENCES incoming(id),
  delivery_id uuid REFERENCES deliveries(id),
  kind        text NOT NULL CHECK (kind IN ('manual','before_deadline','after_deadline','receipt')),
  note        text,
  sent_by     uuid REFERENCES users(id),
  sent_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((incoming_id IS NULL) <> (delivery_id IS NULL))
);
