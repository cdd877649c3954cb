import { describe, expect, it } from 'vitest';
import { ageBand, idNumberWithCheck, isFilingLate, isValidIdNumber, staffCountStatus, tenureBand } from '../src/personnel.ts';
import { proposeRotation, quarterPeriod, trainingWindow, type PlannerCandidate } from '../src/training.ts';
import { equipmentOk, yearOnYear } from '../src/environment.ts';
import { coverageStatus, leaderStatus, overdueStatus, shareStatus, staffStatus } from '../src/dashboard.ts';

describe('personnel rules', () => {
  it('flags a filing late only after the deadline', () => {
    expect(isFilingLate('2026-03-01', '2026-03-16', 15)).toBe(false);
    expect(isFilingLate('2026-03-01', '2026-03-17', 15)).toBe(true);
    expect(isFilingLate('2026-03-01', '2026-03-17', 30)).toBe(false);
  });
  it('checks the ID number check character', () => {
    const id = idNumberWithCheck('11010519491231002');
    expect(id).toBe('11010519491231002X');
    expect(isValidIdNumber(id)).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('123')).toBe(false);
  });
  it('bands age and tenure on birthdays, not calendar years', () => {
    expect(ageBand('1996-12-01', '2026-11-30')).toBe('under30');
    expect(ageBand('1996-11-30', '2026-11-30')).toBe('30to39');
    expect(tenureBand('2025-12-01', '2026-11-30')).toBe('under1');
    expect(tenureBand('2021-01-01', '2026-11-30')).toBe('5plus');
  });
  it('holds the 2–3 staff rule', () => {
    expect([1, 2, 3, 4].map(staffCountStatus)).toEqual(['under', 'ok', 'ok', 'over']);
    expect([1, 2, 3, 4].map(staffStatus)).toEqual(['gap', 'ok', 'ok', 'gap']);
  });
});

describe('rotation planner', () => {
  const c = (
    staffId: string,
    orgId: string,
    lastRotation: string | null,
    townshipStaffCount = 2,
    startDate = '2015-01-01',
  ): PlannerCandidate => ({ staffId, orgId, lastRotation, townshipStaffCount, startDate });
  it('puts the never-rotated first, then the longest waiting, one per township, never an only staff member', () => {
    const picked = proposeRotation(
      [
        c('a', 'T1', '2025-01-01'),
        c('b', 'T1', null),
        c('c', 'T2', '2024-04-01'),
        c('d', 'T3', null, 1),
        c('e', 'T4', '2025-07-01'),
        c('f', 'T2', '2023-01-01'),
      ],
      3,
    );
    expect(picked.map((p) => p.staffId)).toEqual(['b', 'f', 'e']);
  });
  it('leaves out townships already in the quarter', () => {
    expect(proposeRotation([c('a', 'T1', null), c('b', 'T2', null)], 3, new Set(['T1'])).map((p) => p.staffId)).toEqual(['b']);
  });
  it('knows quarter periods and the three-year window', () => {
    expect(quarterPeriod(2024, 1)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterPeriod(2026, 4)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(trainingWindow(2026)).toEqual({ from: '2024-01-01', to: '2026-12-31' });
  });
});

describe('environment and dashboard statuses', () => {
  it('grades equipment, expenses and cells', () => {
    expect(equipmentOk({ computers: 1, printers: 1, docSystemAccess: true })).toBe(true);
    expect(equipmentOk({ computers: 0, printers: 1, docSystemAccess: true })).toBe(false);
    expect(yearOnYear(12500, 11800)).toBeCloseTo(0.0593, 3);
    expect(yearOnYear(12500, null)).toBeNull();
    expect(leaderStatus(true, true)).toBe('ok');
    expect(leaderStatus(true, false)).toBe('warn');
    expect(leaderStatus(false, false)).toBe('gap');
    expect(coverageStatus(42, 42)).toBe('ok');
    expect(coverageStatus(0, 0)).toBe('gap');
    expect(shareStatus(null)).toBe('nodata');
    expect(shareStatus(0.93)).toBe('ok');
    expect(overdueStatus(0)).toBe('ok');
    expect(overdueStatus(5)).toBe('gap');
  });
});
