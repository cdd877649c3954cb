-- A reminder's event key now names the deadline it is about
-- (`due:delivery.acknowledge:<id>@2026-12-03T02:00:00.000Z`, the instant as JavaScript's toISOString
-- writes it), so a record given a new deadline (a delivery re-sent, a deadline extended) is reminded
-- again. The reminders already sent get the same suffix from their own due_at, so the upgrade does
-- not ring them a second time.
UPDATE notifications
   SET event_key = event_key || '@' || to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
 WHERE stage IN ('before', 'due', 'overdue', 'escalated')
   AND due_at IS NOT NULL
   AND position('@' IN event_key) = 0;
