/** An org's seal picture (1275_org_seals.sql). */
import { boolean, customType, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const orgSeals = pgTable('org_seals', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  png: bytea('png').notNull(),
  sha256: text('sha256').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  transparent: boolean('transparent').notNull(),
  setBy: uuid('set_by')
    .notNull()
    .references(() => users.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});
export type OrgSealRow = typeof orgSeals.$inferSelect;
