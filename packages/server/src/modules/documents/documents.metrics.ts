/**
 * Online share of exchanges (网上传输率) per sending org and month. An exchange is one document
 * sent to one recipient org: an online dispatch counts its deliveries, a paper dispatch its main
 * and copy recipients; months follow the dispatch date in China time.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export async function onlineShareByOrgMonth(
  db: DbOrTx,
  year: number,
): Promise<{ orgId: string; month: number; online: number; total: number }[]> {
  const r = await db.execute<{ org_id: string; month: number; online: number; total: number }>(sql`
    SELECT org_id, month::int AS month, sum(n) FILTER (WHERE channel = 'online')::int AS online, sum(n)::int AS total
    FROM (
      SELECT org_id, channel, extract(month FROM dispatched_at AT TIME ZONE 'Asia/Shanghai') AS month,
             cardinality(main_recipient_org_ids) + cardinality(copy_recipient_org_ids) AS n
      FROM documents
      WHERE channel IS NOT NULL AND dispatched_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        AND dispatched_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
    ) x
    GROUP BY org_id, month ORDER BY org_id, month`);
  return r.rows.map((x) => ({ orgId: x.org_id, month: Number(x.month), online: Number(x.online ?? 0), total: Number(x.total) }));
}
