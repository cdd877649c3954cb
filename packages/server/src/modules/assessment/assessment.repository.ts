/** SQL of the assessment module; nothing else touches its tables. */
import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { orgs } from '../orgs/orgs.tables.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  assessmentAppeals,
  assessmentComments,
  assessmentNoticeDocuments,
  assessmentResults,
  assessmentSchemes,
  assessmentSchemeVersions,
  assessmentScores,
  assessmentSelfAssessments,
  assessmentSelfReports,
  assessmentStandings,
  assessmentStandingsState,
  type AppealRow,
  type CommentRow,
  type ResultRow,
  type SchemeRow,
  type ScoreRow,
  type SelfAssessmentRow,
  type SelfReportRow,
  type StandingRow,
  type VersionRow,
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
  async resultOf(db: DbOrTx, schemeId: string, orgId: string): Promise<ResultRow[]> {
    return db
      .select()
      .from(assessmentResults)
      .where(and(eq(assessmentResults.schemeId, schemeId), eq(assessmentResults.orgId, orgId)));
  },
  /** Every final result of an org, with its scheme's year (the office's history). */
  resultsOfOrg(db: DbOrTx, orgId: string, schemeIds: string[]): Promise<ResultRow[]> {
    if (!schemeIds.length) return Promise.resolve([]);
    return db
      .select()
      .from(assessmentResults)
      .where(and(eq(assessmentResults.orgId, orgId), inArray(assessmentResults.schemeId, schemeIds)));
  },
  /** Per scheme: how many offices have a final result, and their mean total. */
  async resultAverages(db: DbOrTx, schemeIds: string[]): Promise<Map<string, { offices: number; average: number }>> {
    if (!schemeIds.length) return new Map();
    const r = await db
      .select({
        schemeId: assessmentResults.schemeId,
        offices: sql<number>`count(*)::int`,
        average: sql<number>`round(avg(${assessmentResults.total})::numeric, 2)::float8`,
      })
      .from(assessmentResults)
      .where(inArray(assessmentResults.schemeId, schemeIds))
      .groupBy(assessmentResults.schemeId);
    return new Map(r.map((x) => [x.schemeId, { offices: Number(x.offices), average: Number(x.average) }]));
  },

  async selfAssessment(db: DbOrTx, schemeId: string, orgId: string, lock = false): Promise<SelfAssessmentRow | undefined> {
    const q = db
      .select()
      .from(assessmentSelfAssessments)
      .where(and(eq(assessmentSelfAssessments.schemeId, schemeId), eq(assessmentSelfAssessments.orgId, orgId)));
    return (lock ? await q.for('update') : await q)[0];
  },
  selfAssessments(db: DbOrTx, schemeId: string): Promise<SelfAssessmentRow[]> {
    return db.select().from(assessmentSelfAssessments).where(eq(assessmentSelfAssessments.schemeId, schemeId));
  },
  async upsertSelfAssessment(
    db: DbOrTx,
    row: { schemeId: string; orgId: string; summary: string; submittedBy: string; submittedByName: string },
  ) {
    return (
      await db
        .insert(assessmentSelfAssessments)
        .values(row)
        .onConflictDoUpdate({
          target: [assessmentSelfAssessments.schemeId, assessmentSelfAssessments.orgId],
          set: {
            summary: row.summary,
            submittedBy: row.submittedBy,
            submittedByName: row.submittedByName,
            submittedAt: new Date(),
            confirmedBy: null,
            confirmedByName: null,
            confirmedAt: null,
          },
        })
        .returning()
    )[0]!;
  },
  async confirmSelfAssessment(db: DbOrTx, schemeId: string, orgId: string, by: { id: string; name: string }): Promise<SelfAssessmentRow> {
    return (
      await db
        .update(assessmentSelfAssessments)
        .set({ confirmedBy: by.id, confirmedByName: by.name, confirmedAt: new Date() })
        .where(and(eq(assessmentSelfAssessments.schemeId, schemeId), eq(assessmentSelfAssessments.orgId, orgId)))
        .returning()
    )[0]!;
  },
  /** New evidence changes what the leader confirmed: the confirmation is cleared (the summary stays). */
  async unconfirmSelfAssessment(db: DbOrTx, schemeId: string, orgId: string): Promise<void> {
    await db
      .update(assessmentSelfAssessments)
      .set({ confirmedBy: null, confirmedByName: null, confirmedAt: null })
      .where(and(eq(assessmentSelfAssessments.schemeId, schemeId), eq(assessmentSelfAssessments.orgId, orgId)));
  },

  versions(db: DbOrTx, schemeId: string): Promise<VersionRow[]> {
    return db
      .select()
      .from(assessmentSchemeVersions)
      .where(eq(assessmentSchemeVersions.schemeId, schemeId))
      .orderBy(asc(assessmentSchemeVersions.version));
  },
  async latestVersion(db: DbOrTx, schemeId: string): Promise<number> {
    const r = await db
      .select({ v: sql<number>`coalesce(max(${assessmentSchemeVersions.version}), 0)::int` })
      .from(assessmentSchemeVersions)
      .where(eq(assessmentSchemeVersions.schemeId, schemeId));
    return Number(r[0]!.v);
  },
  async insertVersion(db: DbOrTx, row: typeof assessmentSchemeVersions.$inferInsert): Promise<VersionRow> {
    return (await db.insert(assessmentSchemeVersions).values(row).returning())[0]!;
  },

  /** Marks a scheme's standings out of date: the write that changes a score or the tree calls it in its transaction. */
  async staleStandings(db: DbOrTx, schemeId: string): Promise<void> {
    await db
      .insert(assessmentStandingsState)
      .values({ schemeId, generation: 1, computedAt: null })
      .onConflictDoUpdate({
        target: assessmentStandingsState.schemeId,
        set: { generation: sql`${assessmentStandingsState.generation} + 1`, computedAt: null },
      });
  },
  async standingsState(db: DbOrTx, schemeId: string) {
    const r = await db.select().from(assessmentStandingsState).where(eq(assessmentStandingsState.schemeId, schemeId));
    return r[0]
      ? {
          generation: Number(r[0].generation),
          computedAt: r[0].computedAt,
          averages: r[0].averages,
          offices: r[0].offices,
          meanTotal: r[0].meanTotal,
        }
      : { generation: 0, computedAt: null, averages: [], offices: 0, meanTotal: 0 };
  },
  /**
   * Stores freshly computed standings if no write came between reading `generation` and now (else
   * the next read computes again); returns whether they were stored.
   */
  async storeStandings(
    db: DbOrTx,
    schemeId: string,
    state: { generation: number; at: Date; averages: { code: string; average: number }[]; offices: number; meanTotal: number },
    rows: (typeof assessmentStandings.$inferInsert)[],
  ) {
    return db.transaction(async (tx) => {
      await tx.insert(assessmentStandingsState).values({ schemeId, generation: 0, computedAt: null }).onConflictDoNothing();
      const won = await tx
        .update(assessmentStandingsState)
        .set({ computedAt: state.at, averages: state.averages, offices: state.offices, meanTotal: state.meanTotal })
        .where(and(eq(assessmentStandingsState.schemeId, schemeId), eq(assessmentStandingsState.generation, state.generation)))
        .returning();
      if (!won.length) return false;
      await tx.delete(assessmentStandings).where(eq(assessmentStandings.schemeId, schemeId));
      for (let i = 0; i < rows.length; i += 2000) await tx.insert(assessmentStandings).values(rows.slice(i, i + 2000));
      return true;
    });
  },
  /** The stored standings in rank order; the office's name is joined from orgs (the one place names live). */
  standings(db: DbOrTx, schemeId: string, orgId?: string): Promise<StandingRow[]> {
    const { measured: _measured, ...columns } = getTableColumns(assessmentStandings);
    return db
      .select({ ...columns, orgName: orgs.name })
      .from(assessmentStandings)
      .innerJoin(orgs, eq(orgs.id, assessmentStandings.orgId))
      .where(and(eq(assessmentStandings.schemeId, schemeId), orgId ? eq(assessmentStandings.orgId, orgId) : undefined))
      .orderBy(asc(assessmentStandings.rank));
  },
  /** Per top-level code, the mean over a final scheme's results (in SQL, so an office's page never loads every row). */
  async resultCodeAverages(db: DbOrTx, schemeId: string, codes: string[]) {
    if (!codes.length) return [];
    const r = await db.execute<{ code: string; average: number }>(sql`
      SELECT x->>'code' AS code, round(avg((x->>'score')::float8)::numeric, 2)::float8 AS average
      FROM assessment_results s, jsonb_array_elements(s.scores) x
      WHERE s.scheme_id = ${schemeId} AND x->>'code' = ANY (${`{${codes.map((c) => `"${c}"`).join(',')}}`}::text[])
      GROUP BY 1`);
    const by = new Map(r.rows.map((x) => [x.code, Number(x.average)]));
    return codes.filter((c) => by.has(c)).map((code) => ({ code, average: by.get(code)! }));
  },

  /** A write moves the standings' generation on and keeps them; returns when they were computed (null: stale or none). */
  async bumpStandings(db: DbOrTx, schemeId: string): Promise<Date | null> {
    const r = await db
      .update(assessmentStandingsState)
      .set({ generation: sql`${assessmentStandingsState.generation} + 1` })
      .where(eq(assessmentStandingsState.schemeId, schemeId))
      .returning({ computedAt: assessmentStandingsState.computedAt });
    return r[0]?.computedAt ?? null;
  },
  /** The stored measured part of the named offices' standings, with their names. */
  standingParts(db: DbOrTx, schemeId: string, orgIds: readonly string[]) {
    return db
      .select({ orgId: assessmentStandings.orgId, orgName: orgs.name, measured: assessmentStandings.measured })
      .from(assessmentStandings)
      .innerJoin(orgs, eq(orgs.id, assessmentStandings.orgId))
      .where(and(eq(assessmentStandings.schemeId, schemeId), inArray(assessmentStandings.orgId, [...orgIds])));
  },
  scoresOf(db: DbOrTx, schemeId: string, orgIds: readonly string[]): Promise<ScoreRow[]> {
    return db
      .select()
      .from(assessmentScores)
      .where(and(eq(assessmentScores.schemeId, schemeId), inArray(assessmentScores.orgId, [...orgIds])));
  },
  /** New totals and scores of some offices, in one statement. */
  async updateStandingRows(db: DbOrTx, schemeId: string, rows: readonly { orgId: string; total: number; scores: unknown }[]) {
    if (!rows.length) return;
    const data = JSON.stringify(rows.map((r) => ({ org_id: r.orgId, total: r.total, scores: r.scores })));
    await db.execute(sql`
      UPDATE assessment_standings s SET total = v.total, scores = v.scores
      FROM jsonb_to_recordset(${data}::jsonb) AS v(org_id uuid, total float8, scores jsonb)
      WHERE s.scheme_id = ${schemeId} AND s.org_id = v.org_id`);
  },
  /** Competition ranks (1, 2, 2, 4) by total over the scheme, set in one statement; unchanged ranks are not written. */
  async rerankStandings(db: DbOrTx, schemeId: string) {
    await db.execute(sql`
      UPDATE assessment_standings s SET rank = r.rk
      FROM (SELECT org_id, rank() OVER (ORDER BY total DESC)::int AS rk FROM assessment_standings WHERE scheme_id = ${schemeId}) r
      WHERE s.scheme_id = ${schemeId} AND s.org_id = r.org_id AND s.rank <> r.rk`);
  },
  /** Every office's rank, total and top-level scores (what the averages are taken over). */
  async standingTops(db: DbOrTx, schemeId: string, codes: readonly string[]) {
    const r = await db.execute<{ org_id: string; rank: number; total: number; scores: { code: string; score: number }[] | null }>(sql`
      SELECT s.org_id, s.rank, s.total,
        (SELECT jsonb_agg(jsonb_build_object('code', x->>'code', 'score', (x->>'score')::float8))
           FROM jsonb_array_elements(s.scores) x WHERE x->>'code' = ANY (${`{${codes.map((c) => `"${c}"`).join(',')}}`}::text[])) AS scores
      FROM assessment_standings s WHERE s.scheme_id = ${schemeId}`);
    return r.rows.map((x) => ({ orgId: x.org_id, rank: Number(x.rank), total: Number(x.total), scores: x.scores ?? [] }));
  },
  async setStandingsSummary(
    db: DbOrTx,
    schemeId: string,
    sum: { averages: { code: string; average: number }[]; offices: number; meanTotal: number },
  ) {
    await db
      .update(assessmentStandingsState)
      .set({ averages: sum.averages, offices: sum.offices, meanTotal: sum.meanTotal })
      .where(eq(assessmentStandingsState.schemeId, schemeId));
  },

  async noticeDocument(db: DbOrTx, schemeId: string): Promise<{ documentId: string } | undefined> {
    return (
      await db
        .select({ documentId: assessmentNoticeDocuments.documentId })
        .from(assessmentNoticeDocuments)
        .where(eq(assessmentNoticeDocuments.schemeId, schemeId))
    )[0];
  },
  /** The scheme's 通知 is this document now (a void earlier one is replaced). */
  async setNoticeDocument(db: DbOrTx, row: { schemeId: string; documentId: string; createdBy: string }): Promise<void> {
    await db
      .insert(assessmentNoticeDocuments)
      .values(row)
      .onConflictDoUpdate({
        target: assessmentNoticeDocuments.schemeId,
        set: { documentId: row.documentId, createdBy: row.createdBy, createdAt: new Date() },
      });
  },
};
