/** SQL of the register imports (issue 12): what is already there, the bulk insert, the serial counter. */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { documents, incoming } from './documents.tables.ts';

const CHUNK = 500;

export const registersImportRepository = {
  /** The org's 收文编号 (year, seq) already taken in the given years. */
  async incomingSerials(db: DbOrTx, orgId: string, years: number[]): Promise<Set<string>> {
    if (years.length === 0) return new Set();
    const rows = await db
      .select({ y: incoming.serialYear, s: incoming.serialSeq })
      .from(incoming)
      .where(and(eq(incoming.orgId, orgId), inArray(incoming.serialYear, years)));
    return new Set(rows.map((r) => `${r.y}:${r.s}`));
  },
  /** The org's 来文字号 already registered, keyed by sender and number. */
  async incomingDocNumbers(db: DbOrTx, orgId: string, numbers: string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows = await db
      .select({ sender: incoming.senderName, n: incoming.docNumber })
      .from(incoming)
      .where(and(eq(incoming.orgId, orgId), isNotNull(incoming.docNumber), inArray(incoming.docNumber, numbers)));
    return new Set(rows.map((r) => `${r.sender}|${r.n}`));
  },
  /** 发文字号 already taken county-wide (the number is unique by prefix, year and sequence). */
  async outgoingNumbers(db: DbOrTx, numbers: string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows = await db.select({ n: documents.docNumber }).from(documents).where(inArray(documents.docNumber, numbers));
    return new Set(rows.map((r) => r.n!));
  },
  async insertIncoming(tx: DbOrTx, values: (typeof incoming.$inferInsert)[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const r = await tx
        .insert(incoming)
        .values(values.slice(i, i + CHUNK))
        .returning({ id: incoming.id });
      n += r.length;
    }
    return n;
  },
  async insertDocuments(tx: DbOrTx, values: (typeof documents.$inferInsert)[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const r = await tx
        .insert(documents)
        .values(values.slice(i, i + CHUNK))
        .returning({ id: documents.id });
      n += r.length;
    }
    return n;
  },
  /** The org's serial counter of each year moves past the imported numbers, so the next entry follows them. */
  async raiseIncomingCounter(tx: DbOrTx, orgId: string, year: number, atLeast: number): Promise<void> {
    await tx.execute(sql`
      INSERT INTO incoming_serial_counters (org_id, year, last_seq) VALUES (${orgId}, ${year}, ${atLeast})
      ON CONFLICT (org_id, year) DO UPDATE SET last_seq = GREATEST(incoming_serial_counters.last_seq, EXCLUDED.last_seq)`);
  },
  /** The 发文字号 counter of a prefix and year moves past the imported numbers. */
  async raiseDocNumberCounter(tx: DbOrTx, orgId: string, prefix: string, year: number, atLeast: number): Promise<void> {
    await tx.execute(sql`
      INSERT INTO doc_number_counters (number_prefix, year, org_id, last_seq) VALUES (${prefix}, ${year}, ${orgId}, ${atLeast})
      ON CONFLICT (number_prefix, year) DO UPDATE SET last_seq = GREATEST(doc_number_counters.last_seq, EXCLUDED.last_seq)`);
  },
  /** The counter of the org and year as it is now (tests and the report read it). */
  async incomingCounter(db: DbOrTx, orgId: string, year: number): Promise<number> {
    const r = await db.execute<{ last_seq: number }>(
      sql`SELECT last_seq FROM incoming_serial_counters WHERE org_id = ${orgId} AND year = ${year}`,
    );
    return Number(r.rows[0]?.last_seq ?? 0);
  },
};
