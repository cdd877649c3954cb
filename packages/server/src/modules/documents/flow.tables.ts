/** 退回, 取回 and 加签 of the drafting slip, every one kept (1200_document_flow.sql). */
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DOCUMENT_STATUSES, FLOW_STEP_KINDS } from '@township-office/domain/documents';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import { documents } from './documents.tables.ts';

export const documentFlowSteps = pgTable('document_flow_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  documentId: uuid('document_id')
    .notNull()
    .references(() => documents.id),
  kind: text('kind', { enum: FLOW_STEP_KINDS }).notNull(),
  fromStatus: text('from_status', { enum: DOCUMENT_STATUSES }).notNull(),
  toStatus: text('to_status', { enum: DOCUMENT_STATUSES }).notNull(),
  reason: text('reason'),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  userName: text('user_name').notNull(),
  targetId: uuid('target_id').references(() => users.id),
  targetName: text('target_name'),
  /** What a 退回 or 取回 cleared, as it was. */
  cleared: jsonb('cleared').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type FlowStepRow = typeof documentFlowSteps.$inferSelect;
