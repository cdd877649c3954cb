/**
 * The reads archives needs of closed documents (发文 once dispatched, 收文 once 办结), read-only.
 * Joins orgs for the issuing organisation's name (allowed for repositories).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orgs } from '../orgs/orgs.tables.ts';
import { documents, incoming } from './documents.tables.ts';

export const documentsArchiveRepository = {
  async closedHeads(db: DbOrTx, orgId: string, year: number) {
    const out = await db
      .select({
        id: documents.id,
        orgId: documents.orgId,
        docNumber: documents.docNumber,
        title: documents.title,
        date: documents.writtenDate,
        status: documents.status,
      })
      .from(documents)
      .where(and(eq(documents.orgId, orgId), eq(documents.numberYear, year), sql`${documents.status} IN ('dispatched')`));
    const inc = await db
      .select({
        id: incoming.id,
        orgId: incoming.orgId,
        docNumber: incoming.docNumber,
        title: incoming.title,
        date: incoming.receivedDate,
        status: incoming.status,
      })
      .from(incoming)
      .where(and(eq(incoming.orgId, orgId), eq(incoming.serialYear, year), eq(incoming.status, 'closed')));
    return { out, inc };
  },

  async closedCountByOrg(db: DbOrTx, year: number): Promise<Map<string, number>> {
    const r = await db.execute<{ org_id: string; n: number }>(sql`
      SELECT org_id, count(*)::int AS n FROM (
        SELECT org_id FROM documents WHERE number_year = ${year} AND status = 'dispatched'
        UNION ALL
        SELECT org_id FROM incoming WHERE serial_year = ${year} AND status = 'closed') x
      GROUP BY org_id`);
    return new Map(r.rows.map((x) => [x.org_id, Number(x.n)]));
  },

  async outgoingWithOrg(db: DbOrTx, id: string) {
    const [r] = await db
      .select({ doc: documents, orgName: orgs.name })
      .from(documents)
      .innerJoin(orgs, eq(orgs.id, documents.orgId))
      .where(eq(documents.id, id));
    return r ?? null;
  },

  async incomingWithWrittenDate(db: DbOrTx, id: string) {
    const [r] = await db
      .select({ inc: incoming, writtenDate: documents.writtenDate })
      .from(incoming)
      .leftJoin(documents, eq(documents.id, incoming.documentId))
      .where(eq(incoming.id, id));
    return r ?? null;
  },

  async closedOfYear(db: DbOrTx, year: number) {
    const out = await db
      .select({ doc: documents, orgName: orgs.name })
      .from(documents)
      .innerJoin(orgs, eq(orgs.id, documents.orgId))
      .where(and(eq(documents.numberYear, year), eq(documents.status, 'dispatched')));
    const inc = await db
      .select({ inc: incoming, writtenDate: documents.writtenDate })
      .from(incoming)
      .leftJoin(documents, eq(documents.id, incoming.documentId))
      .where(and(eq(incoming.serialYear, year), eq(incoming.status, 'closed')));
    return { out, inc };
  },
};
