/**
 * 补发 and 催办 across the two sides (issue 12, Transmission): a township returns a delivery with a
 * reason, the county re-sends it (the return and its reason stay in the history), the township is
 * notified and finds it in its inbox again; a reminder reaches the township's inbox item and bell.
 * Refusals are catalogued 4xx in the caller's language and write nothing.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import type { LiveEvent } from '../../src/modules/documents/documents.events.ts';
import { runReminderSweep } from '../../src/modules/notifications/notifications.service.ts';
import { as, login, tableDigest, testApp, uniqueIp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
let countyOffice: string;
let town01: Client;
let town02: Client;

type Receipt = {
  id: string;
  recipientOrgId: string;
  status: string;
  returnReason: string | null;
  reminderCount: number;
  allowedActions: string[];
  returns: {
    returnedAt: string;
    returnedBy: string | null;
    reason: string;
    resentAt: string | null;
    resentBy: string | null;
    note: string | null;
  }[];
};
type InboxItem = { id: string; documentId: string; status: string; reminderCount: number; resentAt: string | null; sentAt: string };
type Note = { title: string; kind: string; stage: string; href: string; subject: string | null };

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  ({ townships, countyOffice } = await orgIds(a.clerk));
  town01 = await as(app, 'town01.clerk');
  town02 = await as(app, 'town02.clerk');
});

async function dispatched(title: string): Promise<string> {
  const id = await signedNotice(a, townships.slice(0, 3), { number: true, title });
  expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
  return id;
}
const receipts = async (id: string): Promise<Receipt[]> => (await a.clerk.get(`/api/documents/${id}/deliveries`)).json().items;
const receiptOf = async (id: string, org: string) => (await receipts(id)).find((r) => r.recipientOrgId === org)!;
const inboxItem = async (c: Client, documentId: string): Promise<InboxItem> =>
  ((await c.get('/api/inbox?pageSize=200')).json().items as InboxItem[]).find((i) => i.documentId === documentId)!;
const notes = async (c: Client, lang = 'zh-CN'): Promise<Note[]> =>
  (await c.get('/api/notifications', { 'accept-language': lang })).json().items;

/** Live events the hub pushes to an org's streams, as the SSE route would write them. */
async function listen(orgId: string): Promise<{ events: LiveEvent[]; stop: () => void }> {
  const events: LiveEvent[] = [];
  const stop = await app.eventHub.subscribe({ orgId, send: (e) => void events.push(e) });
  return { events, stop };
}

