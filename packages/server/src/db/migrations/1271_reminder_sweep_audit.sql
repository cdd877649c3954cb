-- News (a delivery, an entry waiting for my instruction) has no date to window on: the sweep reads
-- only the records written since the last sweep, found in the audit trail (every write is audited in
-- its own transaction). The server's clock when the last sweep began; the next one reads the audit
-- rows from an hour before it, so a transaction still open then is not missed (the keys make
-- reading a record twice harmless).
ALTER TABLE reminder_sweeps ADD COLUMN audit_at timestamptz;
