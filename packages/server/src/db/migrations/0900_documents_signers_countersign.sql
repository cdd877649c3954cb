-- Issue 13: who signs and 会签.
-- 主要负责人 (principal leader): signs upward and important documents (党政机关公文处理工作条例 第二十二条).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('county_admin', 'county_staff', 'office_staff', 'leader_in_charge',
  'principal_leader', 'system_admin', 'security_admin', 'audit_admin'));

-- upward: some main recipient stands above the sender (kept by the service whenever the recipients change);
-- important: marked 重要公文 by the drafter. Either one needs the principal leader's signature.
ALTER TABLE documents ADD COLUMN upward boolean NOT NULL DEFAULT false;
ALTER TABLE documents ADD COLUMN important boolean NOT NULL DEFAULT false;
-- 联合行文: the co-issuing orgs asked to countersign, and those that approved in the current round
-- (a resubmission starts a new round). The decisions themselves are kept in document_countersigns.
ALTER TABLE documents ADD COLUMN countersign_org_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(countersign_org_ids) <= 10);
ALTER TABLE documents ADD COLUMN countersigned_org_ids uuid[] NOT NULL DEFAULT '{}' CHECK (countersigned_org_ids <@ countersign_org_ids);
ALTER TABLE documents ADD CONSTRAINT documents_countersign_not_self CHECK (NOT (org_id = ANY (countersign_org_ids)));

UPDATE documents d SET upward = EXISTS (
  SELECT 1 FROM orgs s, orgs r
  WHERE s.id = d.org_id AND r.id = ANY (d.main_recipient_org_ids)
    AND (CASE r.kind WHEN 'county' THEN 0 WHEN 'township' THEN 2 ELSE 1 END) < (CASE s.kind WHEN 'county' THEN 0 WHEN 'township' THEN 2 ELSE 1 END));

CREATE TABLE document_countersigns (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id  uuid NOT NULL REFERENCES documents(id),
  org_id       uuid NOT NULL REFERENCES orgs(id),
  decision     text NOT NULL CHECK (decision IN ('approve', 'return')),
  opinion      text NOT NULL CHECK (length(opinion) BETWEEN 1 AND 1000),
  user_id      uuid NOT NULL REFERENCES users(id),
  user_name    text NOT NULL,
  decided_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_countersigns_doc_idx ON document_countersigns (document_id, decided_at);
