-- Signed checkpoints of the audit chains. The SM3 chain alone has no secret: whoever can write
-- the table can edit a row and recompute every later hash. Every N rows and at least hourly the
-- head of each chain (position and hash) is signed with an SM2 key kept in files outside the
-- database (platform/keys.ts), so a recomputed chain no longer matches its signed checkpoints.
-- The rows hold only the signature and the public key, never the private key.
CREATE TABLE audit_checkpoints (
  id              bigserial PRIMARY KEY,
  chain           text NOT NULL,
  seq             bigint NOT NULL,
  row_hash        text NOT NULL,
  at              timestamptz NOT NULL,
  key_fingerprint text NOT NULL,
  public_key      text NOT NULL,
  signature       text NOT NULL,
  -- One checkpoint per chain position: the hourly job of two server processes cannot double it.
  UNIQUE (chain, seq)
);

-- The position of the chain's latest checkpoint, read on the head row that the writing
-- transaction has locked anyway: deciding whether a checkpoint is due costs nothing extra.
ALTER TABLE audit_chain_heads ADD COLUMN checkpoint_seq bigint NOT NULL DEFAULT 0;

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
