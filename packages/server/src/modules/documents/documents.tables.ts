import { bigint, boolean, date, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  CHANNELS,
  CLASSIFICATIONS,
  DELIVERY_STATUSES,
  DOCUMENT_STATUSES,
  INCOMING_STATUSES,
  PAPER_CHANNELS,
  SECRECY_UNITS,
  URGENCIES,
} from '@township-office/domain/documents';
import type { RecipientGroupSnapshot } from '@township-office/domain/orgs';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  docType: text('doc_type').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  attachmentNote: text('attachment_note'),
  remark: text('remark'),
  urgency: text('urgency', { enum: URGENCIES }).notNull().default('none'),
  classification: text('classification', { enum: CLASSIFICATIONS }).notNull().default('none'),
  status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('draft'),
  mainRecipientOrgIds: uuid('main_recipient_org_ids').array().notNull(),
  copyRecipientOrgIds: uuid('copy_recipient_org_ids').array().notNull().default([]),
  /** The recipient groups addressed, frozen when saved (1280_recipient_groups.sql); their members are in the org ids above. */
  mainRecipientGroups: jsonb('main_recipient_groups').$type<RecipientGroupSnapshot[]>().notNull().default([]),
  copyRecipientGroups: jsonb('copy_recipient_groups').$type<RecipientGroupSnapshot[]>().notNull().default([]),
  drafterId: uuid('drafter_id')
    .notNull()
    .references(() => users.id),
  draftedAt: ts('drafted_at').notNull().defaultNow(),
  submittedAt: ts('submitted_at'),
  reviewerId: uuid('reviewer_id').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  reviewComment: text('review_comment'),
  signerId: uuid('signer_id').references(() => users.id),
  signerName: text('signer_name'),
  /** 委托: the leader on whose behalf the signer signed (1100_delegations.sql); null when signed in their own right. */
  signerForId: uuid('signer_for_id').references(() => users.id),
  signerForName: text('signer_for_name'),
  signOffOpinion: text('sign_off_opinion'),
  signedAt: ts('signed_at'),
  writtenDate: date('written_date'),
  numberPrefix: text('number_prefix'),
  numberYear: integer('number_year'),
  numberSeq: integer('number_seq'),
  docNumber: text('doc_number'),
  numberedBy: uuid('numbered_by').references(() => users.id),
  numberedAt: ts('numbered_at'),
  channel: text('channel', { enum: CHANNELS }),
  dispatchedBy: uuid('dispatched_by').references(() => users.id),
  dispatchedAt: ts('dispatched_at'),
  copies: integer('copies'),
  copyNumbers: text('copy_numbers'),
  voidedAt: ts('voided_at'),
  voidReason: text('void_reason'),
  /** The Excel import this row came with (issue 12), null for a row entered here. */
  importBatchId: uuid('import_batch_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  upward: boolean('upward').notNull().default(false),
  important: boolean('important').notNull().default(false),
  countersignOrgIds: uuid('countersign_org_ids').array().notNull().default([]),
  countersignedOrgIds: uuid('countersigned_org_ids').array().notNull().default([]),
  recheckedBy: uuid('rechecked_by').references(() => users.id),
  recheckedAt: ts('rechecked_at'),
  originalSignerId: uuid('original_signer_id').references(() => users.id),
  originalSignerName: text('original_signer_name'),
  /** 复文: the incoming entry this document answers. */
  replyToIncomingId: uuid('reply_to_incoming_id'),
  /** 保密期限 of a classified document and how its paper copies went (1190_classified_records.sql). */
  secrecyUnit: text('secrecy_unit', { enum: SECRECY_UNITS }),
  secrecyAmount: integer('secrecy_amount'),
  paperChannel: text('paper_channel', { enum: PAPER_CHANNELS }),
  /** 加签 (1200_document_flow.sql): the reviewer added while in review, who must decide before it moves on; and who added them. */
  addedReviewerId: uuid('added_reviewer_id').references(() => users.id),
  addedReviewerNote: text('added_reviewer_note'),
  addedBy: uuid('added_by').references(() => users.id),
});
export type DocumentRow = typeof documents.$inferSelect;

/** 会签 decisions, every round kept. */
export const documentCountersigns = pgTable('document_countersigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  documentId: uuid('document_id')
    .notNull()
    .references(() => documents.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  decision: text('decision', { enum: ['approve', 'return'] }).notNull(),
  opinion: text('opinion').notNull(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  userName: text('user_name').notNull(),
  /** 委托: the leader the decision was taken for, when a delegate took it. */
  forUserId: uuid('for_user_id').references(() => users.id),
  forUserName: text('for_user_name'),
  decidedAt: ts('decided_at').notNull().defaultNow(),
});
export type CountersignRow = typeof documentCountersigns.$inferSelect;

export const docNumberCounters = pgTable(
  'doc_number_counters',
  {
    numberPrefix: text('number_prefix').notNull(),
    year: integer('year').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.numberPrefix, t.year] })],
);

