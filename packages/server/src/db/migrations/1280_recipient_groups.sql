-- Issue 13: recipient groups (主送/抄送 groups) such as "各乡镇（区）党委、政府" or "县直各单位", kept by
-- the county office. A document addressed to a group prints the group's name in 主送 / 抄送 and in
-- the outgoing register, and is delivered to each member. `org_id` is the county the list belongs to
-- (its office keeps it); members are orgs of that county. Deleting is a recorded state (deleted_at).
CREATE TABLE recipient_groups (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id          uuid NOT NULL REFERENCES orgs(id),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  member_org_ids  uuid[] NOT NULL CHECK (cardinality(member_org_ids) >= 1),
  created_by      uuid NOT NULL REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  deleted_at      timestamptz
);
CREATE UNIQUE INDEX recipient_groups_name_key ON recipient_groups (org_id, name) WHERE deleted_at IS NULL;

-- The groups a document is addressed to, frozen as they were when the draft was saved: [{ id, name,
-- memberOrgIds }]. main/copy_recipient_org_ids keep every recipient org (the groups' members and the
-- single orgs, once each), so dispatch, direction and the 请示 rule read them as before.
ALTER TABLE documents
  ADD COLUMN main_recipient_groups jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(main_recipient_groups) = 'array'),
  ADD COLUMN copy_recipient_groups jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(copy_recipient_groups) = 'array');
