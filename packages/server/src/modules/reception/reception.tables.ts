import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  Petitioner,
  PetitionStatus,
  PetitionChannel,
  PetitionCategory,
  PetitionDeadline,
  PetitionSource,
} from '@township-office/domain/petitions';
import type { CostCategory } from '@township-office/domain/reception';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

const day = (n: string) => date(n, { mode: 'string' });
const ts = (n: string) => timestamp(n, { withTimezone: true });

export const visits = pgTable('visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  visitDate: day('visit_date').notNull(),
  visitingUnit: text('visiting_unit').notNull(),
  visitorNames: text('visitor_names').array().notNull(),
  visitorCount: integer('visitor_count').notNull(),
  purpose: text('purpose').notNull(),
  letterRef: text('letter_ref'),
  hostName: text('host_name').notNull(),
  arrangements: text('arrangements').notNull().default(''),
  costItems: jsonb('cost_items').$type<{ category: CostCategory; description: string; amount: number }[]>().notNull().default([]),
  totalCost: numeric('total_cost', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
  voidedAt: ts('voided_at'),
  voidReason: text('void_reason'),
  /** The Excel import this row came with (issue 12), null for a row entered here. */
  importBatchId: uuid('import_batch_id'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
export type VisitRow = typeof visits.$inferSelect;

export const petitions = pgTable('petitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  receivedOn: day('received_on').notNull(),
  channel: text('channel').$type<PetitionChannel>().notNull(),
  petitioners: jsonb('petitioners').$type<Petitioner[]>().notNull(),
  subject: text('subject').notNull(),
  content: text('content').notNull(),
  category: text('category').$type<PetitionCategory>().notNull(),
  status: text('status').$type<PetitionStatus>().notNull().default('registered'),
  source: text('source').$type<PetitionSource>().notNull().default('direct'),
  transferredBy: text('transferred_by'),
  dueKind: text('due_kind').$type<PetitionDeadline['kind']>(),
  dueOn: day('due_on'),
  handlerUserIds: uuid('handler_user_ids').array().notNull(),
  registeredBy: uuid('registered_by')
    .notNull()
    .references(() => users.id),
  previousPetitionId: uuid('previous_petition_id'),
  decidedOn: day('decided_on'),
  notifiedOn: day('notified_on'),
  notAcceptedReason: text('not_accepted_reason'),
  noticeLate: boolean('notice_late').notNull().default(false),
  objectedOn: day('objected_on'),
  objectionReason: text('objection_reason'),
  objectionDecidedOn: day('objection_decided_on'),
  objectionAgreed: boolean('objection_agreed'),
  extensionDays: integer('extension_days'),
  extensionReason: text('extension_reason'),
  extensionApprovedBy: text('extension_approved_by'),
  extensionApprovedOn: day('extension_approved_on'),
  extensionNotifiedOn: day('extension_notified_on'),
  closedOn: day('closed_on'),
  result: text('result'),
  answerNotifiedOn: day('answer_notified_on'),
  reviewRequestedOn: day('review_requested_on'),
  reviewOrgan: text('review_organ'),
  reviewAnsweredOn: day('review_answered_on'),
  reviewResult: text('review_result'),
  reviewAnswerNotifiedOn: day('review_answer_notified_on'),
  rereviewRequestedOn: day('rereview_requested_on'),
  rereviewOrgan: text('rereview_organ'),
  rereviewAnsweredOn: day('rereview_answered_on'),
  rereviewResult: text('rereview_result'),
  rereviewAnswerNotifiedOn: day('rereview_answer_notified_on'),
  rereviewHearingDays: integer('rereview_hearing_days').notNull().default(0),
  newFacts: text('new_facts'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
export type PetitionRow = typeof petitions.$inferSelect;

export const petitionEvents = pgTable('petition_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  petitionId: uuid('petition_id')
    .notNull()
    .references(() => petitions.id),
  kind: text('kind').notNull(),
  onDay: day('on_day').notNull(),
  note: text('note'),
  byUserId: uuid('by_user_id')
    .notNull()
    .references(() => users.id),
  byName: text('by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type PetitionEventRow = typeof petitionEvents.$inferSelect;
