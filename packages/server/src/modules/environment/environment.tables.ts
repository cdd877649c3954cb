import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';
import { staff } from '../personnel/personnel.tables.ts';

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['office', 'reception', 'archive'] }).notNull(),
    status: text('status', { enum: ['built', 'renovated', 'missing'] }).notNull(),
    areaM2: numeric('area_m2', { precision: 8, scale: 2, mode: 'number' }),
    inUseSince: date('in_use_since'),
    note: text('note').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.orgId, t.kind)],
);
export type RoomRow = typeof rooms.$inferSelect;

export const equipment = pgTable('equipment', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  computers: integer('computers').notNull(),
  printers: integer('printers').notNull(),
  docSystemAccess: boolean('doc_system_access').notNull(),
  note: text('note').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type EquipmentRow = typeof equipment.$inferSelect;

export const expenses = pgTable(
  'expenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    category: text('category', { enum: ['telephone', 'printing', 'office_supplies', 'equipment_repair', 'other'] }).notNull(),
    amountYuan: numeric('amount_yuan', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.orgId, t.year, t.category), index('expenses_year_idx').on(t.year, t.orgId)],
);
export type ExpenseRow = typeof expenses.$inferSelect;

export const ruleDocuments = pgTable('rule_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  kind: text('kind', { enum: ['ten_prohibitions'] })
    .notNull()
    .default('ten_prohibitions'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  issuedOn: date('issued_on').notNull(),
  state: text('state', { enum: ['in_force', 'withdrawn'] })
    .notNull()
    .default('in_force'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type RuleDocumentRow = typeof ruleDocuments.$inferSelect;

export const ruleAcknowledgements = pgTable(
  'rule_acknowledgements',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => ruleDocuments.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.orgId] })],
);

export const townshipRules = pgTable(
  'township_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['attendance', 'duty', 'petition_reception', 'study', 'confidentiality', 'info_reporting'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    adoptedOn: date('adopted_on').notNull(),
    state: text('state', { enum: ['in_force', 'superseded'] })
      .notNull()
      .default('in_force'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('township_rules_in_force_uq')
      .on(t.orgId, t.kind)
      .where(sql`state = 'in_force'`),
  ],
);
export type TownshipRuleRow = typeof townshipRules.$inferSelect;

export const postAssignments = pgTable(
  'post_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    post: text('post', { enum: ['writing', 'duty_reception', 'archives'] }).notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    since: date('since').notNull(),
    until: date('until'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('post_assignments_current_uq')
      .on(t.orgId, t.post)
      .where(sql`until IS NULL`),
  ],
);
