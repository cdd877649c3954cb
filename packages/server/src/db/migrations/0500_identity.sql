-- Sign-in failures, counted per (name as typed, client address) rather than per account: one
-- hostile caller can then lock only their own address out of a name, never the leader who owns
-- it. The name is the text typed, known or not, so an unknown name behaves exactly like a known
-- one (same counts, same locks) and the answers do not tell which accounts exist. The account is
-- locked for everyone only while several addresses hold a live lock on it (see lockout.service.ts).
CREATE TABLE login_failures (
  username text NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 64),
  failures integer NOT NULL CHECK (failures >= 0),
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  PRIMARY KEY (username, address)
);
-- The security administrator's list of live locks, and the pruning of stale rows.
CREATE INDEX login_failures_locked_idx ON login_failures (locked_until) WHERE locked_until IS NOT NULL;
CREATE INDEX login_failures_last_idx ON login_failures (last_failed_at);

-- The demo seed marks its accounts exempt from the administrators' required second factor, so the
-- demo stays usable with the password alone; accounts made any other way are never exempt.
ALTER TABLE users ADD COLUMN mfa_exempt boolean NOT NULL DEFAULT false;
