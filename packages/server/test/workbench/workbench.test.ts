/**
 * The workbench (GET /api/workbench): each provider's items for records built here, scoped to the
 * actor (nobody sees another township's items), gone once the action is taken; 已办; the batch
 * actions; bad payloads (4xx, no row changed).
 */
import { describe, expect, it } from 'vitest';
import { endOfChinaDay, todoGroup } from '@township-office/domain/workbench';
import { chinaToday } from '@township-office/domain/dates';
import { as, login, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Client } from '../documents/fixtures.ts';

const { app, database } = await testApp();
const county = await countyActors(app);
const orgs = await orgIds(county.clerk);
const t03 = orgs.townships[2]!;
const t04 = orgs.townships[3]!;
const town03 = await as(app, 'town03.clerk');
const town03Leader = await as(app, 'town03.leader');
const town04 = await as(app, 'town04.clerk');
const town03LeaderId = (await login(app, 'town03.leader')).me.id as string;
const town03ClerkId = (await login(app, 'town03.clerk')).me.id as string;

type Item = {
  kind: string;
  module: string;
  title: string;
  recordId: string;
  href: string;
  dueAt: string | null;
  overdue: boolean;
  group: string;
};

async function items(c: Client): Promise<Item[]> {
  const r = await c.get('/api/workbench');
  expectStatus(r, 200);
  return r.json().items;
}
const find = (list: Item[], kind: string, recordId: string) => list.find((i) => i.kind === kind && i.recordId === recordId);

