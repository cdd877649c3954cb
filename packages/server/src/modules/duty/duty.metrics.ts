/** Duty-log completeness for the county's dashboard and assessment ("值班日志记录完整"). */
import { chinaToday } from '@township-office/domain/dates';
import { daysInclusive, shiftDay } from '@township-office/domain/holidays';
import type { Db } from '../../db/client.ts';
import { dutyRepository } from './duty.repository.ts';

/**
 * Per township, the days of `year` with at least one log entry, against the days that should have
 * one: every day of the year up to yesterday (today's log is still being kept).
 */
export async function dutyLogDaysKept(db: Db, year: number): Promise<{ orgId: string; daysKept: number; daysExpected: number }[]> {
  const first = `${year}-01-01`;
  const yesterday = shiftDay(chinaToday(), -1);
  const last = yesterday < `${year}-12-31` ? yesterday : `${year}-12-31`;
  const expected = last < first ? 0 : daysInclusive(first, last);
  const rows = (await dutyRepository.daysKept(db, first, last < first ? first : last)).rows;
  return rows.map((r) => ({ orgId: r.org_id, daysKept: expected ? Number(r.days_kept) : 0, daysExpected: expected }));
}

/** Per township and day in [from, to]: whether a log was kept that day, and how many entries. */
export async function dutyLogByDay(
  db: Db,
  from: string,
  to: string,
): Promise<{ orgId: string; day: string; kept: boolean; entries: number }[]> {
  const rows = (await dutyRepository.logByDay(db, from, to)).rows;
  return rows.map((r) => ({ orgId: r.org_id, day: r.day, kept: Number(r.entries) > 0, entries: Number(r.entries) }));
}
