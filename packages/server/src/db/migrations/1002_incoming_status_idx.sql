-- The county's 收文 list filtered by one status (all townships' 办理中, say), in received order. Without
-- it the planner chose between walking incoming_received_idx and filtering, and a sequential scan
-- with a sort; on PostgreSQL 15 it took the scan in one fresh-clone CI run and the index in others,
-- as ANALYZE's sample moved the estimates. With it both the page and the capped count read an index.
CREATE INDEX incoming_status_received_idx ON incoming (status, received_date DESC, serial_seq DESC, id DESC);
