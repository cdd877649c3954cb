-- The workbench's providers (issue 11: GET /api/workbench p95 ≤ 50 ms for an office with 100,000
-- open items). Each provider asks for an office's open records in its own order and stops at
-- TODO_LIMIT; without these, EXPLAIN ANALYZE at 100,000 items showed each one reading every open
-- record of the office (or the table) and sorting: 收文 a sequential scan of 250,000 entries (50 ms),
-- deliveries a hash join of every pending one sorted by sent_at (21 ms), documents an OR over the
-- table (10 ms), petitions a sequential scan for a leader (2 ms).

-- 收文 at a step: the office's open entries in deadline order (documents.todos.ts incomingSteps).
CREATE INDEX incoming_todo_idx ON incoming (org_id, deadline NULLS LAST, received_at) WHERE status NOT IN ('closed', 'returned');

-- 签收: the office's pending deliveries in the order they were sent (the 24 hours run from sent_at).
CREATE INDEX deliveries_pending_sent_idx ON deliveries (org_id, sent_at) WHERE status = 'pending';

-- 发文 at a step: the office's own open documents by last change, and the drafts of other offices it countersigns (会签).
CREATE INDEX documents_todo_idx ON documents (org_id, updated_at)
  WHERE status IN ('returned', 'in_review', 'reviewed', 'signed_off', 'numbered');
CREATE INDEX documents_countersign_idx ON documents USING gin (countersign_org_ids) WHERE status IN ('in_review', 'reviewed');

-- 信访 deadlines: the office's petitions by due day (petitions_due_idx is county-wide).
CREATE INDEX petitions_org_due_idx ON petitions (org_id, due_on) WHERE due_on IS NOT NULL;
