import { index, integer, date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import { leadersInCharge, staff } from '../personnel/personnel.tables.ts';

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    organiser: text('organiser').notNull(),
    materials: text('materials').notNull().default(''),
    state: text('state', { enum: ['held', 'cancelled'] })
      .notNull()
      .default('held'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_sessions_held_idx').on(t.heldOn)],
);
export type TrainingSessionRow = typeof trainingSessions.$inferSelect;

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    staffId: uuid('staff_id').references(() => staff.id),
    leaderId: uuid('leader_id').references(() => leadersInCharge.id),
  },
  (t) => [
    uniqueIndex('training_attendance_staff_uq')
      .on(t.sessionId, t.staffId)
      .where(sql`staff_id IS NOT NULL`),
    uniqueIndex('training_attendance_leader_uq')
      .on(t.sessionId, t.leaderId)
      .where(sql`leader_id IS NOT NULL`),
    index('training_attendance_staff_idx').on(t.staffId),
    index('training_attendance_org_idx').on(t.orgId),
  ],
);

export const rotations = pgTable(
  'rotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    state: text('state', { enum: ['confirmed', 'completed', 'cancelled'] })
      .notNull()
      .default('confirmed'),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'`),
    evaluation: text('evaluation'),
    rating: text('rating', { enum: ['excellent', 'good', 'pass', 'fail'] }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('rotations_staff_quarter_uq')
      .on(t.staffId, t.year, t.quarter)
      .where(sql`state <> 'cancelled'`),
    index('rotations_year_idx')
      .on(t.year, t.quarter)
      .where(sql`state <> 'cancelled'`),
    index('rotations_org_idx').on(t.orgId, t.year),
  ],
);
export type RotationRow = typeof rotations.$inferSelect;
