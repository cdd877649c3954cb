import { differenceInCalendarDays, parseISO } from 'date-fns';
import { EMPTY_CALENDAR, isWorkingDay, shiftDay, type HolidayCalendar } from './holidays.ts';

/**
 * Deadline arithmetic. A period of N days starts the day after the triggering event (期间开始的当日
 * 不计入, 民法典 第二百零一条) and ends at the end of its last day. Calendar days by default;
 * working days skip weekends and statutory holidays and count make-up working days.
 */
export const DAY_COUNTS = ['calendar', 'working'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

export interface CountOptions {
  count?: DayCount;
  calendar?: HolidayCalendar;
}

/** The last day of a period of `days` days that starts after `from`. */
export function dueDate(from: string, days: number, opts: CountOptions = {}): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  if ((opts.count ?? 'calendar') === 'calendar') return shiftDay(from, days);
  const cal = opts.calendar ?? EMPTY_CALENDAR;
  let d = from;
  for (let left = days; left > 0;) {
    d = shiftDay(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Days from `today` to `due`: positive while time is left, 0 on the last day, negative once overdue. */
export function daysLeft(due: string, today: string): number {
  return differenceInCalendarDays(parseISO(due), parseISO(today));
}

export const DEADLINE_STATES = ['open', 'due_soon', 'overdue', 'met', 'missed'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** The state shown as a tag: met/missed once done, else open, due soon (within `soonDays`), or overdue. */
export function deadlineState(due: string, today: string, doneOn?: string | null, soonDays = 3): DeadlineState {
  if (doneOn) return doneOn <= due ? 'met' : 'missed';
  const left = daysLeft(due, today);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due_soon' : 'open';
}
