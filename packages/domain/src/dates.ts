/**
 * Calendar dates as official documents and registers write them. Documents are dated in China
 * time (UTC+8, no daylight saving), whatever the server's time zone.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a Date in China time, or of a 'YYYY-MM-DD…' string as written. */
export function calendarDate(date: Date | string): CalendarDate {
  if (typeof date === 'string') {
    const m = ISO_DATE.exec(date);
    if (!m) throw new RangeError(`not a date: "${date}"`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
      throw new RangeError(`not a date: "${date}"`);
    return { year, month, day };
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * 成文日期 / 印发日期 as GB/T 9704-2012 writes them: Arabic numerals, the year in full, month and
 * day without a leading zero (7.3.5.2: "月、日不编虚位"), e.g. 2026年1月5日.
 */
export function chineseDate(date: Date | string): string {
  const { year, month, day } = calendarDate(date);
  return `${year}年${month}月${day}日`;
}

/** YYYY-MM-DD in China time: how registers and spreadsheets show a date (as text). */
export function isoDate(date: Date | string): string {
  const { year, month, day } = calendarDate(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's calendar date in China (YYYY-MM-DD): the one definition every package uses. */
export function chinaToday(now: Date = new Date()): string {
  return isoDate(now);
}

/** The current year in China (a document of 1 January 00:30 Beijing time belongs to the new year). */
export function chinaYear(now: Date = new Date()): number {
  return calendarDate(now).year;
}

/** HH:MM of a moment in China time, as duty logs and slips print it. */
export function chinaTime(moment: Date): string {
  return new Date(moment.getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}
