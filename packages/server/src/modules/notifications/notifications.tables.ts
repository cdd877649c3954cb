import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
