import { describe, expect, it } from 'vitest';
import { daysLeft, notificationText, reminderStage } from '../src/notifications.ts';
import { endOfChinaDay } from '../src/workbench.ts';

describe('reminder stages', () => {
  const now = new Date('2026-12-02T02:00:00Z'); // 10:00 in China
  const due = (day: string) => new Date(endOfChinaDay(day));

  it('counts China calendar days', () => {
    expect(daysLeft(due('2026-12-05'), now)).toBe(3);
    expect(daysLeft(due('2026-12-02'), now)).toBe(0);
    // 23:30 UTC on 1 December is already 2 December in China.
    expect(daysLeft(due('2026-12-03'), new Date('2026-12-01T23:30:00Z'))).toBe(1);
  });

  it('before on 3 and 1 days left (the tightest that holds), due on the day, overdue once past, nothing further ahead', () => {
    expect(reminderStage(due('2026-12-06'), now)).toBeNull();
    expect(reminderStage(due('2026-12-05'), now)).toEqual({ stage: 'before', days: 3 });
    expect(reminderStage(due('2026-12-04'), now)).toEqual({ stage: 'before', days: 3 });
    expect(reminderStage(due('2026-12-03'), now)).toEqual({ stage: 'before', days: 1 });
    expect(reminderStage(due('2026-12-02'), now)).toEqual({ stage: 'due', days: 0 });
    expect(reminderStage(due('2026-12-01'), now)).toEqual({ stage: 'overdue', days: null });
    // A deadline with a time (24 hours after a dispatch) is overdue the moment it passes.
    expect(reminderStage(new Date('2026-12-02T01:59:00Z'), now)).toEqual({ stage: 'overdue', days: null });
    expect(reminderStage(due('2026-12-09'), now, [7])).toEqual({ stage: 'before', days: 7 });
  });

  it('writes the headline in Chinese and English', () => {
    expect(notificationText({ stage: 'before', daysLeft: 3, title: '关于X的通知' }, 'zh')).toBe('【即将到期】关于X的通知（还有 3 天）');
    expect(notificationText({ stage: 'before', daysLeft: 1, title: 'X' }, 'en')).toBe('[Due soon] X (1 day left)');
    expect(notificationText({ stage: 'escalated', daysLeft: null, title: 'X' }, 'zh')).toBe('【超期提醒】X');
  });
});
