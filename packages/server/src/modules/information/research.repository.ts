import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { OrgScope } from '../../platform/access.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { researchReports, researchTopics, type ResearchReportRow, type ResearchTopicRow } from './information.tables.ts';

export const researchRepository = {
  async insertTopic(db: DbOrTx, values: typeof researchTopics.$inferInsert): Promise<ResearchTopicRow> {
    const [row] = await db.insert(researchTopics).values(values).returning();
    return row!;
  },
  async topicById(db: DbOrTx, id: string): Promise<ResearchTopicRow | undefined> {
    const [row] = await db.select().from(researchTopics).where(eq(researchTopics.id, id));
    return row;
  },
  listTopics(
    db: DbOrTx,
    year: number | undefined,
    scope: OrgScope,
  ): Promise<(ResearchTopicRow & { reports: number; evaluated: number })[]> {
    const scoped =
      scope.kind === 'all'
        ? sql`true`
        : scope.orgIds.length
          ? sql`r.org_id IN (${sql.join(
              scope.orgIds.map((o) => sql`${o}`),
              sql`, `,
            )})`
          : sql`false`;
    return db
      .select({
        id: researchTopics.id,
        orgId: researchTopics.orgId,
        year: researchTopics.year,
        title: researchTopics.title,
        description: researchTopics.description,
        deadline: researchTopics.deadline,
        createdBy: researchTopics.createdBy,
        createdAt: researchTopics.createdAt,
        // Qualified by hand: without a join drizzle writes a bare "id", which inside the subquery is the report's own id (every count was 0).
        reports: sql<number>`(SELECT count(*)::int FROM research_reports r WHERE r.topic_id = research_topics.id AND ${scoped})`,
        evaluated: sql<number>`(SELECT count(*)::int FROM research_reports r WHERE r.topic_id = research_topics.id AND r.grade IS NOT NULL AND ${scoped})`,
      })
      .from(researchTopics)
      .where(year ? eq(researchTopics.year, year) : undefined)
      .orderBy(desc(researchTopics.deadline));
  },
  async insertReport(db: DbOrTx, values: typeof researchReports.$inferInsert): Promise<ResearchReportRow> {
    const [row] = await db.insert(researchReports).values(values).returning();
    return row!;
  },
  async reportById(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<ResearchReportRow | undefined> {
    const q = db.select().from(researchReports).where(eq(researchReports.id, id));
    const [row] = opts.forUpdate ? await q.for('update') : await q;
    return row;
  },
  async updateReport(db: DbOrTx, id: string, values: Partial<typeof researchReports.$inferInsert>): Promise<ResearchReportRow> {
    const [row] = await db.update(researchReports).set(values).where(eq(researchReports.id, id)).returning();
    return row!;
  },
  async listReports(db: DbOrTx, topicId: string | undefined, scope: OrgScope): Promise<(ResearchReportRow & { orgName: string })[]> {
    const conds: SQL[] = [];
    if (topicId) conds.push(eq(researchReports.topicId, topicId));
    if (scope.kind === 'orgs')
      conds.push(
        scope.orgIds.length
          ? sql`${researchReports.orgId} IN (${sql.join(
              scope.orgIds.map((o) => sql`${o}`),
              sql`, `,
            )})`
          : sql`false`,
      );
    const rows = await db
      .select({ report: researchReports, orgName: orgs.name })
      .from(researchReports)
      .innerJoin(orgs, eq(orgs.id, researchReports.orgId))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(orgs.sortOrder), desc(researchReports.submittedAt));
    return rows.map((r) => ({ ...r.report, orgName: r.orgName }));
  },
};
