-- Outgoing lists at any size (issue 14): every sort of the documents list, the 发文登记本 and the
-- inbox has an index county-wide and per office, so page 1 reads 20 index entries in order instead
-- of sorting the table, and the capped count reads the same index (documents.pages.ts).
--
-- Documents list (drafted / draftedAsc, the latter read backwards): drafted_at DESC, id DESC.
CREATE INDEX IF NOT EXISTS documents_drafted_idx ON documents (drafted_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS documents_org_drafted_idx ON documents (org_id, drafted_at DESC, id DESC);
-- Its prefix (org_id, drafted_at DESC) is the new per-office index's.
DROP INDEX IF EXISTS documents_org_idx;
-- One status (the county's drafts awaiting review, an office's returned ones) in order, without
-- walking the other statuses' rows.
CREATE INDEX IF NOT EXISTS documents_status_drafted_idx ON documents (status, drafted_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS documents_org_status_drafted_idx ON documents (org_id, status, drafted_at DESC, id DESC);

-- 发文登记本: only numbered documents are in it, hence partial indexes.
--   written / writtenAsc: written_date DESC, number_prefix, number_seq DESC
--   number (发文字号):     number_year DESC, number_prefix, number_seq DESC
CREATE INDEX IF NOT EXISTS documents_register_written_idx ON documents (written_date DESC, number_prefix, number_seq DESC)
  WHERE doc_number IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_org_register_written_idx ON documents (org_id, written_date DESC, number_prefix, number_seq DESC)
  WHERE doc_number IS NOT NULL;
-- Its prefix (org_id, written_date DESC) is the new per-office index's.
DROP INDEX IF EXISTS documents_register_idx;
CREATE INDEX IF NOT EXISTS documents_register_number_idx ON documents (number_year DESC, number_prefix, number_seq DESC)
  WHERE doc_number IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_org_register_number_idx ON documents (org_id, number_year DESC, number_prefix, number_seq DESC)
  WHERE doc_number IS NOT NULL;

-- Inbox (always one org's; delivered / deliveredAsc): deliveries_inbox_idx (org_id, created_at DESC,
-- id DESC) serves both orders; one status in order needs the status after the org.
CREATE INDEX IF NOT EXISTS deliveries_org_status_idx ON deliveries (org_id, status, created_at DESC, id DESC);
