import { describe, expect, it } from 'vitest';
import { generateRotation } from '../src/duty.ts';
import { daysInclusive, eachDay, shiftDay } from '../src/holidays.ts';

describe('roster rotation', () => {
  it('takes daily turns in list order', () => {
    const days = generateRotation({
      from: '2026-03-01',
      to: '2026-03-04',
      mode: 'daily',
      leaders: ['甲', '乙'],
      staff: ['A', 'B', 'C'],
      staffPerDay: 1,
    });
    expect(days.map((d) => `${d.day} ${d.leaderName} ${d.staffNames.join('')}`)).toEqual([
      '2026-03-01 甲 A',
      '2026-03-02 乙 B',
      '2026-03-03 甲 C',
      '2026-03-04 乙 A',
    ]);
  });

  it('changes weekly on Mondays, and shares turns evenly', () => {
    // 2026-03-04 is a Wednesday: its week runs to Sunday 8 March, the next starts Monday 9 March.
    const days = generateRotation({
      from: '2026-03-04',
      to: '2026-03-16',
      mode: 'weekly',
      leaders: ['甲', '乙'],
      staff: ['A', 'B'],
      staffPerDay: 2,
    });
    expect(days.find((d) => d.day === '2026-03-08')!.leaderName).toBe('甲');
    expect(days.find((d) => d.day === '2026-03-09')!.leaderName).toBe('乙');
    expect(days.find((d) => d.day === '2026-03-16')!.leaderName).toBe('甲');
    expect(days.every((d) => d.staffNames.length === 2)).toBe(true);
    const month = generateRotation({
      from: '2026-03-01',
      to: '2026-03-31',
      mode: 'daily',
      leaders: ['甲', '乙', '丙'],
      staff: ['A'],
      staffPerDay: 1,
    });
    const counts = ['甲', '乙', '丙'].map((n) => month.filter((d) => d.leaderName === n).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('counts days across month and year ends', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
