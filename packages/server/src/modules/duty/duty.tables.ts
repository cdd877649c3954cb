import { boolean, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DutyLogKind } from '@township-office/domain/duty';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

const day = (n: string) => date(n, { mode: 'string' });
const ts = (n: string) => timestamp(n, { withTimezone: true });

export const holidayPeriods = pgTable('holiday_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  name: text('name').notNull(),
  startsOn: day('starts_on').notNull(),
  endsOn: day('ends_on').notNull(),
  makeupWorkdays: day('makeup_workdays').array().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type HolidayPeriodRow = typeof holidayPeriods.$inferSelect;

export const dutyRosterDays = pgTable('duty_roster_days', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  day: day('day').notNull(),
  leaderName: text('leader_name').notNull(),
  staffNames: text('staff_names').array().notNull(),
  source: text('source').$type<'rotation' | 'manual' | 'swap'>().notNull(),
  note: text('note'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
export type RosterDayRow = typeof dutyRosterDays.$inferSelect;

export const dutySwaps = pgTable('duty_swaps', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  day: day('day').notNull(),
  role: text('role').$type<'leader' | 'staff'>().notNull(),
  fromName: text('from_name').notNull(),
  toName: text('to_name').notNull(),
  reason: text('reason').notNull(),
  status: text('status').$type<'requested' | 'approved' | 'rejected'>().notNull().default('requested'),
  requestedBy: uuid('requested_by')
    .notNull()
    .references(() => users.id),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type SwapRow = typeof dutySwaps.$inferSelect;

export const dutyHolidaySubmissions = pgTable('duty_holiday_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  holidayId: uuid('holiday_id')
    .notNull()
    .references(() => holidayPeriods.id),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
  submittedOn: day('submitted_on').notNull(),
  submittedBy: uuid('submitted_by')
    .notNull()
    .references(() => users.id),
  late: boolean('late').notNull(),
  note: text('note'),
});
export type HolidaySubmissionRow = typeof dutyHolidaySubmissions.$inferSelect;

export const dutyLogEntries = pgTable('duty_log_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  day: day('day').notNull(),
  at: ts('at').notNull(),
  kind: text('kind').$type<DutyLogKind>().notNull(),
  callerUnit: text('caller_unit'),
  callerName: text('caller_name'),
  callerPhone: text('caller_phone'),
  content: text('content').notNull(),
  handling: text('handling'),
  result: text('result'),
  reportUpward: boolean('report_upward').notNull().default(false),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedByName: text('recorded_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type DutyLogRow = typeof dutyLogEntries.$inferSelect;

export const dutyIncidentReports = pgTable('duty_incident_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  entryId: uuid('entry_id')
    .notNull()
    .references(() => dutyLogEntries.id),
  countyOrgId: uuid('county_org_id')
    .notNull()
    .references(() => orgs.id),
  notifiedNames: text('notified_names').array().notNull().default([]),
  reportedAt: ts('reported_at').notNull().defaultNow(),
  acknowledgedAt: ts('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
});
export type IncidentReportRow = typeof dutyIncidentReports.$inferSelect;

export const dutyHandovers = pgTable('duty_handovers', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  day: day('day').notNull(),
  outgoingUserId: uuid('outgoing_user_id')
    .notNull()
    .references(() => users.id),
  outgoingName: text('outgoing_name').notNull(),
  incomingUserId: uuid('incoming_user_id')
    .notNull()
    .references(() => users.id),
  incomingName: text('incoming_name').notNull(),
  outstanding: text('outstanding').notNull().default(''),
  outgoingConfirmedAt: ts('outgoing_confirmed_at'),
  incomingConfirmedAt: ts('incoming_confirmed_at'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export type HandoverRow = typeof dutyHandovers.$inferSelect;
