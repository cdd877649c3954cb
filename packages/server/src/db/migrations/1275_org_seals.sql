-- Issue 13: an org's seal picture, set by the security administrator (安全保密管理员), placed on the
-- org's official documents per GB/T 9704-2012 7.3.5.1 when set (7.3.5.2, no seal, when not). The
-- picture is a validated PNG of at most 512 KB (modules/signing); its bytes live with the row so that
-- templates, backups and restores carry them, as the signed PDFs do. One picture per org.
CREATE TABLE org_seals (
  org_id       uuid PRIMARY KEY REFERENCES orgs(id),
  png          bytea NOT NULL CHECK (octet_length(png) BETWEEN 1 AND 524288),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  width        integer NOT NULL CHECK (width > 0),
  height       integer NOT NULL CHECK (height > 0),
  transparent  boolean NOT NULL,
  set_by       uuid NOT NULL REFERENCES users(id),
  set_at       timestamptz NOT NULL DEFAULT now()
);
