-- pgcrypto's digest(…, 'sm3') (OpenSSL's SM3, GB/T 32905) lets a write append its audit row inside
-- its own single statement (platform/audit.ts appendAuditSql): the hash is computed where the chain
-- head is locked, so the lock lasts for that statement and its COMMIT only (issue 14).
CREATE EXTENSION IF NOT EXISTS pgcrypto;
-- Fails here, at migration time, if this PostgreSQL's OpenSSL has no SM3, rather than at the first
-- write. The extension's schema is looked up: a restore replays migrations with only its own schema
-- on the search path, while the extension stays where it was first created.
DO $$
DECLARE
  digest_hex text;
BEGIN
  EXECUTE format('SELECT encode(%I.digest(convert_to(''abc'', ''UTF8''), ''sm3''), ''hex'')',
                 (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pgcrypto'))
    INTO digest_hex;
  IF digest_hex <> '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' THEN
    RAISE EXCEPTION 'pgcrypto SM3 gives a wrong digest: %', digest_hex;
  END IF;
END $$;