describe('documents provider', () => {
  it('walks a notice through review, sign-off, numbering and dispatch: each step is on the desk of the one who takes it, then gone', async () => {
    const d = await county.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于开展秋季森林防火专项检查的通知',
      body: '各乡镇：请做好森林防火检查。',
      mainRecipientOrgIds: [t03, t04],
      copyRecipientOrgIds: [],
    });
    expectStatus(d, 201);
    const id = d.json().id as string;
    expectStatus(await county.clerk.post(`/api/documents/${id}/submit`), 200);
    // 核稿 is for the office's other clerks, never the drafter, and not for the leader (who signs).
    expect(find(await items(county.admin), 'document.review', id)).toMatchObject({
      module: 'documents',
      href: `/documents/outgoing/${id}`,
      dueAt: null,
    });
    expect(find(await items(county.clerk), 'document.review', id)).toBeUndefined();
    expect(find(await items(county.leader), 'document.review', id)).toBeUndefined();

    expectStatus(await county.admin.post(`/api/documents/${id}/review`, { decision: 'return', comment: '请补充检查时间' }), 200);
    expect(find(await items(county.admin), 'document.review', id)).toBeUndefined();
    expect(find(await items(county.clerk), 'document.returned', id)).toBeDefined();
    expectStatus(await county.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await county.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '' }), 200);

    expect(find(await items(county.leader), 'document.signOff', id)).toBeDefined();
    expectStatus(await county.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' }), 200);
    expect(find(await items(county.leader), 'document.signOff', id)).toBeUndefined();
    // 复核 before numbering: the office rechecks first, then the number is on the desk.
    expect(find(await items(county.clerk), 'document.recheck', id)).toBeDefined();
    expect(find(await items(county.clerk), 'document.number', id)).toBeUndefined();
    expectStatus(await county.clerk.post(`/api/documents/${id}/recheck`), 200);
    expect(find(await items(county.clerk), 'document.recheck', id)).toBeUndefined();
    expect(find(await items(county.clerk), 'document.number', id)).toBeDefined();
    expectStatus(await county.clerk.post(`/api/documents/${id}/number`), 200);
    expect(find(await items(county.clerk), 'document.dispatch', id)).toBeDefined();
    expectStatus(await county.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    expect((await items(county.clerk)).filter((i) => i.recordId === id)).toEqual([]);

    // Each recipient township's clerk has its own delivery to acknowledge, due 24 hours after dispatch.
    const mine = (await items(town03)).find((i) => i.kind === 'delivery.acknowledge' && i.title === '关于开展秋季森林防火专项检查的通知')!;
    const theirs = (await items(town04)).find(
      (i) => i.kind === 'delivery.acknowledge' && i.title === '关于开展秋季森林防火专项检查的通知',
    )!;
    expect(mine).toMatchObject({ module: 'documents', href: '/documents/inbox', overdue: false });
    expect(theirs.recordId).not.toBe(mine.recordId);
    const created = (await database.pool.query('SELECT created_at FROM deliveries WHERE id = $1', [mine.recordId])).rows[0]
      .created_at as Date;
    expect(Date.parse(mine.dueAt!) - created.getTime()).toBe(24 * 3600_000);
    // Nobody sees another township's items; a leader does not acknowledge.
    expect((await items(town03)).some((i) => i.recordId === theirs.recordId)).toBe(false);
    expect((await items(town03Leader)).some((i) => i.kind === 'delivery.acknowledge')).toBe(false);

    // Batch 签收: the own delivery goes through, town04's is refused as not found and stays pending.
    const before = await database.pool.query('SELECT status FROM deliveries WHERE id = $1', [theirs.recordId]);
    const batch = await town03.post('/api/workbench/acknowledge', { deliveryIds: [mine.recordId, theirs.recordId, mine.recordId] });
    expectStatus(batch, 200);
    expect(batch.json()).toMatchObject({
      kind: 'delivery.acknowledge',
      results: [
        { id: mine.recordId, ok: true, error: null },
        { id: theirs.recordId, ok: false, error: { code: 'NOT_FOUND' } },
      ],
    });
    expect((await database.pool.query('SELECT status FROM deliveries WHERE id = $1', [theirs.recordId])).rows).toEqual(before.rows);
    const after = await items(town03);
    expect(find(after, 'delivery.acknowledge', mine.recordId)).toBeUndefined();

    // The new incoming entry waits for screening (初审) by the clerk; 已办 names the delivery with its title.
    const entry = after.find((i) => i.kind === 'incoming.screen' && i.title === '关于开展秋季森林防火专项检查的通知')!;
    expect(entry.href).toBe(`/documents/incoming/${entry.recordId}`);
    const done = (await town03.get('/api/workbench/done')).json().items;
    expect(done[0]).toMatchObject({
      action: 'delivery.acknowledge',
      recordId: mine.recordId,
      title: '关于开展秋季森林防火专项检查的通知',
      href: entry.href,
    });
    // Acknowledging again is refused with the catalogued state error, not a 5xx.
    const again = (await town03.post('/api/workbench/acknowledge', { deliveryIds: [mine.recordId] })).json();
    expect(again.results[0].ok).toBe(false);
    expect(again.results[0].error.code).toMatch(/STATE/);
  });

  it('puts each step of the processing slip on the right desk: screen, propose, instruct (leader), handle (handler, with its deadline), read (circulation)', async () => {
    const id = await signedNotice(county, [t03], { number: true, title: '关于报送冬季安全生产检查情况的通知' });
    expectStatus(await county.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    const delivery = (await items(town03)).find(
      (i) => i.kind === 'delivery.acknowledge' && i.title === '关于报送冬季安全生产检查情况的通知',
    )!;
    const inc = (await town03.post(`/api/deliveries/${delivery.recordId}/acknowledge`)).json().incomingId as string;
    expect(find(await items(town03), 'incoming.screen', inc)).toBeDefined();
    expectStatus(await town03.post(`/api/incoming/${inc}/screen`, { decision: 'act' }), 200);
    expect(find(await items(town03), 'incoming.propose', inc)).toBeDefined();
    expectStatus(await town03.post(`/api/incoming/${inc}/propose`, { proposal: '请分管领导阅示' }), 200);
    expect(find(await items(town03), 'incoming.propose', inc)).toBeUndefined();
    expect(find(await items(town03Leader), 'incoming.instruct', inc)).toMatchObject({ href: `/documents/incoming/${inc}` });
    expect((await items(await as(app, 'town04.leader'))).some((i) => i.recordId === inc)).toBe(false);
    const deadline = chinaToday(new Date(Date.now() + 2 * 86_400_000));
    expectStatus(
      await town03Leader.post(`/api/incoming/${inc}/instruct`, { instruction: '请办公室牵头落实', handlerIds: [town03ClerkId], deadline }),
      200,
    );
    expect(find(await items(town03Leader), 'incoming.instruct', inc)).toBeUndefined();
    const handle = find(await items(town03), 'incoming.handle', inc)!;
    expect(handle.dueAt).toBe(endOfChinaDay(deadline));
    expect(handle.group).toBe(todoGroup(handle.dueAt, new Date()));
    expectStatus(await town03.post(`/api/incoming/${inc}/close`, { result: '已按要求报送' }), 200);
    expect((await items(town03)).some((i) => i.recordId === inc)).toBe(false);

    // 传阅: the reader has a read item, cleared by the batch 阅知.
    const paper = await town03.post('/api/incoming', { senderName: '县应急管理局', title: '应急值守工作提示', receivedDate: chinaToday() });
    expectStatus(paper, 201);
    const pid = paper.json().id as string;
    expectStatus(await town03.post(`/api/incoming/${pid}/screen`, { decision: 'read' }), 200);
    expectStatus(await town03.post(`/api/incoming/${pid}/circulate`, { userIds: [town03LeaderId] }), 200);
    expect(find(await items(town03Leader), 'incoming.read', pid)).toBeDefined();
    expect(find(await items(town03), 'incoming.read', pid)).toBeUndefined();
    const read = await town03Leader.post('/api/workbench/read', { incomingIds: [pid] });
    expect(read.json().results).toEqual([{ id: pid, ok: true, error: null }]);
    expect(find(await items(town03Leader), 'incoming.read', pid)).toBeUndefined();
  });
});

