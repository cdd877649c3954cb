/**
 * The set-based, incremental sweep (notifications.sweep.ts) sends exactly what the per-user
 * providers say is due: on the demo county, at several instants (before, on and after deadlines),
 * the events stored equal those worked out person by person from `everyTodo` and `reminderStage`
 * (the rule the engine had in JavaScript); a second sweep at the same instant writes nothing; a
 * record created after its reminder point passed is still reminded; two processes at once write
 * each event once; a person with more than DIGEST_ABOVE events gets one digest, and the bell's
 * catch-up does not send its events again.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import { DIGEST_ABOVE, NEWS_KINDS, reminderStage } from '@township-office/domain/notifications';
import { actingForOn } from '../../src/modules/accounts/delegations.service.ts';
import { runReminderSweep } from '../../src/modules/notifications/notifications.service.ts';
import { notificationsRepository } from '../../src/modules/notifications/notifications.repository.ts';
import { everyTodo } from '../../src/modules/workbench/workbench.service.ts';
import { systemContext } from '../../src/platform/context.ts';
import { as, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice } from '../documents/fixtures.ts';

const { app, database } = await testApp();
const q = (text: string, params: unknown[] = []) => database.pool.query(text, params);
const DAY = 86_400_000;
const ENGINE_STAGES = ['new', 'before', 'due', 'overdue', 'escalated'];

/** Every (person, event key) the engine has sent: its own rows and the events digests stand for. */
async function stored(): Promise<string[]> {
  const r = await q(
    `SELECT user_id || ' ' || event_key AS k FROM notifications WHERE stage = ANY ($1::text[])
     UNION ALL SELECT user_id || ' ' || event_key FROM notification_digest_events`,
    [ENGINE_STAGES],
  );
  return r.rows.map((x) => x.k as string);
}

/** The events due at `now`, person by person, as the engine worked them out in JavaScript before it was set-based. */
async function perUser(now: Date): Promise<Set<string>> {
  return database.db.transaction(async (tx) => {
    const acting = await actingForOn(tx, chinaToday(now));
    const actors = (await notificationsRepository.businessActors(tx)).map((a) =>
      acting.has(a.userId) ? { ...a, actingFor: acting.get(a.userId) } : a,
    );
    const out = new Set<string>();
    const overdue = new Map<string, { orgId: string; key: string }>();
    for (const actor of actors) {
      for (const i of await everyTodo(tx, systemContext(actor, 'test'), now)) {
        if (NEWS_KINDS.includes(i.kind)) out.add(`${actor.userId} new:${i.kind}:${i.recordId}`);
        if (!i.dueAt) continue;
        const r = reminderStage(new Date(i.dueAt), now);
        if (!r) continue;
        const at = `${i.kind}:${i.recordId}@${new Date(i.dueAt).toISOString()}`;
        out.add(`${actor.userId} ${r.stage === 'before' ? `before${r.days}` : r.stage}:${at}`);
        if (r.stage === 'overdue' && actor.role !== 'leader_in_charge')
          overdue.set(`${actor.orgId} ${at}`, { orgId: actor.orgId, key: at });
      }
    }
    for (const { orgId, key } of overdue.values())
      for (const l of actors.filter((a) => a.orgId === orgId && a.role === 'leader_in_charge')) out.add(`${l.userId} escalated:${key}`);
    return out;
  });
}

