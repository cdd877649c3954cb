import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { orgs } from './orgs.tables.ts';

/** 主送/抄送 groups the county office keeps (1280_recipient_groups.sql); `orgId` is the county. */
export const recipientGroups = pgTable('recipient_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  name: text('name').notNull(),
  memberOrgIds: uuid('member_org_ids').array().notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});
export type RecipientGroupRow = typeof recipientGroups.$inferSelect;
