import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ClassKind, ComponentRole, Retention } from '@township-office/domain/archives';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const archiveConfigs = pgTable('archive_configs', {
  orgId: uuid('org_id').primaryKey(),
  fondsCode: text('fonds_code').notNull(),
  scheme: text('scheme').$type<ClassKind>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
export type ArchiveConfigRow = typeof archiveConfigs.$inferSelect;

export const archiveClasses = pgTable(
  'archive_classes',
  {
    orgId: uuid('org_id').notNull(),
    kind: text('kind').$type<ClassKind>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.code] })],
);
export type ArchiveClassRow = typeof archiveClasses.$inferSelect;

export const archiveYearSchemes = pgTable(
  'archive_year_schemes',
  { orgId: uuid('org_id').notNull(), year: integer('year').notNull(), classKind: text('class_kind').$type<ClassKind>().notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

export const archiveCounters = pgTable(
  'archive_counters',
  {
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    retention: text('retention').notNull(),
    classCode: text('class_code').notNull(),
    lastNo: integer('last_no').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.retention, t.classCode] })],
);

export interface ArchiveComponent {
  role: ComponentRole;
  label: string;
  title: string;
  /** Label/value lines of a slip, or the paragraphs of a document. */
  fields?: [string, string][];
  paragraphs?: string[];
  pages: number;
}

export const archiveItems = pgTable('archive_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  fondsCode: text('fonds_code').notNull(),
  year: integer('year').notNull(),
  retention: text('retention').$type<Retention>().notNull(),
  classKind: text('class_kind').$type<ClassKind>().notNull(),
  classCode: text('class_code').notNull(),
  itemNo: integer('item_no').notNull(),
  archivalCode: text('archival_code').notNull(),
  sourceKind: text('source_kind').$type<'outgoing' | 'incoming' | 'manual'>().notNull(),
  sourceId: uuid('source_id'),
  docNumber: text('doc_number'),
  responsible: text('responsible').notNull(),
  title: text('title').notNull(),
  docDate: date('doc_date', { mode: 'string' }).notNull(),
  classification: text('classification').$type<'none' | 'confidential' | 'secret' | 'top_secret'>().notNull().default('none'),
  pages: integer('pages').notNull(),
  remark: text('remark'),
  components: jsonb('components').$type<ArchiveComponent[]>().notNull(),
  archivedBy: uuid('archived_by').notNull(),
  archivedAt: ts('archived_at').notNull().defaultNow(),
});
export type ArchiveItemRow = typeof archiveItems.$inferSelect;

export const archiveAnnotations = pgTable('archive_annotations', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  itemId: uuid('item_id').notNull(),
  field: text('field'),
  note: text('note').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type ArchiveAnnotationRow = typeof archiveAnnotations.$inferSelect;

export const archiveLoans = pgTable('archive_loans', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  itemId: uuid('item_id').notNull(),
  borrower: text('borrower').notNull(),
  borrowerOrg: text('borrower_org'),
  purpose: text('purpose').notNull(),
  lentAt: ts('lent_at').notNull().defaultNow(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  lentBy: uuid('lent_by').notNull(),
  returnedAt: ts('returned_at'),
  returnedBy: uuid('returned_by'),
});
export type ArchiveLoanRow = typeof archiveLoans.$inferSelect;

export const archiveTransfers = pgTable('archive_transfers', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  year: integer('year').notNull(),
  receiver: text('receiver').notNull(),
  itemCount: integer('item_count').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type ArchiveTransferRow = typeof archiveTransfers.$inferSelect;

export const archiveTransferItems = pgTable(
  'archive_transfer_items',
  { orgId: uuid('org_id').notNull(), transferId: uuid('transfer_id').notNull(), itemId: uuid('item_id').notNull() },
  (t) => [primaryKey({ columns: [t.transferId, t.itemId] })],
);
