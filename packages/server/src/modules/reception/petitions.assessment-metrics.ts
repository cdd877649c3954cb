/**
 * The assessment's letters-and-visits figure, over reception's own table: accepted cases and
 * whether each was closed within its handling period (handleBy in the domain: 60 days from the
 * acceptance decision plus an approved extension, in calendar days as the case counts them).
 */
import { and, gte, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { handleBy, PERIOD_SHIFT_MAX_DAYS, PETITION_PERIODS } from '@township-office/domain/petitions';
import type { Db } from '../../db/client.ts';
import { holidayCalendar } from './petitions.service.ts';
import { petitions } from './reception.tables.ts';

/**
 * Per org, the accepted cases that count in `year` up to `cutOff` (YYYY-MM-DD): those closed in the
 * year, and those still open whose handling period ended in the year before the cut-off; on time
 * when closed on or before the period's last day. Orgs with none are absent.
 */
export async function petitionsHandledOnTimeByOrg(
  db: Db,
  year: number,
  cutOff: string,
): Promise<{ orgId: string; total: number; onTime: number }[]> {
  const start = `${year}-01-01`;
  // Only the cases that can count: closed in the window, or open with a period that can end in it.
  // A period ends on or after decidedOn + its days, and at most PERIOD_SHIFT_MAX_DAYS later (a last
  // day moved past holidays); the exact day is handleBy's, below. Years of history stay unread.
  const period = sql`(${petitions.decidedOn} + (${PETITION_PERIODS.handleDays}::int + coalesce(${petitions.extensionDays}, 0)))`;
  const rows = await db
    .select({
      orgId: petitions.orgId,
      decidedOn: petitions.decidedOn,
      extensionDays: petitions.extensionDays,
      closedOn: petitions.closedOn,
    })
    .from(petitions)
    .where(
      and(
        isNotNull(petitions.decidedOn),
        ne(petitions.status, 'not_accepted'),
        or(
          and(gte(petitions.closedOn, start), lte(petitions.closedOn, cutOff)),
          and(
            isNull(petitions.closedOn),
            sql`${period} < ${cutOff}::date`,
            sql`${period} + ${PERIOD_SHIFT_MAX_DAYS}::int >= ${start}::date`,
          ),
        ),
      ),
    );
  // Calendar days, a last day on a public holiday moving to the next working day (as the case counts).
  const cal = await holidayCalendar(db);
  const out = new Map<string, { orgId: string; total: number; onTime: number }>();
  for (const r of rows) {
    const due = handleBy({ decidedOn: r.decidedOn, extensionDays: r.extensionDays }, cal)!;
    const counts = r.closedOn ? r.closedOn >= start && r.closedOn <= cutOff : due >= start && due < cutOff;
    if (!counts) continue;
    const s = out.get(r.orgId) ?? { orgId: r.orgId, total: 0, onTime: 0 };
    s.total++;
    if (r.closedOn && r.closedOn <= due) s.onTime++;
    out.set(r.orgId, s);
  }
  return [...out.values()];
}
