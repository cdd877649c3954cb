-- Registers brought in from Excel (issue 12): each imported row carries the batch it came with; the
-- batch is one audit row (entity 'import_batch', its id here), so an import is one operation.
ALTER TABLE incoming ADD COLUMN import_batch_id uuid;
ALTER TABLE documents ADD COLUMN import_batch_id uuid;
ALTER TABLE visits ADD COLUMN import_batch_id uuid;
ALTER TABLE meetings ADD COLUMN import_batch_id uuid;
CREATE INDEX incoming_import_batch_idx ON incoming (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX documents_import_batch_idx ON documents (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX visits_import_batch_idx ON visits (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX meetings_import_batch_idx ON meetings (import_batch_id) WHERE import_batch_id IS NOT NULL;
-- Duplicate checks of an incoming import look up (org, sender, 来文字号).
CREATE INDEX incoming_org_doc_number_idx ON incoming (org_id, doc_number) WHERE doc_number IS NOT NULL;
