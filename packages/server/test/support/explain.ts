/**
 * EXPLAIN checks for the lists (issue 14: every hot list is served by an index). `scansOf` names
 * every node of a query's plan that reads `table` or one of its indexes ("Index Scan
 * incoming_org_received_idx", "Seq Scan"), so a test can say none of them is a sequential scan:
 *
 *   expect((await scansOf(db, query, 'visits')).filter((s) => s.startsWith('Seq Scan'))).toEqual([]);
 *
 * Fill the table with enough rows (tens of thousands) and ANALYZE it first: on a few rows the
 * planner rightly prefers a sequential scan.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.ts';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

export async function scansOf(db: DbOrTx, query: SQL, table: string): Promise<string[]> {
  const r = await db.execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(sql`EXPLAIN (FORMAT JSON) ${query}`);
  const out: string[] = [];
  const walk = (n: PlanNode) => {
    if (n['Relation Name'] === table || n['Index Name']?.startsWith(`${table}_`))
      out.push(`${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}`);
    n.Plans?.forEach(walk);
  };
  walk(r.rows[0]!['QUERY PLAN'][0].Plan);
  return out;
}

/** The sequential scans of `table` in the query's plan (an empty list is what a hot list wants). */
export async function seqScansOf(db: DbOrTx, query: SQL, table: string): Promise<string[]> {
  return (await scansOf(db, query, table)).filter((s) => s.startsWith('Seq Scan'));
}
