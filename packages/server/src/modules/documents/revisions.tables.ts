/** 痕迹保留: the versions of a document's title and body after submission, and what each user last saw (1130_document_revisions.sql). */
import { foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DOCUMENT_STATUSES } from '@township-office/domain/documents';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import { documents } from './documents.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const documentRevisions = pgTable(
  'document_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    documentId: uuid('document_id').notNull(),
    documentClassification: text('document_classification').notNull().default('none'),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    statusAtSave: text('status_at_save', { enum: DOCUMENT_STATUSES }).notNull(),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => users.id),
    savedAt: ts('saved_at').notNull().defaultNow(),
  },
  (t) => [foreignKey({ columns: [t.documentId, t.documentClassification], foreignColumns: [documents.id, documents.classification] })],
);
export type RevisionRow = typeof documentRevisions.$inferSelect;

export const documentRevisionViews = pgTable(
  'document_revision_views',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastSeenSeq: integer('last_seen_seq').notNull(),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] })],
);