const org = async (code: string) => (await q(`SELECT id FROM orgs WHERE code = $1`, [code])).rows[0].id as string;
const userId = async (username: string) => (await q(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id as string;
async function meetingOf(orgId: string, by: string): Promise<string> {
  return (
    await q(
      `INSERT INTO meetings (org_id, kind, title, starts_at, place, host_user_id, host_name, recorder_user_id, recorder_name, created_by)
       VALUES ($1, 'executive', '督办测试会', now() - interval '30 days', '会议室', $2, '主持人', $2, '记录人', $2) RETURNING id`,
      [orgId, by],
    )
  ).rows[0].id as string;
}
async function followUps(orgId: string, meeting: string, by: string, days: string[], createdAt?: Date): Promise<string[]> {
  const r = await q(
    `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by, created_at)
     SELECT $1, $2, 1000 + g.i, 0, '集中督办 ' || g.d, '王五', g.d::date, $3, COALESCE($5::timestamptz, now())
     FROM unnest($4::text[]) WITH ORDINALITY AS g(d, i) RETURNING id`,
    [orgId, meeting, by, days, createdAt?.toISOString() ?? null],
  );
  return r.rows.map((x) => x.id as string);
}

const day0 = chinaToday();
const t0 = new Date(`${day0}T02:00:00Z`); // 10:00 China time
const dayOf = (ms: number) => chinaToday(new Date(ms));

describe('the set-based reminder sweep', () => {
  it('sends exactly what the per-user providers say is due, at instants before, on and after deadlines; once', async () => {
    await q('DELETE FROM reminder_sweeps'); // a new database: the first sweep reads every deadline
    const t03 = await org('T03');
    const clerk = await userId('town03.clerk');
    const meeting = await meetingOf(t03, clerk);
    // Deadlines from 3 days late to 8 days ahead of day 0: each instant below finds some entering a window.
    await followUps(
      t03,
      meeting,
      clerk,
      Array.from({ length: 12 }, (_, k) => dayOf(t0.getTime() + (k - 3) * DAY)),
    );
    const baseline = new Set(await stored());
    const sent = new Set<string>();
    const instants = [t0, new Date(t0.getTime() + DAY), new Date(t0.getTime() + 2 * DAY + 8 * 3600_000), new Date(t0.getTime() + 5 * DAY)];
    for (const [n, now] of instants.entries()) {
      if (n === 2) {
        // Created after its reminder points passed (overdue already): no window holds it, its creation does.
        await followUps(t03, await meetingOf(t03, clerk), clerk, [dayOf(now.getTime() - 4 * DAY)], new Date(now.getTime() - 3600_000));
      }
      const count = await runReminderSweep(database.db, now);
      const expected = await perUser(now);
      for (const k of expected) if (!baseline.has(k)) sent.add(k);
      const got = (await stored()).filter((k) => !baseline.has(k));
      expect(new Set(got).size).toBe(got.length); // nothing twice, across both tables
      expect(got.sort()).toEqual([...sent].sort());
      expect(count).toBeGreaterThan(0);
      // A second sweep at the same instant finds nothing new.
      expect(await runReminderSweep(database.db, now)).toBe(0);
    }
    // Each stage happened: before (3 and 1 days), due, overdue, escalated, and news.
    const stages = new Set([...sent].map((k) => k.split(' ')[1]!.split(':')[0]));
    expect([...stages].sort()).toEqual(expect.arrayContaining(['before1', 'before3', 'due', 'escalated', 'new', 'overdue']));
    expect((await q('SELECT swept_at FROM reminder_sweeps')).rows[0].swept_at).toEqual(instants.at(-1));

    // Two server processes sweep at the same new instant: one writes every new event, the other finds them written.
    const t4 = new Date(t0.getTime() + 6 * DAY);
    const child = path.join(import.meta.dirname, 'sweep-child.ts');
    const runTs = path.join(import.meta.dirname, '../../bin/run-ts.mjs');
    const runs = await Promise.all(
      [0, 1].map(() => promisify(execFile)(process.execPath, [runTs, child, database.url, t4.toISOString()], { timeout: 120_000 })),
    );
    const counts = runs.map((r) => Number(r.stdout.trim())).sort((a, b) => a - b);
    const expected = [...(await perUser(t4))].filter((k) => !baseline.has(k) && !sent.has(k));
    expect(expected.length).toBeGreaterThan(0);
    expect(counts).toEqual([0, expected.length]);
    const got = (await stored()).filter((k) => !baseline.has(k) && !sent.has(k));
    expect(got.sort()).toEqual(expected.sort());
  });

  it('in the steady state, news comes from the records written since the last sweep (the audit trail), once', async () => {
    const county = await countyActors(app);
    const t05 = (await orgIds(county.clerk)).townships[4]!;
    // The last sweep a minute ago, at the real clock: the next one is incremental.
    const now = new Date();
    await q(`UPDATE reminder_sweeps SET swept_at = $1, audit_at = now() - interval '1 minute'`, [new Date(now.getTime() - 60_000)]);
    const id = await signedNotice(county, [t05], { number: true, title: '关于做好冬季供暖保障工作的通知' });
    expectStatus(await county.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    const delivery = (await q(`SELECT id FROM deliveries WHERE document_id = $1 AND org_id = $2`, [id, t05])).rows[0].id as string;
    const later = new Date(Date.now() + 1000);
    expect(await runReminderSweep(database.db, later)).toBeGreaterThan(0);
    const news = (
      await q(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.event_key = $1 ORDER BY 1`, [
        `new:delivery.acknowledge:${delivery}`,
      ])
    ).rows.map((r) => r.username as string);
    // As the per-user providers say: the township's people who may receive documents.
    const expected = [...(await perUser(later))].filter((k) => k.endsWith(` new:delivery.acknowledge:${delivery}`)).length;
    expect(news.length).toBe(expected);
    expect(news).toContain('town05.clerk');
    expect(await runReminderSweep(database.db, new Date(later.getTime() + 1000))).toBe(0);
  });

  it(`more than ${DIGEST_ABOVE} events for one person make one digest; the bell's catch-up does not send them again`, async () => {
    const t09 = await org('T09');
    const clerk = await userId('town09.clerk');
    const meeting = await meetingOf(t09, clerk);
    const now = new Date();
    const ids = await followUps(t09, meeting, clerk, Array(DIGEST_ABOVE + 20).fill(chinaToday(now)));
    const before = (await q(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [clerk])).rows[0].n as number;
    await runReminderSweep(database.db, now);
    const digests = (
      await q(`SELECT item_count, digest, todo_kind, href FROM notifications WHERE user_id = $1 AND stage = 'digest'`, [clerk])
    ).rows;
    expect(digests).toHaveLength(1);
    expect(digests[0].item_count).toBeGreaterThanOrEqual(ids.length);
    expect(digests[0].digest.due).toBeGreaterThanOrEqual(ids.length);
    expect(digests[0].todo_kind).toBe('followUp.due');
    // Every due reminder of the new follow-ups is kept as a key of the digest, none as a row of its own.
    const keys = (
      await q(
        `SELECT count(*)::int AS n FROM notification_digest_events WHERE user_id = $1 AND event_key LIKE 'due:followUp.due:%'
           AND split_part(split_part(event_key, ':', 3), '@', 1)::uuid = ANY ($2::uuid[])`,
        [clerk, ids],
      )
    ).rows[0].n;
    expect(keys).toBe(ids.length);
    expect((await q(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [clerk])).rows[0].n).toBe(before + 1);

    // The bell: one line for the digest, in each language; its catch-up finds the events sent.
    const bell = async (lang?: string) => {
      const r = await (await as(app, 'town09.clerk')).get('/api/notifications', lang ? { 'accept-language': lang } : undefined);
      expect(r.statusCode).toBe(200);
      return r.json() as { unread: number; items: { title: string; href: string }[] };
    };
    const zh = await bell();
    const line = zh.items.find((n) => n.title.startsWith('【待办汇总】'))!;
    expect(line.title).toMatch(new RegExp(`^【待办汇总】[\\d,]+ 项待办提醒：.*今日到期 [\\d,]+ 项.*，请到工作台查看$`));
    expect(line.href).toBe('/');
    expect((await bell('en')).items.some((n) => /^\[Digest\] [\d,]+ reminders: .*due today.*; see the workbench$/.test(n.title))).toBe(
      true,
    );
    expect((await bell('zh-TW')).items.some((n) => n.title.startsWith('【待辦彙總】'))).toBe(true);
    expect((await q(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [clerk])).rows[0].n).toBe(before + 1);
    expect(await runReminderSweep(database.db, now)).toBe(0);
  });
});
