-- Platform: the org tree, accounts and sessions, and the tamper-evident audit log.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE orgs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id     uuid REFERENCES orgs(id),
  kind          text NOT NULL CHECK (kind IN ('county', 'county_office', 'township', 'county_department')),
  name          text NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
  short_name    text,
  -- 机构代码, used in archival codes and exports
  code          text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,10}$'),
  -- 机关代字 of the 发文字号, e.g. 青委办发
  number_prefix text,
  sort_order    integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz,
  CHECK ((kind = 'county') = (parent_id IS NULL))
);
CREATE INDEX orgs_parent_idx ON orgs (parent_id);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{2,31}$'),
  display_name         text NOT NULL,
  org_id               uuid NOT NULL REFERENCES orgs(id),
  -- one role per account: 三员 separation holds by construction (no account holds two roles)
  role                 text NOT NULL CHECK (role IN ('county_admin', 'county_staff', 'office_staff', 'leader_in_charge',
                                                     'system_admin', 'security_admin', 'audit_admin')),
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  failed_attempts      integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  totp_secret          text,
  totp_enabled         boolean NOT NULL DEFAULT false,
  last_login_at        timestamptz,
  disabled_at          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
);
CREATE INDEX users_org_idx ON users (org_id);

CREATE TABLE sessions (
  -- SHA-256 of the cookie token: a stolen database does not yield live sessions
  id            text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id),
  csrf_token    text NOT NULL,
  ip            text,
  user_agent    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  ended_at      timestamptz,
  end_reason    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;

-- One hash chain per org; its head row is locked inside the writing transaction, so writes in
-- different orgs never wait for each other. chain = org id, or 'system' for events with no org.
CREATE TABLE audit_chain_heads (
  chain     text PRIMARY KEY,
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  chain          text NOT NULL,
  seq            bigint NOT NULL,
  at             timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_username text,
  actor_role     text,
  org_id         uuid,
  ip             text,
  action         text NOT NULL,
  entity         text NOT NULL,
  entity_id      text,
  before         jsonb,
  after          jsonb,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  UNIQUE (chain, seq)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at DESC);

-- The audit log is append-only for the application.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Deployment facts: e.g. whether the demo county was seeded.
CREATE TABLE app_settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);
