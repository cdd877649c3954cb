-- Issue 11, 委托 (delegation): a leader who is away names a colleague of the same org who signs off
-- (签发) and instructs (批示) on the leader's behalf for a period of calendar days (China time, both
-- ends included). Effective only within the period and while not revoked: computed when asked, so
-- a delegation ends by itself with no job. Never deleted: revoking is a recorded state.
CREATE TABLE delegations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES orgs(id),
  principal_id  uuid NOT NULL REFERENCES users(id),
  delegate_id   uuid NOT NULL REFERENCES users(id),
  starts_on     date NOT NULL,
  ends_on       date NOT NULL,
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  revoked_by    uuid REFERENCES users(id),
  CONSTRAINT delegations_not_self CHECK (principal_id <> delegate_id),
  CONSTRAINT delegations_period CHECK (ends_on >= starts_on),
  CONSTRAINT delegations_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- Who acts for whom today: looked up on every request by the delegate, and by the principal's banner.
CREATE INDEX delegations_delegate_idx ON delegations (delegate_id, ends_on) WHERE revoked_at IS NULL;
CREATE INDEX delegations_principal_idx ON delegations (principal_id, ends_on) WHERE revoked_at IS NULL;
CREATE INDEX delegations_org_idx ON delegations (org_id, starts_on DESC);

-- The record of an action taken on a leader's behalf: who acted is the *_by column, for whom this one.
ALTER TABLE incoming ADD COLUMN instructed_for uuid REFERENCES users(id);
ALTER TABLE documents ADD COLUMN signer_for_id uuid REFERENCES users(id);
ALTER TABLE documents ADD COLUMN signer_for_name text;
