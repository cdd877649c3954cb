-- 复核 before numbering: after sign-off the office checks the approval chain, content, type and format;
-- a substantive change after sign-off goes back to the original signer for 复审 (who is kept here).
ALTER TABLE documents ADD COLUMN rechecked_by uuid REFERENCES users(id);
ALTER TABLE documents ADD COLUMN rechecked_at timestamptz;
ALTER TABLE documents ADD COLUMN original_signer_id uuid REFERENCES users(id);
ALTER TABLE documents ADD COLUMN original_signer_name text;
ALTER TABLE documents ADD CONSTRAINT documents_recheck_pair CHECK ((rechecked_by IS NULL) = (rechecked_at IS NULL));
-- Documents numbered before 复核 existed count as checked when they were numbered.
UPDATE documents SET rechecked_by = numbered_by, rechecked_at = numbered_at WHERE numbered_at IS NOT NULL AND numbered_by IS NOT NULL;