describe('the other modules’ providers', () => {
  const today = chinaToday();
  const day = (n: number) => chinaToday(new Date(Date.now() + n * 86_400_000));

  it('follow-ups due within a week or overdue, petitions near a deadline, loans overdue, handovers to confirm: own org only', async () => {
    const q = (text: string, params: unknown[]) => database.pool.query(text, params);
    const meeting = (await q("SELECT id, recorder_user_id FROM meetings WHERE org_id = $1 AND status = 'confirmed' LIMIT 1", [t03]))
      .rows[0];
    const fu = (
      await q(
        `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by)
         VALUES ($1, $2, 77, 0, '测试督办事项', '李四', $3, $4) RETURNING id`,
        [t03, meeting.id, day(-1), meeting.recorder_user_id],
      )
    ).rows[0].id;
    const farFu = (
      await q(
        `INSERT INTO follow_ups (org_id, meeting_id, item_index, decision_index, decision_text, owner_name, deadline, created_by)
         VALUES ($1, $2, 78, 0, '下月督办事项', '李四', $3, $4) RETURNING id`,
        [t03, meeting.id, day(30), meeting.recorder_user_id],
      )
    ).rows[0].id;
    const pet = await town03.post('/api/petitions', {
      receivedOn: day(-14),
      channel: 'letter',
      petitioners: [{ name: '赵六', phone: '13800001111' }],
      subject: '测试信访事项',
      content: '反映问题',
      category: 'other',
      handlerUserIds: [town03ClerkId],
    });
    expectStatus(pet, 201);
    const petitionId = pet.json().id as string;
    const item = (await q('SELECT id, title FROM archive_items WHERE org_id = $1 LIMIT 1', [t03])).rows[0];
    expect(item, 'the demo archive of town03 has items').toBeDefined();
    const loan = (
      await q(
        `INSERT INTO archive_loans (org_id, item_id, borrower, purpose, due_on, lent_by) VALUES ($1, $2, '王五', '查阅', $3, $4) RETURNING id`,
        [t03, item.id, day(-2), town03ClerkId],
      )
    ).rows[0].id as string;
    const ho = await town03.post('/api/duty/handovers', {
      day: today,
      outgoingUserId: town03LeaderId,
      incomingUserId: town03ClerkId,
      outstanding: '',
    });
    expectStatus(ho, 201);
    const handoverId = ho.json().id as string;

    const mine = await items(town03);
    expect(find(mine, 'followUp.due', fu)).toMatchObject({
      module: 'meetings',
      overdue: true,
      group: 'overdue',
      href: '/meetings/follow-ups',
    });
    expect(find(mine, 'followUp.due', farFu)).toBeUndefined();
    const p = find(mine, 'petition.deadline', petitionId)!;
    expect(p).toMatchObject({ module: 'reception', title: '测试信访事项', href: `/reception/petitions/${petitionId}` });
    // Never a petitioner's name or phone on the workbench.
    expect(JSON.stringify(p)).not.toMatch(/赵六|13800001111/);
    expect(find(mine, 'loan.overdue', loan)).toMatchObject({ module: 'archives', overdue: true, href: '/archives/lending' });
    expect(find(mine, 'duty.handover', handoverId)).toMatchObject({ module: 'duty', href: '/duty/handover' });
    expect(find(await items(town03Leader), 'duty.handover', handoverId)).toBeDefined();

    const other = await items(town04);
    for (const id of [fu, petitionId, loan, handoverId]) expect(other.some((i) => i.recordId === id)).toBe(false);
    expect((await items(county.clerk)).some((i) => [fu, petitionId, loan, handoverId].includes(i.recordId))).toBe(false);

    // Confirming the handover takes it off the clerk's desk (the leader's side is still open).
    expectStatus(await town03.post(`/api/duty/handovers/${handoverId}/confirm`), 200);
    expect(find(await items(town03), 'duty.handover', handoverId)).toBeUndefined();
    expect(find(await items(town03Leader), 'duty.handover', handoverId)).toBeDefined();
  });

  it('staff filings and info items wait for the county office, county-wide; the township does not see them', async () => {
    const staff = (await database.pool.query("SELECT id FROM staff WHERE org_id = $1 AND status = 'active' LIMIT 1", [t03])).rows[0];
    const filing = await town03.post('/api/personnel/filings', {
      kind: 'particulars',
      changeDate: today,
      staffId: staff.id,
      particulars: { major: '汉语言文学' },
    });
    expectStatus(filing, 201);
    const filingId = filing.json().id as string;
    expect(find(await items(county.clerk), 'filing.acknowledge', filingId)).toMatchObject({
      module: 'personnel',
      href: '/supervision/team',
    });
    expect((await items(town03)).some((i) => i.recordId === filingId)).toBe(false);
    expectStatus(
      await county.clerk.post(`/api/personnel/filings/${filingId}/decision`, { decision: 'return', reason: '请补充毕业证书' }),
      200,
    );
    expect(find(await items(county.clerk), 'filing.acknowledge', filingId)).toBeUndefined();
    expect(find(await items(town03), 'filing.returned', filingId)).toMatchObject({ href: '/supervision/my-office' });
    expect((await items(town04)).some((i) => i.recordId === filingId)).toBe(false);

    const info = await town03Leader.post('/api/info/items', {
      title: '我镇扎实推进冬季森林防火',
      content: '今年入冬以来，我镇全面开展森林防火隐患排查。',
      kind: 'news',
    });
    expectStatus(info, 201);
    const infoId = info.json().id as string;
    expect(find(await items(county.admin), 'info.review', infoId)).toMatchObject({
      module: 'information',
      href: '/information/submissions',
    });
    expect((await items(town03Leader)).some((i) => i.recordId === infoId)).toBe(false);
  });
});

