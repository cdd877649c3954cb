import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid[] as ONE bound parameter (drizzle would spread a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error('not a uuid');
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** The planner's estimate of the rows `query` returns (EXPLAIN, nothing run): ANALYZE's statistics, about a millisecond. */
export async function plannerRows(db: DbOrTx, query: SQL): Promise<number> {
  const r = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`EXPLAIN (FORMAT JSON) ${query}`);
  return Math.round(r.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows']);
}
