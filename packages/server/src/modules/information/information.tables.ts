import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AdoptionLevel, InfoKind, InfoStatus, InfoUrgency, PointTable, ResearchGrade } from '@township-office/domain/information';

export const infoScoringConfigs = pgTable('info_scoring_configs', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  year: integer('year').notNull(),
  points: jsonb('points').$type<PointTable>().notNull(),
  monthlyQuota: integer('monthly_quota').notNull(),
  monthlyBasePoints: integer('monthly_base_points').notNull(),
  quarterlyLongQuota: integer('quarterly_long_quota').notNull(),
  quarterlyBasePoints: integer('quarterly_base_points').notNull(),
  longPieceMinChars: integer('long_piece_min_chars').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type InfoScoringConfigRow = typeof infoScoringConfigs.$inferSelect;

export const infoItems = pgTable('info_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  kind: text('kind').$type<InfoKind>().notNull(),
  urgency: text('urgency').$type<InfoUrgency>().notNull().default('none'),
  status: text('status').$type<InfoStatus>().notNull().default('submitted'),
  submittedBy: uuid('submitted_by').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewNote: text('review_note'),
  /** Characters of the content with its whitespace aside (what isLongPiece counts), kept by PostgreSQL (migration 1295). */
  contentChars: integer('content_chars').generatedAlwaysAs(
    sql.raw(String.raw`char_length(regexp_replace(content, '[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]', '', 'g'))`),
  ),
});
export type InfoItemRow = typeof infoItems.$inferSelect;

export const infoAdoptions = pgTable('info_adoptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  itemId: uuid('item_id').notNull(),
  level: text('level').$type<AdoptionLevel>().notNull(),
  points: integer('points').notNull(),
  note: text('note'),
  adoptedBy: uuid('adopted_by').notNull(),
  adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
});
export type InfoAdoptionRow = typeof infoAdoptions.$inferSelect;

export const infoBulletinCounters = pgTable(
  'info_bulletin_counters',
  { orgId: uuid('org_id').notNull(), year: integer('year').notNull(), lastNumber: integer('last_number').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

export const infoBulletins = pgTable('info_bulletins', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  compiledBy: uuid('compiled_by').notNull(),
  compiledAt: timestamp('compiled_at', { withTimezone: true }).notNull().defaultNow(),
  documentId: uuid('document_id'),
  dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
});
export type InfoBulletinRow = typeof infoBulletins.$inferSelect;

export const infoBulletinItems = pgTable(
  'info_bulletin_items',
  {
    orgId: uuid('org_id').notNull(),
    bulletinId: uuid('bulletin_id').notNull(),
    itemId: uuid('item_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.itemId] })],
);

export const researchTopics = pgTable('research_topics', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ResearchTopicRow = typeof researchTopics.$inferSelect;

export const researchReports = pgTable('research_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  topicId: uuid('topic_id').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  submittedBy: uuid('submitted_by').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  grade: text('grade').$type<ResearchGrade>(),
  comment: text('comment'),
  evaluatedBy: uuid('evaluated_by'),
  evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
});
export type ResearchReportRow = typeof researchReports.$inferSelect;
