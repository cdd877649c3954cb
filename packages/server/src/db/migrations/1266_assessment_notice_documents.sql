-- The 通知 that issues a scheme (关于印发《…》的通知): the outgoing draft the documents module made
-- for it. One per scheme; a second is refused while that one lives (not void). The document is the
-- documents module's own record: no foreign key into its tables, the id is asked of its service.
CREATE TABLE assessment_notice_documents (
  scheme_id    uuid PRIMARY KEY REFERENCES assessment_schemes(id),
  document_id  uuid NOT NULL,
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
