-- pgcrypto's digest(…, 'sm3') (OpenSSL's SM3, GB/T 32905) lets a write append its audit row inside
-- its own single statement (platform/audit.ts appendAuditSql): the hash is computed where the chain
-- head is locked, so the lock lasts for that statement and its COMMIT only (issue 14).
CREATE EXTENSION IF NOT EXISTS pgcrypto;
-- Fails here, at migration time, if this PostgreSQL's OpenSSL has no SM3, rather than at the first write.
DO $$ BEGIN
  IF encode(digest(convert_to('abc', 'UTF8'), 'sm3'), 'hex') <> '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' THEN
    RAISE EXCEPTION 'pgcrypto SM3 gives a wrong digest';
  END IF;
END $$;