describe('who has a workbench, and bad input', () => {
  it('the 三员 have none (403)', async () => {
    for (const u of ['sysadmin', 'secadmin', 'auditor']) {
      const c = await as(app, u);
      expect((await c.get('/api/workbench')).statusCode).toBe(403);
      expect((await c.get('/api/workbench/done')).statusCode).toBe(403);
      expect((await c.post('/api/workbench/read', { incomingIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(403);
    }
    // A leader does not acknowledge deliveries: the role gate.
    expect(
      (await town03Leader.post('/api/workbench/acknowledge', { deliveryIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode,
    ).toBe(403);
  });

  it('refuses bad batch payloads with a 4xx and changes nothing', async () => {
    const before = await tableDigest(database);
    const bad: unknown[] = [
      undefined,
      {},
      { deliveryIds: [] },
      { deliveryIds: ['not-a-uuid'] },
      { deliveryIds: Array.from({ length: 101 }, () => '00000000-0000-4000-8000-000000000000') },
      { deliveryIds: ['00000000-0000-4000-8000-000000000000'], extra: 1 },
      { deliveryIds: 'x\u0000' },
      { deliveryIds: [null] },
      [1, 2],
    ];
    for (const payload of bad) {
      const r = await town03.post('/api/workbench/acknowledge', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      const s = await town03.post(
        '/api/workbench/read',
        payload === undefined ? undefined : JSON.parse(JSON.stringify(payload).replace('deliveryIds', 'incomingIds')),
      );
      expect(s.statusCode).toBeGreaterThanOrEqual(400);
      expect(s.statusCode).toBeLessThan(500);
    }
    // Unknown ids are reported one by one, nothing written.
    const unknown = await town03.post('/api/workbench/read', { incomingIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.json().results[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await tableDigest(database)).toBe(before);
  });
});
