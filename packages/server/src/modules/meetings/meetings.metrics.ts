/** Figures the county's dashboard and assessment read from the minutes. */
import { chinaToday } from '@township-office/domain/dates';
import type { Db } from '../../db/client.ts';
import { meetingsRepository } from './meetings.repository.ts';

/** The county's 业务交流会 held in `year`, with the townships that attended. */
export async function exchangeMeetingsInYear(
  db: Db,
  year: number,
): Promise<{ meetingId: string; date: string; townshipOrgIds: string[] }[]> {
  const rows = await meetingsRepository.exchangeMeetingsInYear(db, year);
  return rows.map((r) => ({ meetingId: r.id, date: chinaToday(r.startsAt), townshipOrgIds: r.attendingOrgIds }));
}

/** Open follow-ups past their deadline on `today` (YYYY-MM-DD), per org; orgs with none are absent. */
export async function overdueFollowUpsByOrg(db: Db, today: string): Promise<{ orgId: string; overdue: number }[]> {
  const rows = await meetingsRepository.overdueFollowUpsByOrg(db, today);
  return rows.map((r) => ({ orgId: r.orgId, overdue: Number(r.overdue) }));
}
