import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

export const leadersInCharge = pgTable(
  'leaders_in_charge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    position: text('position').notNull(),
    since: date('since').notNull(),
    until: date('until'),
    familiar: boolean('familiar').notNull(),
    basis: text('basis').notNull().default(''),
    userId: uuid('user_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leaders_in_charge_current_uq')
      .on(t.orgId)
      .where(sql`until IS NULL`),
    index('leaders_in_charge_user_idx')
      .on(t.userId)
      .where(sql`user_id IS NOT NULL`),
  ],
);
export type LeaderRow = typeof leadersInCharge.$inferSelect;

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    idNumber: text('id_number').notNull().unique(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    ethnicity: text('ethnicity').notNull(),
    politicalStatus: text('political_status', {
      enum: ['cpc_member', 'cpc_probationary', 'cyl_member', 'democratic_party', 'masses'],
    }).notNull(),
    education: text('education', { enum: ['postgraduate', 'bachelor', 'college', 'secondary', 'junior'] }).notNull(),
    major: text('major').notNull().default(''),
    post: text('post').notNull(),
    officeRole: text('office_role').notNull(),
    phone: text('phone').notNull(),
    startDate: date('start_date').notNull(),
    status: text('status', { enum: ['active', 'left'] })
      .notNull()
      .default('active'),
    leftOn: date('left_on'),
    designationReason: text('designation_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_org_active_idx')
      .on(t.orgId)
      .where(sql`status = 'active'`),
  ],
);
export type StaffRow = typeof staff.$inferSelect;

export const staffFilings = pgTable(
  'staff_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    staffId: uuid('staff_id').references(() => staff.id),
    kind: text('kind', { enum: ['join', 'leave', 'transfer', 'particulars'] }).notNull(),
    changeDate: date('change_date').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    filedBy: uuid('filed_by').references(() => users.id),
    particulars: jsonb('particulars').$type<Record<string, unknown>>().notNull().default({}),
    toOrgId: uuid('to_org_id').references(() => orgs.id),
    reason: text('reason'),
    state: text('state', { enum: ['submitted', 'acknowledged', 'returned'] })
      .notNull()
      .default('submitted'),
    deadlineDays: integer('deadline_days').notNull(),
    late: boolean('late').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    returnReason: text('return_reason'),
  },
  (t) => [
    index('staff_filings_org_idx').on(t.orgId, t.filedAt.desc()),
    index('staff_filings_staff_idx').on(t.staffId, t.filedAt.desc()),
    index('staff_filings_open_idx')
      .on(t.filedAt)
      .where(sql`state = 'submitted'`),
    index('staff_filings_filed_idx').on(t.filedAt),
    uniqueIndex('staff_filings_open_staff_uq')
      .on(t.staffId)
      .where(sql`state = 'submitted' AND staff_id IS NOT NULL`),
  ],
);
export type FilingRow = typeof staffFilings.$inferSelect;
