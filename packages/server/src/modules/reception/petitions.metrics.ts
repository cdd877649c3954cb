/** Figures the county's dashboard reads from the letters-and-visits register. */
import type { Db } from '../../db/client.ts';
import { receptionRepository } from './reception.repository.ts';

/** Cases whose current deadline (acceptance, handling, review answer) passed before `today`, per org. */
export async function overduePetitionsByOrg(db: Db, today: string): Promise<{ orgId: string; overdue: number }[]> {
  const rows = await receptionRepository.overdueByOrg(db, today);
  return rows.map((r) => ({ orgId: r.orgId, overdue: Number(r.overdue) }));
}
