/**
 * The reminder engine reminds every deadline, not only the workbench's first `TODO_LIMIT` of each
 * kind: an office with more open follow-ups due than the page shows still hears of each one, once.
 */
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import { runReminderSweep } from '../../src/modules/notifications/notifications.service.ts';
import { TODO_LIMIT } from '../../src/platform/todos.ts';
import { testApp } from '../helpers.ts';

const { database } = await testApp();
const q = (text: string, params: unknown[] = []) => database.pool.query(text, params);

describe('reminders beyond the workbench cap', () => {
  it('an office with TODO_LIMIT + 50 follow-ups due today gets a due reminder for each of them, once', async () => {
    const org = (await q(`SELECT id FROM orgs WHERE code = 'T08'`)).rows[0].id as string;
    const clerk = (await q(`SELECT id FROM users WHERE username = 'town08.clerk'`)).rows[0].id as string;
    const meeting = (
      await q(
        `INSERT INTO meetings (org_id, kind, title, starts_at, place, host_user_id, host_name, recorder_user_id, recorder_name, created_by)
         VALUES ($1, 'executive', '督办较多的办公会', now() - interval '30 days', '会议室', $2, '主持人', $2, '记录人', $2) RETURNING id`,
        [org, clerk],
      )
    ).rows[0].id as string;
    const now = new Date(`${chinaToday()}T02:00:00Z`);
    const n = TODO_LIMIT + 50;
    const ids = (
      await q(
        `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by)
         SELECT $1, $2, g, 0, '今日到期的督办 ' || g, '张三', $3::date, $4 FROM generate_series(1, $5::int) g RETURNING id`,
        [org, meeting, chinaToday(now), clerk, n],
      )
    ).rows.map((r) => r.id as string);

    await runReminderSweep(database.db, now);
    const reminded = async () =>
      (
        await q(
          `SELECT count(DISTINCT record_id)::int AS records, count(*)::int AS rows FROM notifications
           WHERE user_id = $1 AND stage = 'due' AND record_id = ANY ($2::uuid[])`,
          [clerk, ids],
        )
      ).rows[0];
    expect(await reminded()).toEqual({ records: n, rows: n });
    expect(await runReminderSweep(database.db, now)).toBe(0);
    expect(await reminded()).toEqual({ records: n, rows: n });
  });
});
