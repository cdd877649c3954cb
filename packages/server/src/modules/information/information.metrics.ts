/**
 * Figures the dashboard and the assessment read: per org, the year's points (adoptions plus quota
 * base points, as in the ranking), items submitted (withdrawn ones excluded) and items adopted.
 */
import type { DbOrTx } from '../../db/client.ts';
import { computeRanking } from './information.service.ts';

export async function infoPointsByOrg(
  db: DbOrTx,
  year: number,
): Promise<{ orgId: string; points: number; items: number; adopted: number }[]> {
  const rows = await computeRanking(db, year);
  return rows.map((r) => ({ orgId: r.orgId, points: r.points, items: r.items, adopted: r.adopted }));
}
