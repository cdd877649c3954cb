import {
  bigint,
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { GradeConfig, Indicator, SchemeStatus, TargetKind } from '@township-office/domain/assessment';
import { orgs } from '../orgs/orgs.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

export const assessmentSchemes = pgTable('assessment_schemes', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  year: integer('year').notNull(),
  targetKind: text('target_kind').$type<TargetKind>().notNull(),
  title: text('title').notNull(),
  status: text('status').$type<SchemeStatus>().notNull().default('draft'),
  indicators: jsonb('indicators').$type<Indicator[]>().notNull().default([]),
  grades: jsonb('grades').$type<Partial<GradeConfig>>().notNull().default({}),
  consultationClosesOn: date('consultation_closes_on'),
  noticeClosesOn: date('notice_closes_on'),
  frozenAt: timestamp('frozen_at', { withTimezone: true }),
  copiedFromId: uuid('copied_from_id').references((): AnyPgColumn => assessmentSchemes.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SchemeRow = typeof assessmentSchemes.$inferSelect;

export const assessmentComments = pgTable('assessment_comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  schemeId: uuid('scheme_id')
    .notNull()
    .references(() => assessmentSchemes.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  authorUserId: uuid('author_user_id')
    .notNull()
    .references(() => users.id),
  authorName: text('author_name').notNull(),
  code: text('code'),
  text: text('text').notNull(),
  adopted: boolean('adopted'),
  answer: text('answer'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type CommentRow = typeof assessmentComments.$inferSelect;

export const assessmentScores = pgTable('assessment_scores', {
  id: uuid('id').primaryKey().defaultRandom(),
  schemeId: uuid('scheme_id')
    .notNull()
    .references(() => assessmentSchemes.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  code: text('code').notNull(),
  source: text('source').$type<'manual' | 'measured' | 'appeal'>().notNull(),
  score: doublePrecision('score').notNull(),
  reason: text('reason').notNull(),
  evidence: text('evidence'),
  scoredBy: uuid('scored_by').references(() => users.id),
  scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ScoreRow = typeof assessmentScores.$inferSelect;

export const assessmentSelfReports = pgTable('assessment_self_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  schemeId: uuid('scheme_id')
    .notNull()
    .references(() => assessmentSchemes.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  code: text('code').notNull(),
  evidence: text('evidence').notNull(),
  submittedBy: uuid('submitted_by')
    .notNull()
    .references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});
export type SelfReportRow = typeof assessmentSelfReports.$inferSelect;

export const assessmentAppeals = pgTable('assessment_appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  schemeId: uuid('scheme_id')
    .notNull()
    .references(() => assessmentSchemes.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  code: text('code').notNull(),
  reason: text('reason').notNull(),
  appellantUserId: uuid('appellant_user_id')
    .notNull()
    .references(() => users.id),
  answer: text('answer'),
  oldScore: doublePrecision('old_score'),
  newScore: doublePrecision('new_score'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type AppealRow = typeof assessmentAppeals.$inferSelect;

export const assessmentResults = pgTable(
  'assessment_results',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    total: doublePrecision('total').notNull(),
    rank: integer('rank').notNull(),
    grade: text('grade').notNull(),
    scores: jsonb('scores').$type<{ code: string; score: number; basis: string }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.orgId] })],
);
export type ResultRow = typeof assessmentResults.$inferSelect;

export const assessmentSelfAssessments = pgTable(
  'assessment_self_assessments',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    summary: text('summary').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedByName: text('confirmed_by_name'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.orgId] })],
);
export type SelfAssessmentRow = typeof assessmentSelfAssessments.$inferSelect;

export const assessmentSchemeVersions = pgTable('assessment_scheme_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  schemeId: uuid('scheme_id')
    .notNull()
    .references(() => assessmentSchemes.id),
  version: integer('version').notNull(),
  reason: text('reason').notNull(),
  indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type VersionRow = typeof assessmentSchemeVersions.$inferSelect;

export const assessmentStandingsState = pgTable('assessment_standings_state', {
  schemeId: uuid('scheme_id')
    .primaryKey()
    .references(() => assessmentSchemes.id),
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  computedAt: timestamp('computed_at', { withTimezone: true }),
  averages: jsonb('averages').$type<{ code: string; average: number }[]>().notNull().default([]),
  offices: integer('offices').notNull().default(0),
  meanTotal: doublePrecision('mean_total').notNull().default(0),
});

export const assessmentStandings = pgTable(
  'assessment_standings',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    total: doublePrecision('total').notNull(),
    rank: integer('rank').notNull(),
    scores: jsonb('scores').$type<{ code: string; score: number; basis: string; pending: boolean }[]>().notNull(),
    /** The measured leaves' scores as of the last full computation ({} once frozen: then they are scores). */
    measured: jsonb('measured').$type<MeasuredPart>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.orgId] })],
);
/** Measured leaf scores of one office by indicator code, with how each was reached. */
export type MeasuredPart = Record<string, { score: number; basis: string }>;
/** A stored standing with its office's name, joined from orgs when read (a renamed office shows its new name). */
export type StandingRow = Omit<typeof assessmentStandings.$inferSelect, 'measured'> & { orgName: string };

/** The 通知 issuing a scheme: the outgoing draft's id (the documents module's record). */
export const assessmentNoticeDocuments = pgTable('assessment_notice_documents', {
  schemeId: uuid('scheme_id')
    .primaryKey()
    .references(() => assessmentSchemes.id),
  documentId: uuid('document_id').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
