import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_STAGES, type DigestCounts } from '@township-office/domain/notifications';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    todoKind: text('todo_kind').notNull(),
    stage: text('stage', { enum: NOTIFICATION_STAGES }).notNull(),
    daysLeft: integer('days_left'),
    recordId: uuid('record_id').notNull(),
    title: text('title').notNull(),
    subject: text('subject'),
    href: text('href').notNull(),
    dueAt: ts('due_at'),
    eventKey: text('event_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
    /** A digest (stage 'digest'): how many events it stands for, and how many of each stage. */
    itemCount: integer('item_count'),
    digest: jsonb('digest').$type<DigestCounts>(),
  },
  (t) => [unique().on(t.userId, t.eventKey)],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** The last reminder sweep's instant (one row, migrations 1270–1271); written by notifications.sweep.ts in SQL. */
export const reminderSweeps = pgTable('reminder_sweeps', {
  id: boolean('id').primaryKey().default(true),
  sweptAt: ts('swept_at').notNull(),
  auditAt: ts('audit_at'),
});

/** The events a digest stands for, one (person, event key) each, so each is still sent once (migration 1270; no foreign keys on purpose). */
export const notificationDigestEvents = pgTable(
  'notification_digest_events',
  {
    userId: uuid('user_id').notNull(),
    eventKey: text('event_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventKey] })],
);
