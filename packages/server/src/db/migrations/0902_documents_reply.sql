-- 答复 (复文): a reply to an incoming entry is an outgoing draft linked both ways.
ALTER TABLE documents ADD COLUMN reply_to_incoming_id uuid REFERENCES incoming(id);
ALTER TABLE incoming ADD COLUMN reply_document_id uuid REFERENCES documents(id);
CREATE UNIQUE INDEX documents_reply_to_uq ON documents (reply_to_incoming_id) WHERE reply_to_incoming_id IS NOT NULL;
