import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POINT_TABLE,
  defaultScoringConfig,
  formatBulletinNumber,
  infoReviewSchema,
  isLongPiece,
  itemPoints,
  periodOf,
  quotaPoints,
  rankByPoints,
} from '../src/information.ts';

describe('points', () => {
  it('has the default table of the issue: county 5/10/30, city 20/50/80', () => {
    expect([DEFAULT_POINT_TABLE.county_bulletin, DEFAULT_POINT_TABLE.county_special, DEFAULT_POINT_TABLE.county_instruction]).toEqual([
      5, 10, 30,
    ]);
    expect([DEFAULT_POINT_TABLE.city_bulletin, DEFAULT_POINT_TABLE.city_special, DEFAULT_POINT_TABLE.city_instruction]).toEqual([
      20, 50, 80,
    ]);
  });
  it('adds up across levels and counts a level once', () => {
    expect(itemPoints(['county_bulletin', 'city_bulletin'], DEFAULT_POINT_TABLE)).toBe(25);
    expect(itemPoints(['county_bulletin', 'county_bulletin'], DEFAULT_POINT_TABLE)).toBe(5);
    expect(itemPoints([], DEFAULT_POINT_TABLE)).toBe(0);
  });
});

describe('quota', () => {
  const cfg = defaultScoringConfig(2026);
  it('gives base points for each month with at least 8 items and each quarter with a long piece', () => {
    const act = { itemsByMonth: { 1: 8, 2: 7, 3: 12 }, longByQuarter: { 1: 1, 2: 0 } };
    const p = periodOf(2026);
    expect(quotaPoints(act, cfg, p.months, p.quarters)).toEqual({ points: 2 * 2 + 1 * 2, monthsMet: 2, quartersMet: 1 });
  });
  it('counts the quarter in a month ranking only in the month that closes it', () => {
    expect(periodOf(2026, 2)).toEqual({ year: 2026, months: [2], quarters: [] });
    expect(periodOf(2026, 6)).toEqual({ year: 2026, months: [6], quarters: [2] });
  });
  it('measures a long piece by characters without white space', () => {
    expect(isLongPiece('字'.repeat(1499) + ' \n', cfg)).toBe(false);
    expect(isLongPiece('字'.repeat(1500), cfg)).toBe(true);
  });
});

describe('ranking', () => {
  it('shares a rank on ties and skips the next (1, 2, 2, 4)', () => {
    const r = rankByPoints([
      { id: 'a', points: 5 },
      { id: 'b', points: 30 },
      { id: 'c', points: 10 },
      { id: 'd', points: 10 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
      ['a', 4],
    ]);
  });

  it('gives no place to a township without points: a month nobody scored has no 第1名', () => {
    expect(rankByPoints([{ points: 0 }, { points: 0 }, { points: 0 }]).map((x) => x.rank)).toEqual([null, null, null]);
    expect(rankByPoints([{ points: 0 }, { points: 3 }]).map((x) => x.rank)).toEqual([1, null]);
  });
});

describe('payloads', () => {
  it('needs a level to adopt and a note to refuse', () => {
    expect(infoReviewSchema.safeParse({ decision: 'adopt', levels: [] }).success).toBe(false);
    expect(infoReviewSchema.safeParse({ decision: 'reject' }).success).toBe(false);
    expect(infoReviewSchema.safeParse({ decision: 'adopt', levels: ['county_bulletin', 'city_bulletin'] }).success).toBe(true);
  });
  it('numbers bulletin issues per year', () => {
    expect(formatBulletinNumber(2026, 3)).toBe('2026年第3期');
  });
});