export const storedFiles = pgTable('stored_files', {
  sha256: text('sha256').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const documentAttachments = pgTable(
  'document_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    documentId: uuid('document_id').notNull(),
    documentClassification: text('document_classification').notNull().default('none'),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFiles.sha256),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [foreignKey({ columns: [t.documentId, t.documentClassification], foreignColumns: [documents.id, documents.classification] })],
);
export type AttachmentRow = typeof documentAttachments.$inferSelect;

export const deliveries = pgTable('deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  senderOrgId: uuid('sender_org_id')
    .notNull()
    .references(() => orgs.id),
  documentId: uuid('document_id').notNull(),
  documentClassification: text('document_classification').notNull().default('none'),
  recipientKind: text('recipient_kind', { enum: ['main', 'copy'] }).notNull(),
  status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
  createdAt: ts('created_at').notNull().defaultNow(),
  acknowledgedAt: ts('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  returnedAt: ts('returned_at'),
  returnReason: text('return_reason'),
  withdrawnAt: ts('withdrawn_at'),
  remindedAt: ts('reminded_at'),
  reminderCount: integer('reminder_count').notNull().default(0),
  /** The dispatch, or the latest 补发: the 24-hour receipt clock runs from it. */
  sentAt: ts('sent_at').notNull().defaultNow(),
});
export type DeliveryRow = typeof deliveries.$inferSelect;

/** Every 退回 of a delivery, with its reason, and the 补发 that answered it (1110_delivery_returns.sql). */
export const deliveryReturns = pgTable('delivery_returns', {
  id: uuid('id').primaryKey().defaultRandom(),
  deliveryId: uuid('delivery_id')
    .notNull()
    .references(() => deliveries.id),
  returnedAt: ts('returned_at').notNull(),
  returnedBy: uuid('returned_by').references(() => users.id),
  reason: text('reason').notNull(),
  resentAt: ts('resent_at'),
  resentBy: uuid('resent_by').references(() => users.id),
  resendNote: text('resend_note'),
});
export type DeliveryReturnRow = typeof deliveryReturns.$inferSelect;

export const incomingSerialCounters = pgTable(
  'incoming_serial_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

export const incoming = pgTable('incoming', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  serialYear: integer('serial_year').notNull(),
  serialSeq: integer('serial_seq').notNull(),
  serial: text('serial').notNull(),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  deliveryId: uuid('delivery_id').references(() => deliveries.id),
  documentId: uuid('document_id').references(() => documents.id),
  senderOrgId: uuid('sender_org_id').references(() => orgs.id),
  senderName: text('sender_name').notNull(),
  docNumber: text('doc_number'),
  title: text('title').notNull(),
  docType: text('doc_type'),
  urgency: text('urgency', { enum: URGENCIES }).notNull().default('none'),
  classification: text('classification', { enum: CLASSIFICATIONS }).notNull().default('none'),
  copies: integer('copies').notNull().default(1),
  copyNumbers: text('copy_numbers'),
  body: text('body'),
  receivedDate: date('received_date').notNull(),
  receivedBy: uuid('received_by')
    .notNull()
    .references(() => users.id),
  receivedAt: ts('received_at').notNull().defaultNow(),
  status: text('status', { enum: INCOMING_STATUSES }).notNull().default('received'),
  mode: text('mode', { enum: ['read', 'act'] }),
  screenedBy: uuid('screened_by').references(() => users.id),
  screenedAt: ts('screened_at'),
  returnReason: text('return_reason'),
  proposal: text('proposal'),
  proposedBy: uuid('proposed_by').references(() => users.id),
  proposedAt: ts('proposed_at'),
  instruction: text('instruction'),
  instructedBy: uuid('instructed_by').references(() => users.id),
  instructedAt: ts('instructed_at'),
  /** 委托: the leader on whose behalf `instructedBy` instructed; null when in their own right. */
  instructedFor: uuid('instructed_for').references(() => users.id),
  handlerIds: uuid('handler_ids').array().notNull().default([]),
  deadline: date('deadline'),
  result: text('result'),
  closedBy: uuid('closed_by').references(() => users.id),
  closedAt: ts('closed_at'),
  reply: text('reply'),
  repliedAt: ts('replied_at'),
  /** The outgoing draft that answers it (复文). */
  replyDocumentId: uuid('reply_document_id'),
  archivedAt: ts('archived_at'),
  /** The Excel import this row came with (issue 12), null for a row entered here. */
  importBatchId: uuid('import_batch_id'),
  /** 保密期限 of a classified entry and how the paper original came (1190_classified_records.sql). */
  secrecyUnit: text('secrecy_unit', { enum: SECRECY_UNITS }),
  secrecyAmount: integer('secrecy_amount'),
  paperChannel: text('paper_channel', { enum: PAPER_CHANNELS }),
});
export type IncomingRow = typeof incoming.$inferSelect;

export const incomingCirculation = pgTable('incoming_circulation', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  incomingId: uuid('incoming_id')
    .notNull()
    .references(() => incoming.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  sentAt: ts('sent_at').notNull().defaultNow(),
  readAt: ts('read_at'),
  note: text('note'),
});

export const documentReminders = pgTable('document_reminders', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  incomingId: uuid('incoming_id').references(() => incoming.id),
  deliveryId: uuid('delivery_id').references(() => deliveries.id),
  kind: text('kind', { enum: ['manual', 'before_deadline', 'after_deadline', 'receipt'] }).notNull(),
  note: text('note'),
  sentBy: uuid('sent_by').references(() => users.id),
  sentAt: ts('sent_at').notNull().defaultNow(),
});
