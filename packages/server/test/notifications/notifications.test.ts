/**
 * The notification centre and the reminder engine: news of a new delivery for the recipient
 * township only, reminders before/on/after a deadline and the escalation to the leader in charge,
 * exactly once even when several server processes sweep at the same moment; mark read (own only).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import { runReminderSweep } from '../../src/modules/notifications/notifications.service.ts';
import { as, login, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Client } from '../documents/fixtures.ts';

const { app, database } = await testApp();
const county = await countyActors(app);
const orgs = await orgIds(county.clerk);
const t06 = orgs.townships[5]!;
const town06 = await as(app, 'town06.clerk');
const town06Leader = await as(app, 'town06.leader');
const town07 = await as(app, 'town07.clerk');

type N = { id: string; title: string; href: string; createdAt: string; readAt: string | null; kind: string; stage: string };
async function bell(c: Client, headers?: Record<string, string>): Promise<{ unread: number; items: N[] }> {
  const r = await c.get('/api/notifications', headers);
  expectStatus(r, 200);
  return r.json();
}

describe('notifications', () => {
  it('a new delivery is news for the recipient township only, once; its same-day reminder does not ring twice', async () => {
    const id = await signedNotice(county, [t06], { number: true, title: '关于做好冬季森林防火工作的通知' });
    expectStatus(await county.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    const first = await bell(town06);
    const news = first.items.filter((n) => n.title.includes('关于做好冬季森林防火工作的通知'));
    expect(news.filter((n) => !n.readAt)).toEqual([
      expect.objectContaining({
        kind: 'delivery.acknowledge',
        stage: 'new',
        href: '/documents/inbox',
        title: '【新待办】关于做好冬季森林防火工作的通知',
      }),
    ]);
    // Asking again sends nothing new; another township never hears of it.
    const again = await bell(town06);
    expect(again.unread).toBe(first.unread);
    expect(again.items.filter((n) => n.title.includes('关于做好冬季森林防火工作的通知'))).toHaveLength(news.length);
    expect((await bell(town07)).items.some((n) => n.title.includes('关于做好冬季森林防火工作的通知'))).toBe(false);
    // In the reader's language, zh-TW derived from zh-CN.
    const en = (await bell(town06, { 'accept-language': 'en' })).items.find((n) => n.id === news.find((x) => x.stage === 'new')!.id)!;
    expect(en.title).toBe('[New] 关于做好冬季森林防火工作的通知');

    // Mark read: the unread count drops; another person's notification is not found, nothing changes.
    const target = news.find((n) => n.stage === 'new')!;
    const before = await tableDigest(database);
    expect((await town07.post(`/api/notifications/${target.id}/read`)).statusCode).toBe(404);
    expect((await town06Leader.post(`/api/notifications/${target.id}/read`)).statusCode).toBe(404);
    expect((await town06.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect(await tableDigest(database)).toBe(before);
    const read = await town06.post(`/api/notifications/${target.id}/read`);
    expectStatus(read, 200);
    expect(read.json().unread).toBe(first.unread - 1);
    const after = (await bell(town06)).items.find((n) => n.id === target.id)!;
    expect(after.readAt).not.toBeNull();
  });

  it('reminds before, on and after a deadline, escalates the overdue one to the leader in charge, exactly once across three processes', async () => {
    const q = (text: string, params: unknown[]) => database.pool.query(text, params);
    const meeting = (await q("SELECT id, recorder_user_id FROM meetings WHERE org_id = $1 AND status = 'confirmed' LIMIT 1", [t06]))
      .rows[0];
    const insert = async (idx: number, deadline: string, text: string) =>
      (
        await q(
          `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by)
           VALUES ($1, $2, $3, 0, $4, '张三', $5, $6) RETURNING id`,
          [t06, meeting.id, 90 + idx, text, deadline, meeting.recorder_user_id],
        )
      ).rows[0].id as string;
    // Swept "at" 10:00 China time on a fixed day: one follow-up 3 days ahead, one today, one past.
    const now = new Date(`${chinaToday()}T02:00:00Z`);
    const day = (n: number) => chinaToday(new Date(now.getTime() + n * 86_400_000));
    const soon = await insert(1, day(3), '三日后到期的督办');
    const today = await insert(2, day(0), '今日到期的督办');
    const late = await insert(3, day(-2), '已超期的督办');
    const far = await insert(4, day(20), '下月到期的督办');

    const clerkId = (await login(app, 'town06.clerk')).me.id as string;
    const leaderId = (await login(app, 'town06.leader')).me.id as string;
    const rows = async (recordIds: string[]) =>
      (
        await q(
          'SELECT user_id, record_id, stage, days_left FROM notifications WHERE record_id = ANY ($1::uuid[]) ORDER BY record_id, user_id, stage',
          [recordIds],
        )
      ).rows;

    // Three server processes sweep at the same moment: each event is written exactly once.
    const child = path.join(import.meta.dirname, 'sweep-child.ts');
    const runTs = path.join(import.meta.dirname, '../../bin/run-ts.mjs');
    const runs = await Promise.all(
      [0, 1, 2].map(() => promisify(execFile)(process.execPath, [runTs, child, database.url, now.toISOString()], { timeout: 120_000 })),
    );
    const counts = runs.map((r) => Number(r.stdout.trim()));
    expect(counts.filter((n) => n > 0)).toHaveLength(1);
    expect(await runReminderSweep(database.db, now)).toBe(0);

    const got = await rows([soon, today, late, far]);
    const of = (id: string, user: string) => got.filter((r) => r.record_id === id && r.user_id === user).map((r) => [r.stage, r.days_left]);
    expect(of(soon, clerkId)).toEqual([['before', 3]]);
    expect(of(today, clerkId)).toEqual([['due', 0]]);
    expect(of(late, clerkId)).toEqual([['overdue', null]]);
    expect(of(far, clerkId)).toEqual([]);
    // The leader in charge follows the office's follow-ups too, and hears of the overdue one as an escalation.
    expect(of(late, leaderId)).toEqual([
      ['escalated', null],
      ['overdue', null],
    ]);
    const count = got.length;

    // Two days later: the 3-day one is now at 1 day left; nothing else is sent again.
    const later = new Date(now.getTime() + 2 * 86_400_000);
    await runReminderSweep(database.db, later);
    const got2 = await rows([soon, today, late, far]);
    expect(got2.filter((r) => r.record_id === soon && r.user_id === clerkId).map((r) => r.days_left)).toEqual(
      expect.arrayContaining([3, 1]),
    );
    expect(got2.filter((r) => r.record_id === today && r.user_id === clerkId).map((r) => r.stage)).toEqual(['due', 'overdue']);
    expect(got2.filter((r) => r.record_id === late)).toHaveLength(got.filter((r) => r.record_id === late).length);
    expect(got2.length).toBeGreaterThan(count);
    // Nobody outside town06 was told.
    expect(
      (await q('SELECT DISTINCT org_id FROM notifications WHERE record_id = ANY ($1::uuid[])', [[soon, today, late, far]])).rows.map(
        (r) => r.org_id,
      ),
    ).toEqual([t06]);
  });

  it('migration 1150 gives the reminders sent before it the keys the engine now computes, so an upgrade rings nothing twice', async () => {
    const q = (text: string, params: unknown[] = []) => database.pool.query(text, params);
    const meeting = (await q("SELECT id, recorder_user_id FROM meetings WHERE org_id = $1 AND status = 'confirmed' LIMIT 1", [t06]))
      .rows[0];
    const id = (
      await q(
        `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by)
         VALUES ($1, $2, 99, 0, '升级前已提醒的督办', '李四', $3, $4) RETURNING id`,
        [t06, meeting.id, chinaToday(new Date(Date.now() - 3 * 86_400_000)), meeting.recorder_user_id],
      )
    ).rows[0].id as string;
    const now = new Date();
    await runReminderSweep(database.db, now);
    const keys = async () =>
      (await q('SELECT id, event_key FROM notifications WHERE record_id = $1 ORDER BY id', [id])).rows.map((r) => `${r.id} ${r.event_key}`);
    const current = await keys();
    expect(current.length).toBeGreaterThanOrEqual(2); // the clerk's overdue reminder and the leader's escalation
    expect(current.every((k) => /@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(k))).toBe(true);
    // As they were written before 1150: no deadline in the key. The migration restores exactly the engine's keys.
    await q("UPDATE notifications SET event_key = split_part(event_key, '@', 1) WHERE record_id = $1", [id]);
    const migration = fs.readFileSync(
      path.join(import.meta.dirname, '../../src/db/migrations/1150_notification_deadline_keys.sql'),
      'utf8',
    );
    await q(migration);
    expect(await keys()).toEqual(current);
    expect(await runReminderSweep(database.db, now)).toBe(0);
  });

  it('the 三员 have no notification centre; mark-all-read takes no body', async () => {
    for (const u of ['sysadmin', 'auditor']) expect((await (await as(app, u)).get('/api/notifications')).statusCode).toBe(403);
    const r = await app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: await (async () => {
        const s = await login(app, 'town07.clerk');
        return { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
      })(),
    });
    expectStatus(r, 200);
    expect(r.json()).toEqual({ unread: 0 });
    expect((await bell(town07)).unread).toBe(0);
    for (const bad of ['?limit=0', '?limit=abc', '?unread=maybe', '?x=1'])
      expect((await town07.get(`/api/notifications${bad}`)).statusCode).toBe(400);
  });
});
