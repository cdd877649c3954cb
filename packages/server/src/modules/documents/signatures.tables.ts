/** Signed documents: the dispatched PDF's bytes and the issuing org's SM2 signature over them (1140_document_signatures.sql). */
import { customType, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import { documents } from './documents.tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const documentSignatures = pgTable('document_signatures', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  pdf: bytea('pdf').notNull(),
  sm3: text('sm3').notNull(),
  keyFingerprint: text('key_fingerprint').notNull(),
  signature: text('signature').notNull(),
  signedBy: uuid('signed_by')
    .notNull()
    .references(() => users.id),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
});

export type SignatureRow = typeof documentSignatures.$inferSelect;
