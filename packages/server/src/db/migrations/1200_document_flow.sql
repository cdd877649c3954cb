-- Issue 13: 退回 to any earlier step, 取回 by the sender, 加签 of a second reviewer.
--
-- 加签: while in review, the reviewer may add one more reviewer of the same org, who must approve
-- (or return) before the document moves on. One added reviewer at a time: the pending one is on the
-- row, cleared when they decide; every addition is kept in document_flow_steps.
ALTER TABLE documents
  ADD COLUMN added_reviewer_id uuid REFERENCES users(id),
  ADD COLUMN added_reviewer_note text CHECK (length(added_reviewer_note) <= 500),
  ADD COLUMN added_by uuid REFERENCES users(id),
  ADD CONSTRAINT documents_added_reviewer_pair CHECK ((added_reviewer_id IS NULL) = (added_by IS NULL)),
  ADD CONSTRAINT documents_added_reviewer_in_review CHECK (added_reviewer_id IS NULL OR status = 'in_review');

-- The flow's steps taken back and added: a 退回 (to the drafter or to the review, with its reason and
-- what it cleared: the review, the sign-off, the 复核), a 取回 by the sender, a 加签. The slip shows
-- them; the document row holds only the current state.
CREATE TABLE document_flow_steps (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  document_id  uuid NOT NULL REFERENCES documents(id),
  kind         text NOT NULL CHECK (kind IN ('return', 'recall', 'addReviewer')),
  from_status  text NOT NULL CHECK (from_status IN ('draft','in_review','returned','reviewed','signed_off','numbered','dispatched','void')),
  to_status    text NOT NULL CHECK (to_status IN ('draft','in_review','returned','reviewed','signed_off','numbered','dispatched','void')),
  reason       text CHECK (length(reason) <= 500),
  user_id      uuid NOT NULL REFERENCES users(id),
  user_name    text NOT NULL,
  -- the person it went to (the drafter, the reviewer, the added reviewer), when there is one
  target_id    uuid REFERENCES users(id),
  target_name  text,
  -- the steps a 退回 or 取回 cleared, as they were (who reviewed, who signed, the opinion, the 复核)
  cleared      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT document_flow_steps_target_pair CHECK ((target_id IS NULL) = (target_name IS NULL)),
  CONSTRAINT document_flow_steps_return_reason CHECK (kind <> 'return' OR length(reason) >= 1)
);
CREATE INDEX document_flow_steps_document_idx ON document_flow_steps (document_id, created_at);

-- The person a document is returned to hears of it in the bell.
ALTER TABLE notifications DROP CONSTRAINT notifications_stage_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_stage_check
  CHECK (stage IN ('new', 'before', 'due', 'overdue', 'escalated', 'reminded', 'resent', 'delegated', 'undelegated', 'returned'));
