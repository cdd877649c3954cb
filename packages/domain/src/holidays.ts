import { z } from 'zod';
import { safeString } from './common.ts';
import { formatISO, getISODay, parseISO } from 'date-fns';

/**
 * The holiday calendar: statutory holidays (法定节假日, published yearly by the State Council's
 * General Office) and the weekend days turned into working days to make up for them (调休上班).
 * The county office maintains it; working-day counting and holiday duty rosters read it.
 */
export const isoDaySchema = safeString()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) => !Number.isNaN(parseISO(s).getTime()) && formatISO(parseISO(s), { representation: 'date' }) === s,
    '不是有效日期 / not a calendar date',
  );

export const holidayPeriodSchema = z
  .object({
    name: safeString().trim().min(1).max(30),
    startsOn: isoDaySchema,
    endsOn: isoDaySchema,
    makeupWorkdays: z.array(isoDaySchema).max(10).default([]),
  })
  .strict()
  .refine((p) => p.startsOn <= p.endsOn, {
    message: '结束日期不能早于开始日期 / the last day cannot be before the first',
    path: ['endsOn'],
  })
  .refine((p) => daysInclusive(p.startsOn, p.endsOn) <= 31, {
    message: '节假日最长 31 天 / a holiday lasts at most 31 days',
    path: ['endsOn'],
  });
export type HolidayPeriod = z.infer<typeof holidayPeriodSchema>;

export interface HolidayCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly makeupWorkdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: HolidayCalendar = { holidays: new Set(), makeupWorkdays: new Set() };

export function toIsoDay(d: Date): string {
  return formatISO(d, { representation: 'date' });
}

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Calendar-day arithmetic on YYYY-MM-DD in UTC, so the server's time zone never shifts a day. */
export function shiftDay(day: string, n: number): string {
  return fromUtc(utc(day) + n * DAY_MS);
}

export function daysInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((utc(to) - utc(from)) / DAY_MS) + 1);
}

export function eachDay(from: string, to: string): string[] {
  const n = Math.min(daysInclusive(from, to), 10_000);
  const start = utc(from);
  return Array.from({ length: n }, (_, i) => fromUtc(start + i * DAY_MS));
}

export function calendarFromPeriods(periods: readonly Pick<HolidayPeriod, 'startsOn' | 'endsOn' | 'makeupWorkdays'>[]): HolidayCalendar {
  const holidays = new Set<string>();
  const makeup = new Set<string>();
  for (const p of periods) {
    for (const d of eachDay(p.startsOn, p.endsOn)) holidays.add(d);
    for (const d of p.makeupWorkdays ?? []) makeup.add(d);
  }
  return { holidays, makeupWorkdays: makeup };
}

/** A working day: Monday–Friday unless a holiday, or a weekend day named as a make-up working day. */
export function isWorkingDay(day: string, cal: HolidayCalendar = EMPTY_CALENDAR): boolean {
  if (cal.makeupWorkdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return getISODay(parseISO(day)) <= 5;
}
