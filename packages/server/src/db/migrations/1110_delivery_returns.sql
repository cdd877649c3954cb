-- 补发 (issue 12): the sender sends a returned delivery again to the same recipient. The delivery
-- row is reopened (one row per document and recipient stays the rule: UNIQUE (document_id, org_id)),
-- so every 退回 is kept here with its reason, who returned it, and when and by whom it was sent again.
CREATE TABLE delivery_returns (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id  uuid NOT NULL REFERENCES deliveries(id),
  returned_at  timestamptz NOT NULL,
  -- null only for the returns recorded before this table (the delivery kept no name)
  returned_by  uuid REFERENCES users(id),
  reason       text NOT NULL CHECK (length(reason) >= 1),
  resent_at    timestamptz,
  resent_by    uuid REFERENCES users(id),
  resend_note  text CHECK (resend_note IS NULL OR length(resend_note) <= 500),
  CHECK ((resent_at IS NULL) = (resent_by IS NULL)),
  CHECK (resent_at IS NULL OR resent_at >= returned_at)
);
CREATE INDEX delivery_returns_delivery_idx ON delivery_returns (delivery_id, returned_at);
-- At most one return waits for a 补发 at a time: two concurrent re-sends cannot both close it.
CREATE UNIQUE INDEX delivery_returns_open_uq ON delivery_returns (delivery_id) WHERE resent_at IS NULL;

INSERT INTO delivery_returns (delivery_id, returned_at, reason)
SELECT id, COALESCE(returned_at, created_at), return_reason FROM deliveries WHERE status = 'returned';

-- When the delivery was last sent: the dispatch, or the latest 补发. The 24-hour receipt clock and
-- the inbox's 发送时间 run from it; created_at stays the first dispatch.
ALTER TABLE deliveries ADD COLUMN sent_at timestamptz;
UPDATE deliveries SET sent_at = created_at;
ALTER TABLE deliveries ALTER COLUMN sent_at SET NOT NULL, ALTER COLUMN sent_at SET DEFAULT now();

-- Notifications a module announces at once, not found on the workbench: 催办 (a reminder from the
-- sender) and 补发 (a returned delivery sent again).
ALTER TABLE notifications DROP CONSTRAINT notifications_stage_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_stage_check
  CHECK (stage IN ('new', 'before', 'due', 'overdue', 'escalated', 'reminded', 'resent'));
