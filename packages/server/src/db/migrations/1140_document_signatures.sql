-- Issue 13, signed documents: the PDF a document was dispatched as online, byte for byte, and the
-- issuing org's SM2 signature over it (platform/document-signing.ts). The bytes live here, not in the
-- file store, so the template databases, backups and restores carry them with the row that signs
-- them, and the PDF a recipient downloads later is exactly the one that was signed. Classified
-- documents are never dispatched online (保密法), so no classified content reaches this table.
CREATE TABLE document_signatures (
  document_id      uuid PRIMARY KEY REFERENCES documents(id),
  org_id           uuid NOT NULL REFERENCES orgs(id),
  pdf              bytea NOT NULL,
  sm3              text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  key_fingerprint  text NOT NULL CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'),
  signature        text NOT NULL,
  signed_by        uuid NOT NULL REFERENCES users(id),
  signed_at        timestamptz NOT NULL DEFAULT now()
);
