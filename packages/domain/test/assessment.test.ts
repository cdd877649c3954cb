import { describe, expect, it } from 'vitest';
import {
  applyRule,
  assignGrades,
  canTransition,
  indicatorProblem,
  publishProblem,
  rankTotals,
  rollUp,
  scoreFits,
  scoreFullAtTarget,
  scoreLinear,
  scorePerEvent,
  topLevelWeightSum,
  type Indicator,
} from '../src/assessment.ts';

const ind = (code: string, weight: number, over: Partial<Indicator> = {}): Indicator => ({
  code,
  parentCode: null,
  name: code,
  weight,
  method: 'manual',
  metric: null,
  ...over,
});

describe('scoring rules', () => {
  it('full-at-target gives all points at or above the target and none below', () => {
    expect(scoreFullAtTarget(0.9, 0.9, 5)).toBe(5);
    expect(scoreFullAtTarget(0.95, 0.9, 5)).toBe(5);
    expect(scoreFullAtTarget(0.899, 0.9, 5)).toBe(0);
  });
  it('linear is 0 at the floor, full at the target, proportional between', () => {
    expect(scoreLinear(0.6, 0.6, 1, 10)).toBe(0);
    expect(scoreLinear(0.5, 0.6, 1, 10)).toBe(0);
    expect(scoreLinear(0.8, 0.6, 1, 10)).toBe(5);
    expect(scoreLinear(0.9, 0.6, 1, 10)).toBe(7.5);
    expect(scoreLinear(1, 0.6, 1, 10)).toBe(10);
    expect(scoreLinear(1.2, 0.6, 1, 10)).toBe(10);
  });
  it('per event counts up to the cap and never beyond the points', () => {
    expect(scorePerEvent(3, 0.5, 3, 3)).toBe(1.5);
    expect(scorePerEvent(10, 0.5, 3, 3)).toBe(3);
    expect(scorePerEvent(10, 1, 5, 4)).toBe(4);
    expect(scorePerEvent(-2, 1, 5, 5)).toBe(0);
  });
  it('a deduction is negative (−0.5 each, at most −3), a bonus positive (+1 each, at most +5)', () => {
    expect(applyRule({ kind: 'per_event', points: 0.5, cap: 3 }, 4, 3, 'deduction')).toBe(-2);
    expect(applyRule({ kind: 'per_event', points: 0.5, cap: 3 }, 9, 3, 'deduction')).toBe(-3);
    expect(applyRule({ kind: 'per_event', points: 1, cap: 5 }, 7, 5, 'bonus')).toBe(5);
    expect(applyRule({ kind: 'target', target: 0.9 }, 0.92, 8, 'measured')).toBe(8);
  });
});

describe('scheme validation', () => {
  it('finds a negative weight, an unknown parent, an unknown metric, a duplicate, a cycle', () => {
    expect(indicatorProblem([ind('A', -1)])).toEqual({ key: 'NEGATIVE_WEIGHT', code: 'A' });
    expect(indicatorProblem([ind('A', 1, { parentCode: 'X' })])).toEqual({ key: 'UNKNOWN_PARENT', code: 'A', parentCode: 'X' });
    expect(indicatorProblem([ind('A', 1, { method: 'measured', metric: 'nope' })])).toEqual({
      key: 'UNKNOWN_METRIC',
      code: 'A',
      metric: 'nope',
    });
    expect(indicatorProblem([ind('A', 1, { method: 'measured' })])).toEqual({ key: 'MEASURED_NEEDS_METRIC', code: 'A' });
    expect(indicatorProblem([ind('A', 1), ind('A', 2)])).toEqual({ key: 'DUPLICATE_CODE', code: 'A' });
    expect(indicatorProblem([ind('A', 1, { parentCode: 'B' }), ind('B', 1, { parentCode: 'A' })])?.key).toBe('PARENT_CYCLE');
    expect(indicatorProblem([ind('A', 1, { method: 'measured', metric: 'online_share' })])).toBeNull();
  });
  it('publishes only when the top-level weights, deductions and bonuses aside, are 100 and children add up', () => {
    const ok = [
      ind('A', 60),
      ind('B', 40),
      ind('B1', 25, { parentCode: 'B' }),
      ind('B2', 15, { parentCode: 'B' }),
      ind('D', 3, { method: 'deduction' }),
    ];
    expect(topLevelWeightSum(ok)).toBe(100);
    expect(publishProblem(ok)).toBeNull();
    expect(publishProblem([ind('A', 55), ind('B', 40)])).toEqual({ key: 'WEIGHTS_NOT_100', sum: 95 });
    expect(publishProblem([ind('A', 60), ind('B', 40), ind('B1', 30, { parentCode: 'B' })])).toEqual({
      key: 'CHILD_WEIGHTS',
      code: 'B',
      sum: 30,
      weight: 40,
    });
  });
  it('a score fits 0…points, a deduction −points…0', () => {
    expect(scoreFits(ind('A', 5), 5)).toBe(true);
    expect(scoreFits(ind('A', 5), 5.5)).toBe(false);
    expect(scoreFits(ind('A', 5), -1)).toBe(false);
    expect(scoreFits(ind('D', 3, { method: 'deduction' }), -3)).toBe(true);
    expect(scoreFits(ind('D', 3, { method: 'deduction' }), 1)).toBe(false);
  });
});

