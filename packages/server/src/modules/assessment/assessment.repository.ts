/** SQL of the assessment module; nothing else touches its tables. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  assessmentAppeals,
  assessmentComments,
  assessmentResults,
  assessmentSchemes,
  assessmentScores,
  assessmentSelfReports,
  type AppealRow,
  type CommentRow,
  type ResultRow,
  type SchemeRow,
  type ScoreRow,
  type SelfReportRow,
} from './assessment.tables.ts';

export const assessmentRepository = {
  list(db: DbOrTx, year: number | undefined): Promise<SchemeRow[]> {
    return db
      .select()
      .from(assessmentSchemes)
      .where(year === undefined ? undefined : eq(assessmentSchemes.year, year))
      .orderBy(desc(assessmentSchemes.year), asc(assessmentSchemes.targetKind));
  },
  async byId(db: DbOrTx, id: string, lock = false): Promise<SchemeRow | undefined> {
    const q = db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id));
    return (lock ? await q.for('update') : await q)[0];
  },
  async insert(db: DbOrTx, row: typeof assessmentSchemes.$inferInsert): Promise<SchemeRow> {
    return (await db.insert(assessmentSchemes).values(row).returning())[0]!;
  },
  async update(db: DbOrTx, id: string, patch: Partial<typeof assessmentSchemes.$inferInsert>): Promise<SchemeRow> {
    return (
      await db
        .update(assessmentSchemes)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(assessmentSchemes.id, id))
        .returning()
    )[0]!;
  },

  comments(db: DbOrTx, schemeId: string): Promise<CommentRow[]> {
    return db.select().from(assessmentComments).where(eq(assessmentComments.schemeId, schemeId)).orderBy(asc(assessmentComments.createdAt));
  },
  async commentById(db: DbOrTx, id: string): Promise<CommentRow | undefined> {
    return (await db.select().from(assessmentComments).where(eq(assessmentComments.id, id)).for('update'))[0];
  },
  async insertComment(db: DbOrTx, row: typeof assessmentComments.$inferInsert): Promise<CommentRow> {
    return (await db.insert(assessmentComments).values(row).returning())[0]!;
  },
  async answerComment(db: DbOrTx, id: string, patch: { adopted: boolean; answer: string; answeredBy: string }): Promise<CommentRow> {
    return (
      await db
        .update(assessmentComments)
        .set({ ...patch, answeredAt: new Date() })
        .where(eq(assessmentComments.id, id))
        .returning()
    )[0]!;
  },
  async unansweredComments(db: DbOrTx, schemeId: string): Promise<number> {
    const r = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(assessmentComments)
      .where(and(eq(assessmentComments.schemeId, schemeId), isNull(assessmentComments.answeredAt)));
    return Number(r[0]!.n);
  },

  scores(db: DbOrTx, schemeId: string): Promise<ScoreRow[]> {
    return db.select().from(assessmentScores).where(eq(assessmentScores.schemeId, schemeId));
  },
  async score(db: DbOrTx, schemeId: string, orgId: string, code: string): Promise<ScoreRow | undefined> {
    return (
      await db
        .select()
        .from(assessmentScores)
        .where(and(eq(assessmentScores.schemeId, schemeId), eq(assessmentScores.orgId, orgId), eq(assessmentScores.code, code)))
    )[0];
  },
  async upsertScore(db: DbOrTx, row: typeof assessmentScores.$inferInsert): Promise<ScoreRow> {
    return (
      await db
        .insert(assessmentScores)
        .values(row)
        .onConflictDoUpdate({
          target: [assessmentScores.schemeId, assessmentScores.orgId, assessmentScores.code],
          set: {
            source: row.source,
            score: row.score,
            reason: row.reason,
            evidence: row.evidence ?? null,
            scoredBy: row.scoredBy,
            scoredAt: new Date(),
          },
        })
        .returning()
    )[0]!;
  },

  /** The measured scores frozen at the cut-off, in one statement (2,000 offices × 20 indicators is 40,000 rows). */
  async upsertScores(db: DbOrTx, rows: (typeof assessmentScores.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000)
      await db
        .insert(assessmentScores)
        .values(rows.slice(i, i + 2000))
        .onConflictDoUpdate({
          target: [assessmentScores.schemeId, assessmentScores.orgId, assessmentScores.code],
          set: {
            source: sql`excluded.source`,
            score: sql`excluded.score`,
            reason: sql`excluded.reason`,
            evidence: sql`excluded.evidence`,
            scoredBy: sql`excluded.scored_by`,
            scoredAt: sql`now()`,
          },
        });
  },

  selfReports(db: DbOrTx, schemeId: string): Promise<SelfReportRow[]> {
    return db.select().from(assessmentSelfReports).where(eq(assessmentSelfReports.schemeId, schemeId));
  },
  async upsertSelfReport(db: DbOrTx, row: typeof assessmentSelfReports.$inferInsert): Promise<SelfReportRow> {
    return (
      await db
        .insert(assessmentSelfReports)
        .values(row)
        .onConflictDoUpdate({
          target: [assessmentSelfReports.schemeId, assessmentSelfReports.orgId, assessmentSelfReports.code],
          set: { evidence: row.evidence, submittedBy: row.submittedBy, submittedAt: new Date() },
        })
        .returning()
    )[0]!;
  },

  appeals(db: DbOrTx, schemeId: string): Promise<AppealRow[]> {
    return db.select().from(assessmentAppeals).where(eq(assessmentAppeals.schemeId, schemeId)).orderBy(asc(assessmentAppeals.createdAt));
  },
  async appealById(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
    return (await db.select().from(assessmentAppeals).where(eq(assessmentAppeals.id, id)).for('update'))[0];
  },
  async insertAppeal(db: DbOrTx, row: typeof assessmentAppeals.$inferInsert): Promise<AppealRow> {
    return (await db.insert(assessmentAppeals).values(row).returning())[0]!;
  },
  async answerAppeal(
    db: DbOrTx,
    id: string,
    patch: { answer: string; oldScore: number | null; newScore: number | null; answeredBy: string },
  ) {
    return (
      await db
        .update(assessmentAppeals)
        .set({ ...patch, answeredAt: new Date() })
        .where(eq(assessmentAppeals.id, id))
        .returning()
    )[0]!;
  },
  async unansweredAppeals(db: DbOrTx, schemeId: string): Promise<number> {
    const r = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(assessmentAppeals)
      .where(and(eq(assessmentAppeals.schemeId, schemeId), isNull(assessmentAppeals.answeredAt)));
    return Number(r[0]!.n);
  },

  results(db: DbOrTx, schemeId: string): Promise<ResultRow[]> {
    return db.select().from(assessmentResults).where(eq(assessmentResults.schemeId, schemeId)).orderBy(asc(assessmentResults.rank));
  },
  async insertResults(db: DbOrTx, rows: (typeof assessmentResults.$inferInsert)[]): Promise<void> {
    if (rows.length) await db.insert(assessmentResults).values(rows);
  },
};
