/** The dashboard's own tables (migrations 1260, 1285): per-year summary rows and the marks of writes that make them stale. */
import { bigserial, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.ts';

export const dashboardSummaries = pgTable(
  'dashboard_summaries',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** The grid row's cells as ready JSON text, spliced into the county answer (migration 1285). */
    cells: text('cells').notNull(),
    /** The numbers the county's totals add up (SummaryFigures) as JSON text: parsed once in node, not re-serialised by PostgreSQL. */
    figures: text('figures').notNull(),
    /** Each standard's status in STANDARD_COLUMNS order: all the province view reads. */
    statuses: text('statuses').array().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.orgId] })],
);

export const dashboardDirty = pgTable('dashboard_dirty', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: uuid('org_id'),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
});
