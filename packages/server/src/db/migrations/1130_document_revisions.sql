-- Issue 13, 痕迹保留: every saved change of a document's title or body after submission is kept as
-- a version, with who saved it, when, and at which step. Version 1 is the document as submitted;
-- drafts before submission are the drafter's scratch and are not kept. Documents already past
-- draft when this ran have no versions (the API answers an empty list).
CREATE TABLE document_revisions (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL REFERENCES orgs(id),
  document_id             uuid NOT NULL,
  -- carried from the document (kept in step by the foreign key) so the CHECK can see it
  document_classification text NOT NULL DEFAULT 'none',
  seq                     integer NOT NULL CHECK (seq >= 1),
  title                   text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body                    text CHECK (length(body) <= 100000),
  -- the document's status when the change was saved (拟稿 for the submitted version)
  status_at_save          text NOT NULL CHECK (status_at_save IN ('draft','in_review','returned','reviewed','signed_off','numbered','dispatched','void')),
  saved_by                uuid NOT NULL REFERENCES users(id),
  saved_at                timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT document_revisions_seq_uq UNIQUE (document_id, seq),
  FOREIGN KEY (document_id, document_classification) REFERENCES documents(id, classification) ON UPDATE CASCADE,
  -- 保密法: a classified document keeps no content here either
  CONSTRAINT document_revisions_not_classified_content CHECK (document_classification = 'none' OR body IS NULL)
);
CREATE INDEX document_revisions_saved_by_idx ON document_revisions (saved_by, saved_at);

-- The latest version each user has seen of a document ("what changed since you last saw it"):
-- set when they open its revisions, when they save a version, and when they sign it.
CREATE TABLE document_revision_views (
  document_id    uuid NOT NULL REFERENCES documents(id),
  user_id        uuid NOT NULL REFERENCES users(id),
  last_seen_seq  integer NOT NULL CHECK (last_seen_seq >= 1),
  seen_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, user_id)
);
