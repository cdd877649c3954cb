-- The set-based, incremental reminder sweep (issue 11).
--
-- 1. The instant of the last sweep: the next one reads only the deadlines for which a reminder point
--    (3 and 1 days before, the day, the moment it passes) falls in (last, now], plus records created
--    since; one row, written in the sweep's transaction under its advisory lock.
CREATE TABLE reminder_sweeps (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  swept_at  timestamptz NOT NULL
);

-- 2. The digest: a person for whom one sweep finds more than 500 new events gets one notification
--    (stage 'digest', item_count events, counts per stage in digest) instead of one row per event;
--    the events it stands for are kept as (person, event key) below, so each is still sent once (the
--    engine and the bell's catch-up check both tables). Narrow rows, no foreign keys: the first
--    sweep of a county writes millions of them.
ALTER TABLE notifications ADD COLUMN item_count integer CHECK (item_count > 0);
ALTER TABLE notifications ADD COLUMN digest jsonb;
ALTER TABLE notifications DROP CONSTRAINT notifications_stage_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_stage_check
  CHECK (stage IN ('new', 'before', 'due', 'overdue', 'escalated', 'reminded', 'resent', 'delegated', 'undelegated', 'returned', 'digest'));
ALTER TABLE notifications ADD CONSTRAINT notifications_digest_check CHECK ((stage = 'digest') = (item_count IS NOT NULL));

CREATE TABLE notification_digest_events (
  user_id    uuid NOT NULL,
  event_key  text NOT NULL,
  PRIMARY KEY (user_id, event_key)
);

-- 3. The windows read deadlines across every office by date: open follow-ups and loans not returned
--    by their due day (petitions_due_idx already serves petitions).
CREATE INDEX follow_ups_open_deadline_idx ON follow_ups (deadline) WHERE status = 'open';
CREATE INDEX archive_loans_open_due_idx ON archive_loans (due_on) WHERE returned_at IS NULL;
