import { describe, expect, it } from 'vitest';
import { endOfChinaDay, todoGroup } from '../src/workbench.ts';

describe('workbench groups', () => {
  // Wednesday 2026-12-02, 10:00 in China (02:00 UTC).
  const now = new Date('2026-12-02T02:00:00Z');

  it('a day deadline ends at 23:59:59.999 China time', () => {
    expect(endOfChinaDay('2026-12-02')).toBe('2026-12-02T15:59:59.999Z');
  });

  it('past → overdue, ends today → today, by Sunday → week, after Sunday or none → later', () => {
    expect(todoGroup('2026-12-02T01:59:59Z', now)).toBe('overdue');
    expect(todoGroup(endOfChinaDay('2026-12-01'), now)).toBe('overdue');
    expect(todoGroup('2026-12-02T02:00:01Z', now)).toBe('today');
    expect(todoGroup(endOfChinaDay('2026-12-02'), now)).toBe('today');
    expect(todoGroup(endOfChinaDay('2026-12-03'), now)).toBe('week');
    expect(todoGroup(endOfChinaDay('2026-12-06'), now)).toBe('week');
    expect(todoGroup(endOfChinaDay('2026-12-07'), now)).toBe('later');
    expect(todoGroup(null, now)).toBe('later');
  });

  it('on a Sunday the week ends that night', () => {
    const sunday = new Date('2026-12-06T02:00:00Z');
    expect(todoGroup(endOfChinaDay('2026-12-06'), sunday)).toBe('today');
    expect(todoGroup(endOfChinaDay('2026-12-07'), sunday)).toBe('later');
  });
});
