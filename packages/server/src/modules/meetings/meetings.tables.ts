import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AgendaItem, MeetingKind, MeetingStatus, FollowUpStatus } from '@township-office/domain/meetings';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  kind: text('kind').$type<MeetingKind>().notNull(),
  title: text('title').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  place: text('place').notNull(),
  hostUserId: uuid('host_user_id')
    .notNull()
    .references(() => users.id),
  hostName: text('host_name').notNull(),
  recorderUserId: uuid('recorder_user_id')
    .notNull()
    .references(() => users.id),
  recorderName: text('recorder_name').notNull(),
  attendees: jsonb('attendees').$type<string[]>().notNull().default([]),
  absentees: jsonb('absentees').$type<{ name: string; reason: string }[]>().notNull().default([]),
  nonVoting: jsonb('non_voting').$type<string[]>().notNull().default([]),
  attendingOrgIds: uuid('attending_org_ids').array().notNull().default([]),
  items: jsonb('items').$type<AgendaItem[]>().notNull().default([]),
  status: text('status').$type<MeetingStatus>().notNull().default('draft'),
  finalisedAt: timestamp('finalised_at', { withTimezone: true }),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  amendmentCount: integer('amendment_count').notNull().default(0),
  /** The Excel import this row came with (issue 12), null for a row entered here. */
  importBatchId: uuid('import_batch_id'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type MeetingRow = typeof meetings.$inferSelect;

export const meetingAmendments = pgTable('meeting_amendments', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => meetings.id),
  reason: text('reason').notNull(),
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
  amendedBy: uuid('amended_by')
    .notNull()
    .references(() => users.id),
  amendedByName: text('amended_by_name').notNull(),
  amendedAt: timestamp('amended_at', { withTimezone: true }).notNull().defaultNow(),
});
export type MeetingAmendmentRow = typeof meetingAmendments.$inferSelect;

export const followUps = pgTable('follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => meetings.id),
  itemIndex: integer('item_index').notNull(),
  decisionIndex: integer('decision_index').notNull(),
  decisionText: text('decision_text').notNull(),
  ownerName: text('owner_name').notNull(),
  ownerUnit: text('owner_unit'),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').$type<FollowUpStatus>().notNull().default('open'),
  result: text('result'),
  closedOn: date('closed_on', { mode: 'string' }),
  closedBy: uuid('closed_by').references(() => users.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type FollowUpRow = typeof followUps.$inferSelect;

export const followUpProgress = pgTable('follow_up_progress', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  followUpId: uuid('follow_up_id')
    .notNull()
    .references(() => followUps.id),
  onDay: date('on_day', { mode: 'string' }).notNull(),
  note: text('note').notNull(),
  byUserId: uuid('by_user_id')
    .notNull()
    .references(() => users.id),
  byName: text('by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type FollowUpProgressRow = typeof followUpProgress.$inferSelect;
