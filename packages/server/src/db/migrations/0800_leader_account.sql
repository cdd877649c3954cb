-- A township's leader in charge is a person with an account (the one who signs off and instructs):
-- the record links to it, so the record and the account cannot name two different people.
-- Nullable: older records, and leaders recorded before their account exists, keep the name alone.
ALTER TABLE leaders_in_charge ADD COLUMN user_id uuid REFERENCES users(id);
CREATE INDEX leaders_in_charge_user_idx ON leaders_in_charge (user_id) WHERE user_id IS NOT NULL;
