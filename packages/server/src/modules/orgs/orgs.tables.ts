import { integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
  kind: text('kind', { enum: ['province', 'county', 'county_office', 'township', 'county_department'] }).notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  code: text('code').notNull(),
  numberPrefix: text('number_prefix'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});
export type OrgRow = typeof orgs.$inferSelect;
