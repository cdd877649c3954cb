import { bigserial, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.tables.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchEntries = pgTable(
  'search_entries',
  {
    module: text('module').notNull(),
    recordId: uuid('record_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year'),
    status: text('status'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    href: text('href').notNull(),
    folded: text('folded').notNull(),
    words: tsvector('words').notNull(),
    hash: text('hash').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.module, t.recordId] })],
);

/** Records whose writes have not been indexed yet (migration 1180's triggers mark them; the indexer takes them). */
export const searchDirty = pgTable('search_dirty', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  module: text('module').notNull(),
  recordId: uuid('record_id').notNull(),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
});
