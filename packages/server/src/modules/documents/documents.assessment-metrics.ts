/**
 * Figures the assessment reads from the documents registers (签收及时率, 办结及时率). A file of its
 * own beside documents.metrics.ts so the assessment's queries stay apart from the dashboard's.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/**
 * Per recipient org: deliveries sent to it in `year` (China time; withdrawn ones left out) and those
 * acknowledged within 24 hours of arriving.
 */
export async function receiptsWithin24hByOrg(db: DbOrTx, year: number): Promise<{ orgId: string; total: number; onTime: number }[]> {
  const r = await db.execute<{ org_id: string; total: number; on_time: number }>(sql`
    SELECT org_id, count(*)::int AS total,
           count(*) FILTER (WHERE acknowledged_at IS NOT NULL AND acknowledged_at <= created_at + interval '24 hours')::int AS on_time
    FROM deliveries
    WHERE status <> 'withdrawn'
      AND created_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
      AND created_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
    GROUP BY org_id`);
  return r.rows.map((x) => ({ orgId: x.org_id, total: Number(x.total), onTime: Number(x.on_time) }));
}

/**
 * Per org: incoming documents whose handling deadline falls in `year`, and those closed on or
 * before the deadline (the China-time day of closing).
 */
export async function incomingClosedOnTimeByOrg(db: DbOrTx, year: number): Promise<{ orgId: string; total: number; onTime: number }[]> {
  const r = await db.execute<{ org_id: string; total: number; on_time: number }>(sql`
    SELECT org_id, count(*)::int AS total,
           count(*) FILTER (WHERE closed_at IS NOT NULL AND (closed_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline)::int AS on_time
    FROM incoming
    WHERE deadline IS NOT NULL AND deadline >= make_date(${year}, 1, 1) AND deadline <= make_date(${year}, 12, 31)
    GROUP BY org_id`);
  return r.rows.map((x) => ({ orgId: x.org_id, total: Number(x.total), onTime: Number(x.on_time) }));
}