describe('totals, ranks, grades', () => {
  it('rolls leaves up to parents, adds bonuses and subtracts deductions, lists pending leaves', () => {
    const items = [
      ind('A', 60),
      ind('B', 40),
      ind('B1', 25, { parentCode: 'B' }),
      ind('B2', 15, { parentCode: 'B' }),
      ind('D', 3, { method: 'deduction' }),
      ind('P', 5, { method: 'bonus' }),
    ];
    const r = rollUp(
      items,
      new Map([
        ['A', 50],
        ['B1', 20],
        ['D', -1.5],
        ['P', 2],
      ]),
    );
    expect(r.scores.get('B')).toBe(20);
    expect(r.total).toBe(70.5);
    expect(r.pending).toEqual(['B2']);
  });
  it('ranks by competition (1, 2, 2, 4)', () => {
    const r = rankTotals([
      { id: 'a', total: 80 },
      { id: 'b', total: 90 },
      { id: 'c', total: 80 },
      { id: 'd', total: 70 },
    ]);
    expect([...['b', 'a', 'c', 'd'].map((k) => r.get(k))]).toEqual([1, 2, 2, 4]);
  });
  it('caps the share of 优秀: of 10 offices at most 3, the rest over 80 are 良好', () => {
    const totals = [98, 96, 95, 93, 91, 85, 79, 70, 65, 50];
    const rows = totals.map((t, i) => ({ id: `o${i}`, total: t, rank: i + 1 }));
    const g = assignGrades(rows, { excellentMin: 90, goodMin: 80, passMin: 60, excellentShare: 0.3 });
    expect(rows.map((r) => g.get(r.id))).toEqual(['优秀', '优秀', '优秀', '良好', '良好', '良好', '合格', '合格', '合格', '不合格']);
  });
  it('offices tied at the cap are all kept out rather than exceeding it', () => {
    const rows = [
      { id: 'a', total: 95, rank: 1 },
      { id: 'b', total: 92, rank: 2 },
      { id: 'c', total: 92, rank: 2 },
      { id: 'd', total: 50, rank: 4 },
    ];
    const g = assignGrades(rows, { excellentMin: 90, goodMin: 80, passMin: 60, excellentShare: 0.5 });
    expect(['a', 'b', 'c'].map((k) => g.get(k))).toEqual(['优秀', '良好', '良好']);
  });
  it('the status machine moves one step at a time', () => {
    expect(canTransition('draft', 'publish')).toBe(true);
    expect(canTransition('draft', 'openConsultation')).toBe(true);
    expect(canTransition('published', 'finalise')).toBe(false);
    expect(canTransition('notice', 'finalise')).toBe(true);
    expect(canTransition('final', 'openNotice')).toBe(false);
  });
});
