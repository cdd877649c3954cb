/** The assessment's follow-up (督办) figure, over meetings' own table. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/**
 * Per org, the follow-ups that count in `year` up to `cutOff` (YYYY-MM-DD): those closed in the
 * year, and those still open whose deadline passed in the year before the cut-off; on time when
 * closed on or before the deadline. Orgs with none are absent.
 */
export async function followUpsClosedOnTimeByOrg(
  db: DbOrTx,
  year: number,
  cutOff: string,
): Promise<{ orgId: string; total: number; onTime: number }[]> {
  const start = `${year}-01-01`;
  const r = await db.execute<{ org_id: string; total: number; on_time: number }>(sql`
    SELECT org_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'closed' AND closed_on <= deadline)::int AS on_time
    FROM follow_ups
    WHERE (status = 'closed' AND closed_on >= ${start}::date AND closed_on <= ${cutOff}::date)
       OR (status = 'open' AND deadline >= ${start}::date AND deadline < ${cutOff}::date)
    GROUP BY org_id`);
  return r.rows.map((x) => ({ orgId: x.org_id, total: Number(x.total), onTime: Number(x.on_time) }));
}