describe('补发: a returned delivery sent again', () => {
  let docId: string;
  let delivery: string;
  const title = '关于报送第三季度安全生产检查情况的通知';

  it('a township returns with a reason; the county sees it returned, with 补发 offered', async () => {
    docId = await dispatched(title);
    delivery = (await inboxItem(town01, docId)).id;
    expectStatus(await town01.post(`/api/deliveries/${delivery}/return`, { reason: '附件缺第二页，请补全后重发' }), 200);
    const r = await receiptOf(docId, townships[0]!);
    expect(r).toMatchObject({ status: 'returned', returnReason: '附件缺第二页，请补全后重发' });
    expect(r.allowedActions).toEqual(['resend']);
    expect(r.returns).toHaveLength(1);
    expect(r.returns[0]).toMatchObject({ reason: '附件缺第二页，请补全后重发', resentAt: null, resentBy: null });
    expect(r.returns[0]!.returnedBy).toBeTruthy();
    // A pending recipient is offered 催收 and 撤回, never 补发.
    expect((await receiptOf(docId, townships[1]!)).allowedActions).toEqual(['remind', 'withdraw']);
  });

  it('refuses what is not the sender’s 补发 of a returned delivery, in the caller’s language, writing nothing', async () => {
    const pending = (await receiptOf(docId, townships[1]!)).id;
    const before = await tableDigest(database);

    const zh = await a.clerk.post(`/api/deliveries/${pending}/resend`);
    expectStatus(zh, 409);
    expect(zh.json().error).toMatchObject({ code: 'DELIVERY_WRONG_STATE', message: '该份分发当前为“待签收”，不能补发。' });
    const en = await a.clerk.post(`/api/deliveries/${pending}/resend`, {}, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('This delivery is "Awaiting receipt"; it cannot be sent again.');
    const tw = await a.clerk.post(`/api/deliveries/${pending}/resend`, {}, { 'accept-language': 'zh-TW' });
    expect(tw.json().error.message).toBe('該份分發當前為“待簽收”，不能補發。');

    // The recipient itself: told that only the sender may (in each language).
    const own = await town01.post(`/api/deliveries/${delivery}/resend`);
    expectStatus(own, 403);
    expect(own.json().error).toMatchObject({ code: 'DELIVERY_SENDER_ONLY', message: '只有发文单位可以补发、催收或撤回这份分发。' });
    const ownEn = await town01.post(`/api/deliveries/${delivery}/resend`, {}, { 'accept-language': 'en' });
    expect(ownEn.json().error.message).toBe('Only the sending office can send again, remind or withdraw this delivery.');
    // Another township: the delivery does not exist for it.
    const other = await town02.post(`/api/deliveries/${delivery}/resend`);
    expectStatus(other, 404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    // A leader does not dispatch.
    expectStatus(await a.leader.post(`/api/deliveries/${delivery}/resend`), 403);
    // Bad bodies and ids.
    expectStatus(await a.clerk.post(`/api/deliveries/${delivery}/resend`, { note: 'x'.repeat(501) }), 400);
    expectStatus(await a.clerk.post(`/api/deliveries/${delivery}/resend`, { reason: '多余字段' }), 400);
    expectStatus(await a.clerk.post('/api/deliveries/not-a-uuid/resend'), 400);
    expectStatus(await a.clerk.post('/api/deliveries/00000000-0000-4000-8000-000000000000/resend'), 404);

    expect(await tableDigest(database)).toBe(before);
  });

  it('re-sends with no body at all: pending again, history kept, audited, the township notified and told live', async () => {
    const town = await listen(townships[0]!);
    const county = await listen(countyOffice);
    const session = await login(app, 'county.clerk');
    const res = await app.inject({
      method: 'POST',
      url: `/api/deliveries/${delivery}/resend`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      remoteAddress: uniqueIp(),
    });
    expectStatus(res, 200);
    expect(res.json()).toEqual({ id: delivery, status: 'pending' });

    // Over the event stream: the township's inbox and bell, the county's receipt table.
    await vi.waitFor(() => {
      expect(town.events.map((e) => e.type)).toEqual(expect.arrayContaining(['delivery.created', 'notification.created']));
      expect(county.events.some((e) => e.type === 'delivery.updated' && e.deliveryId === delivery)).toBe(true);
    });
    town.stop();
    county.stop();

    const r = await receiptOf(docId, townships[0]!);
    expect(r).toMatchObject({ status: 'pending', returnReason: null });
    expect(r.allowedActions).toEqual(['remind', 'withdraw']);
    expect(r.returns).toHaveLength(1);
    expect(r.returns[0]).toMatchObject({ reason: '附件缺第二页，请补全后重发', note: null });
    expect(r.returns[0]!.resentAt).toBeTruthy();
    expect(r.returns[0]!.resentBy).toBe(session.me.displayName);

    const audit = await database.pool.query("SELECT before, after FROM audit_log WHERE action = 'delivery.resend' AND entity_id = $1", [
      delivery,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].before).toMatchObject({ status: 'returned', returnReason: '附件缺第二页，请补全后重发' });

    // The township: in its inbox again (pending, marked re-sent), on its workbench, in its bell.
    const item = await inboxItem(town01, docId);
    expect(item).toMatchObject({ id: delivery, status: 'pending' });
    expect(item.resentAt).toBeTruthy();
    expect(Date.parse(item.sentAt)).toBe(Date.parse(item.resentAt!));
    const bell = (await notes(town01)).filter((n) => n.stage === 'resent');
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ title: `【补发】${title}`, href: '/documents/inbox', kind: 'delivery.acknowledge' });
    expect(bell[0]!.subject).toContain('县');
    expect((await notes(town01, 'en')).find((n) => n.stage === 'resent')!.title).toBe(`[Sent again] ${title}`);
    // Only the office's staff who sign for deliveries hear of it, not its leader.
    expect((await notes(await as(app, 'town01.leader'))).some((n) => n.stage === 'resent')).toBe(false);
  });

  it('a second round keeps both returns; the note is kept; the township then signs for it', async () => {
    expectStatus(await town01.post(`/api/deliveries/${delivery}/return`, { reason: '仍缺第二页' }), 200);
    const again = await a.clerk.post(`/api/deliveries/${delivery}/resend`, { note: '已补全第二页' });
    expectStatus(again, 200);
    const r = await receiptOf(docId, townships[0]!);
    expect(r.returns.map((x) => [x.reason, x.note])).toEqual([
      ['附件缺第二页，请补全后重发', null],
      ['仍缺第二页', '已补全第二页'],
    ]);
    expect(r.returns.every((x) => x.resentAt)).toBe(true);
    // Each 补发 is its own notification.
    const bell = (await notes(town01)).filter((n) => n.stage === 'resent');
    expect(bell).toHaveLength(2);
    expect(bell[0]!.subject).toContain('已补全第二页');
    // Re-sending twice in a row: the second finds it pending.
    expectStatus(await a.clerk.post(`/api/deliveries/${delivery}/resend`), 409);

    const ack = await town01.post(`/api/deliveries/${delivery}/acknowledge`);
    expectStatus(ack, 200);
    expect((await receiptOf(docId, townships[0]!)).status).toBe('acknowledged');
    expect((await receiptOf(docId, townships[0]!)).allowedActions).toEqual([]);
    expectStatus(await a.clerk.post(`/api/deliveries/${delivery}/resend`), 409);
  });

  it('does not re-send a delivery of a voided document', async () => {
    const id = await dispatched('关于调整防汛值班安排的通知');
    const d = (await inboxItem(town02, id)).id;
    expectStatus(await town02.post(`/api/deliveries/${d}/return`, { reason: '非本单位事项' }), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/void`, { reason: '内容有误，重新发文' }), 200);
    expect((await receiptOf(id, townships[1]!)).allowedActions).toEqual([]);
    const res = await a.clerk.post(`/api/deliveries/${d}/resend`);
    expectStatus(res, 409);
    expect(res.json().error).toMatchObject({ code: 'WRONG_STATE', message: '公文当前状态为“已作废”，不能补发。' });
    expect((await receiptOf(id, townships[1]!)).status).toBe('returned');
  });
});

describe('催办 reaches the township', () => {
  it('shows 已催 N 次 on the township’s inbox item and puts it in its bell, in its language', async () => {
    const title = '关于开展冬季消防安全大检查的通知';
    const id = await dispatched(title);
    const d = (await inboxItem(town02, id)).id;
    expect((await inboxItem(town02, id)).reminderCount).toBe(0);
    const town = await listen(townships[1]!);
    const res = await a.clerk.post(`/api/deliveries/${d}/remind`, { note: '请今日内签收' });
    expect(res.json().reminderCount).toBe(1);
    await vi.waitFor(() =>
      expect(town.events.map((e) => e.type)).toEqual(expect.arrayContaining(['delivery.reminder', 'notification.created'])),
    );
    town.stop();

    const item = await inboxItem(town02, id);
    expect(item.reminderCount).toBe(1);
    const bell = (await notes(town02)).filter((n) => n.stage === 'reminded');
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ title: `【催办】${title}`, href: '/documents/inbox' });
    expect(bell[0]!.subject).toContain('请今日内签收');
    expect((await notes(town02, 'zh-TW')).find((n) => n.stage === 'reminded')!.title).toMatch(/^【催辦】/);
    expect((await notes(town02, 'en')).find((n) => n.stage === 'reminded')!.title).toBe(`[Reminder] ${title}`);
    // The sender's table counts it too; within the hour it is not offered again.
    const r = await receiptOf(id, townships[1]!);
    expect(r.reminderCount).toBe(1);
    expect(r.allowedActions).toEqual(['withdraw']);
    // A remind with no body is accepted as well (refused here only for being within the hour).
    const s = await login(app, 'county.clerk');
    const bare = await app.inject({
      method: 'POST',
      url: `/api/deliveries/${d}/remind`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      remoteAddress: uniqueIp(),
    });
    expect(bare.json().error.code).toBe('REMIND_TOO_SOON');
  });
});

describe('reminders of a re-sent delivery', () => {
  it('each round is reminded on its own 24-hour deadline, once per round', async () => {
    const town03 = await as(app, 'town03.clerk');
    const id = await dispatched('关于报送冬季安全生产隐患排查情况的通知');
    const first = await inboxItem(town03, id);
    const overdue = async () =>
      (
        await database.pool.query(
          `SELECT n.due_at FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE u.username = 'town03.clerk' AND n.record_id = $1 AND n.stage = 'overdue' ORDER BY n.due_at`,
          [first.id],
        )
      ).rows.map((r: { due_at: Date }) => r.due_at.toISOString());
    const deadline = (sentAt: string) => Date.parse(sentAt) + 24 * 3600_000;
    // The first round goes unanswered past its 24 hours: one overdue reminder, however often the engine runs.
    const due1 = deadline(first.sentAt);
    await runReminderSweep(database.db, new Date(due1 + 3600_000));
    await runReminderSweep(database.db, new Date(due1 + 2 * 3600_000));
    expect(await overdue()).toEqual([new Date(due1).toISOString()]);

    // Returned and sent again: a new 24 hours, and when they pass, the township is reminded again.
    expectStatus(await town03.post(`/api/deliveries/${first.id}/return`, { reason: '文件不清晰' }), 200);
    expectStatus(await a.clerk.post(`/api/deliveries/${first.id}/resend`), 200);
    const due2 = deadline((await inboxItem(town03, id)).sentAt);
    expect(due2).toBeGreaterThan(due1);
    await runReminderSweep(database.db, new Date(due2 + 3600_000));
    await runReminderSweep(database.db, new Date(due2 + 2 * 3600_000));
    expect(await overdue()).toEqual([new Date(due1).toISOString(), new Date(due2).toISOString()]);
  });
});
