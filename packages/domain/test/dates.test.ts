import { describe, expect, it } from 'vitest';
import { calendarDate, chineseDate, isoDate } from '../src/dates.ts';

// GB/T 9704-2012 7.3.5.2: 成文日期 in Arabic numerals, the year in full, month and day without a
// leading zero ("1不编为01"); 7.5.3 says the same of 印发日期.
describe('chineseDate', () => {
  it('writes month and day without leading zeros', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('2026-12-25')).toBe('2026年12月25日');
    expect(chineseDate('2026-10-01')).toBe('2026年10月1日');
  });
  it('dates a Date in China time whatever the server zone', () => {
    // 2026-01-04 17:30 UTC is already 2026-01-05 01:30 in Beijing.
    expect(chineseDate(new Date('2026-01-04T17:30:00Z'))).toBe('2026年1月5日');
    expect(chineseDate(new Date('2026-01-05T15:59:59Z'))).toBe('2026年1月5日');
    expect(chineseDate(new Date('2026-01-05T16:00:00Z'))).toBe('2026年1月6日');
  });
  it('refuses what is not a calendar date', () => {
    expect(() => chineseDate('2026-02-30')).toThrow(RangeError);
    expect(() => chineseDate('yesterday')).toThrow(RangeError);
    expect(() => chineseDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('isoDate', () => {
  it('pads for registers and spreadsheets', () => {
    expect(isoDate('2026-01-05')).toBe('2026-01-05');
    expect(isoDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(calendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
