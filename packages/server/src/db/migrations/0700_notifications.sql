-- Notifications (通知中心): reminders before, on and after every deadline the workbench knows, new
-- to-dos (a delivery, an instruction asked of me, a returned draft), escalations to the office's
-- leader in charge. One row per (person, event): the unique key makes the reminder engine idempotent
-- and safe with several server processes (a second insert of the same event is a no-op).
CREATE TABLE notifications (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES orgs(id),
  user_id     uuid NOT NULL REFERENCES users(id),
  -- the to-do kind (domain/workbench.ts TODO_KINDS) and the stage: new, before, due, overdue, escalated
  todo_kind   text NOT NULL CHECK (length(todo_kind) BETWEEN 1 AND 60),
  stage       text NOT NULL CHECK (stage IN ('new', 'before', 'due', 'overdue', 'escalated')),
  days_left   integer,
  record_id   uuid NOT NULL,
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 400),
  subject     text,
  href        text NOT NULL CHECK (href LIKE '/%'),
  due_at      timestamptz,
  event_key   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  UNIQUE (user_id, event_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
