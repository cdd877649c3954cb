/**
 * 委托 (issue 11): a leader names a colleague for a period; during it the colleague sees and takes
 * the leader's 批示 and 签发, recorded as on the leader's behalf (slip, audit row, API); outside the
 * period or after a revoke the colleague is refused; another township neither sees nor acts; bad
 * delegations are clear 4xx with nothing written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import { addDays, delegationCreateSchema } from '@township-office/domain/delegations';
import { runReminderSweep } from '../../src/modules/notifications/notifications.service.ts';
import { as, tableCounts, tableDigest, testApp } from '../helpers.ts';
import { readPdf } from '../print/pdf-reader.ts';

const { app, database } = await testApp();
const today = chinaToday();

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await database.pool.query(text, params)).rows as T[];
const userId = async (username: string) => (await q<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0]!.id;
const nameOf = async (username: string) =>
  (await q<{ display_name: string }>('SELECT display_name FROM users WHERE username = $1', [username]))[0]!.display_name;

const leader = await as(app, 'town01.leader');
const clerk = await as(app, 'town01.clerk');
const head = await as(app, 'town01.head');
const other = await as(app, 'town02.clerk');
const otherLeader = await as(app, 'town02.leader');
const ids = {
  leader: await userId('town01.leader'),
  clerk: await userId('town01.clerk'),
  head: await userId('town01.head'),
  other: await userId('town02.clerk'),
  sysadmin: await userId('sysadmin'),
};
const names = { leader: await nameOf('town01.leader'), clerk: await nameOf('town01.clerk') };
const week = { startsOn: today, endsOn: addDays(today, 6), reason: '外出学习' };

/** A paper entry of town01 taken to 拟办: it waits for a leader's 批示. */
async function proposedEntry(title: string): Promise<string> {
  const r = await clerk.post('/api/incoming', { senderName: '县财政局', title, receivedDate: today });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  expect((await clerk.post(`/api/incoming/${id}/screen`, { decision: 'act' })).statusCode).toBe(200);
  expect((await clerk.post(`/api/incoming/${id}/propose`, { proposal: '请领导批示' })).statusCode).toBe(200);
  return id;
}

/** A town01 draft approved in review: it waits for a leader's 签发. */
async function reviewedDraft(title: string): Promise<string> {
  const town02 = (await q<{ id: string }>("SELECT id FROM orgs WHERE code = 'T02'"))[0]!.id;
  const d = await clerk.post('/api/documents', {
    docType: '函',
    title,
    body: '请予支持。',
    mainRecipientOrgIds: [town02],
    copyRecipientOrgIds: [],
    urgency: 'none',
    classification: 'none',
  });
  expect(d.statusCode, d.body).toBe(201);
  const id = d.json().id as string;
  expect((await clerk.post(`/api/documents/${id}/submit`)).statusCode).toBe(200);
  const r = await head.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' });
  expect(r.statusCode, r.body).toBe(200);
  return id;
}

const entryA = await proposedEntry('关于报送2026年度村级财务数据的通知');
const entryB = await proposedEntry('关于开展安全生产大检查的通知');
const draft = await reviewedDraft('关于商请支持防汛物资调配的函');

describe('bad delegations: clear 4xx in the caller language, nothing written', () => {
  const cases: [string, () => ReturnType<typeof leader.post>, number, string][] = [
    ['to oneself', () => leader.post('/api/delegations', { ...week, delegateId: ids.leader }), 422, 'DELEGATE_SELF'],
    ['to another township', () => leader.post('/api/delegations', { ...week, delegateId: ids.other }), 422, 'DELEGATE_NOT_IN_ORG'],
    [
      'to an unknown account',
      () => leader.post('/api/delegations', { ...week, delegateId: '00000000-0000-4000-8000-000000000000' }),
      422,
      'DELEGATE_NOT_IN_ORG',
    ],
    [
      'for a past period',
      () => leader.post('/api/delegations', { ...week, delegateId: ids.clerk, startsOn: addDays(today, -3) }),
      422,
      'PERIOD_IN_PAST',
    ],
    [
      'ending before it starts',
      () => leader.post('/api/delegations', { ...week, delegateId: ids.clerk, endsOn: addDays(today, -1) }),
      422,
      'PERIOD_REVERSED',
    ],
    [
      'longer than the limit',
      () => leader.post('/api/delegations', { ...week, delegateId: ids.clerk, endsOn: addDays(today, 120) }),
      422,
      'PERIOD_TOO_LONG',
    ],
    [
      'by a clerk (no leader steps to delegate)',
      () => clerk.post('/api/delegations', { ...week, delegateId: ids.leader }),
      403,
      'NOT_A_LEADER',
    ],
    ['with no reason', () => leader.post('/api/delegations', { ...week, delegateId: ids.clerk, reason: ' ' }), 400, 'VALIDATION_FAILED'],
    ['with no body', () => leader.post('/api/delegations'), 400, 'VALIDATION_FAILED'],
    [
      'with a date that is no date',
      () => leader.post('/api/delegations', { ...week, delegateId: ids.clerk, endsOn: '2026-02-30' }),
      400,
      'VALIDATION_FAILED',
    ],
  ];
  it.each(cases)('%s', async (_label, send, status, code) => {
    const before = await tableCounts(database);
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await tableCounts(database)).toEqual(before);
  });

  it('to a 三员 account of the same office: refused, and the message follows the language (en, zh-TW)', async () => {
    const countyLeader = await as(app, 'county.leader');
    const body = { ...week, delegateId: ids.sysadmin };
    const before = await tableCounts(database);
    const en = await countyLeader.post('/api/delegations', body, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.json().error).toMatchObject({ code: 'DELEGATE_NOT_BUSINESS' });
    expect(en.json().error.message).toMatch(/administrators do no business work/);
    const tw = await countyLeader.post('/api/delegations', body, { 'accept-language': 'zh-TW' });
    expect(tw.json().error.message).toContain('系統管理員');
    expect(await tableCounts(database)).toEqual(before);
  });

  it('a 三员 account cannot call the delegation routes at all', async () => {
    const sys = await as(app, 'sysadmin');
    expect((await sys.get('/api/delegations')).statusCode).toBe(403);
    expect((await sys.post('/api/delegations', { ...week, delegateId: ids.clerk })).statusCode).toBe(403);
  });
});

let delegationId = '';

describe('a week of delegation: the colleague instructs and signs on the leader behalf', () => {
  it('creates the delegation (201, in force, audited)', async () => {
    const res = await leader.post('/api/delegations', { ...week, delegateId: ids.clerk });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    delegationId = d.id;
    expect(d).toMatchObject({
      principal: { id: ids.leader, displayName: names.leader },
      delegate: { id: ids.clerk, displayName: names.clerk },
      startsOn: week.startsOn,
      endsOn: week.endsOn,
      status: 'active',
      allowedActions: ['revoke'],
    });
    const audit = await q("SELECT actor_username, after FROM audit_log WHERE action = 'delegation.create' AND entity_id = $1", [d.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_username: 'town01.leader', after: { delegateId: ids.clerk, endsOn: week.endsOn } });
  });

  it('refuses an overlapping delegation of the same leader (409, nothing written)', async () => {
    const before = await tableCounts(database);
    const res = await leader.post('/api/delegations', {
      ...week,
      delegateId: ids.head,
      startsOn: addDays(today, 3),
      endsOn: addDays(today, 10),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('OVERLAP');
    expect(res.json().error.message).toContain(names.clerk);
    expect(await tableCounts(database)).toEqual(before);
  });

  it('lists it for both sides, and GET /api/me carries the banner facts', async () => {
    const mine = (await leader.get('/api/delegations')).json();
    expect(mine.given.map((d: { id: string }) => d.id)).toEqual([delegationId]);
    expect(mine.canDelegate).toBe(true);
    const theirs = (await clerk.get('/api/delegations')).json();
    expect(theirs.received.map((d: { id: string }) => d.id)).toEqual([delegationId]);
    expect(theirs.received[0].allowedActions).toEqual([]);
    expect(theirs.canDelegate).toBe(false);
    // The office sees who acts for whom in its org; a leader in charge asks for it in vain.
    expect((await clerk.get('/api/delegations?view=org')).json().org).toHaveLength(1);
    expect((await leader.get('/api/delegations?view=org')).statusCode).toBe(403);

    const clerkMe = (await clerk.get('/api/me')).json();
    expect(clerkMe.actingFor).toEqual([{ delegationId, displayName: names.leader, endsOn: week.endsOn }]);
    expect(clerkMe.allowedActions).toEqual(expect.arrayContaining(['documents.instruct', 'documents.signOff']));
    expect(clerkMe.allowedActions).not.toContain('documents.signPrincipal');
    const leaderMe = (await leader.get('/api/me')).json();
    expect(leaderMe.actedForBy).toEqual([{ delegationId, displayName: names.clerk, endsOn: week.endsOn }]);
  });

  it("the colleague's workbench shows the leader's 批示 and 签发, marked on the leader's behalf", async () => {
    const items = (await clerk.get('/api/workbench')).json().items as { kind: string; recordId: string; onBehalfOf: string | null }[];
    const instruct = items.find((i) => i.kind === 'incoming.instruct' && i.recordId === entryA);
    expect(instruct?.onBehalfOf).toBe(names.leader);
    const sign = items.find((i) => i.kind === 'document.signOff' && i.recordId === draft);
    expect(sign?.onBehalfOf).toBe(names.leader);
    // The colleague's own steps stay their own.
    expect(items.filter((i) => i.kind === 'incoming.propose').every((i) => i.onBehalfOf === null)).toBe(true);
    // The leader still sees them, in their own right.
    const own = (await leader.get('/api/workbench')).json().items as { kind: string; recordId: string; onBehalfOf: string | null }[];
    expect(own.find((i) => i.recordId === entryA)?.onBehalfOf).toBeNull();
  });

  it("the delegate hears of it in the bell, and the reminder engine's own run gives them the leader's new 批示 and 签发", async () => {
    // The engine's sweep, as its job runs it (the delegate has not opened the bell yet in this file).
    await runReminderSweep(database.db);
    const engine = await q<{ todo_kind: string; record_id: string }>(
      "SELECT todo_kind, record_id FROM notifications WHERE user_id = $1 AND stage = 'new' AND record_id = ANY ($2::uuid[])",
      [ids.clerk, [entryA, entryB, draft]],
    );
    expect(engine.map((n) => `${n.todo_kind} ${n.record_id}`).sort()).toEqual(
      [`incoming.instruct ${entryA}`, `incoming.instruct ${entryB}`, `document.signOff ${draft}`].sort(),
    );
    type N = { title: string; stage: string; kind: string; href: string; subject: string | null };
    const bell = async (c: typeof clerk, lang = 'zh-CN') =>
      (await c.get('/api/notifications', { 'accept-language': lang })).json().items as N[];
    const told = (await bell(clerk)).filter((n) => n.stage === 'delegated');
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'delegation.received',
        href: '/delegations',
        title: `【委托】${names.leader}委托您代为签发、批示、会签`,
        subject: `${week.startsOn} – ${week.endsOn} · ${week.reason}`,
      }),
    ]);
    expect((await bell(clerk, 'en')).find((n) => n.stage === 'delegated')!.title).toBe(
      `[Delegation] ${names.leader} asked you to sign off, instruct and countersign on their behalf`,
    );
    // Nobody else of the office is told.
    for (const c of [leader, head]) expect((await bell(c)).some((n) => n.stage === 'delegated')).toBe(false);
  });

  it('the colleague instructs: the slip, the row and the audit say "on behalf of"', async () => {
    const slip = (await clerk.get(`/api/incoming/${entryA}`)).json();
    expect(slip.allowedActions).toContain('instruct');
    const res = await clerk.post(`/api/incoming/${entryA}/instruct`, { instruction: '请财务所按时报送。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'instructed', instructedByName: names.clerk, instructedForName: names.leader });
    const row = (await q('SELECT instructed_by, instructed_for FROM incoming WHERE id = $1', [entryA]))[0];
    expect(row).toEqual({ instructed_by: ids.clerk, instructed_for: ids.leader });
    const audit = await q("SELECT actor_username, actor_role, after FROM audit_log WHERE action = 'incoming.instruct' AND entity_id = $1", [
      entryA,
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_username: 'town01.clerk',
      actor_role: 'office_staff',
      after: { onBehalfOf: { userId: ids.leader, username: 'town01.leader', displayName: names.leader, delegationId } },
    });
    // The printed processing slip renders (its 领导批示 box names both).
    expect((await clerk.get(`/api/incoming/${entryA}/slip`)).statusCode).toBe(200);
  });

  it('the colleague signs off on the leader behalf; the drafting slip names both', async () => {
    const res = await clerk.post(`/api/documents/${draft}/sign-off`, { opinion: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    const doc = (await clerk.get(`/api/documents/${draft}`)).json();
    expect(doc).toMatchObject({ status: 'signed_off', signerName: names.clerk, signerForName: names.leader });
    const audit = await q("SELECT actor_username, after FROM audit_log WHERE action = 'document.signOff' AND entity_id = $1", [draft]);
    expect(audit[0]).toMatchObject({ actor_username: 'town01.clerk', after: { onBehalfOf: { username: 'town01.leader' } } });
  });

  it('another township neither sees nor acts on it', async () => {
    expect((await other.get(`/api/incoming/${entryB}`)).statusCode).toBe(404);
    expect((await other.post(`/api/incoming/${entryB}/instruct`, { instruction: '越权' })).statusCode).toBe(403);
    expect((await otherLeader.post(`/api/incoming/${entryB}/instruct`, { instruction: '越权' })).statusCode).toBe(404);
    const lists = (await otherLeader.get('/api/delegations')).json();
    expect([...lists.given, ...lists.received]).toEqual([]);
    expect((await other.get('/api/delegations?view=org')).json().org).toEqual([]);
    expect((await otherLeader.post(`/api/delegations/${delegationId}/revoke`)).statusCode).toBe(404);
    expect((await q('SELECT status FROM incoming WHERE id = $1', [entryB]))[0]).toEqual({ status: 'proposed' });
  });
});

describe('the delegation ends: revoked, or its period over', () => {
  it('only the leader revokes, with no body; then the colleague is refused', async () => {
    const notYours = await clerk.post(`/api/delegations/${delegationId}/revoke`);
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.code).toBe('NOT_YOURS');
    expect((await app.inject({ method: 'POST', url: `/api/delegations/${delegationId}/revoke` })).statusCode).toBe(401);
    const revoked = await leader.post(`/api/delegations/${delegationId}/revoke`, undefined);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedByName: names.leader, allowedActions: [] });
    expect(
      (await q("SELECT count(*)::int AS n FROM audit_log WHERE action = 'delegation.revoke' AND entity_id = $1", [delegationId]))[0],
    ).toEqual({ n: 1 });

    expect((await clerk.get('/api/me')).json().actingFor).toEqual([]);
    const refused = await clerk.post(`/api/incoming/${entryB}/instruct`, { instruction: '撤销后' });
    expect(refused.statusCode).toBe(403);
    expect((await clerk.get(`/api/incoming/${entryB}`)).json().allowedActions).not.toContain('instruct');
    const items = (await clerk.get('/api/workbench')).json().items as { kind: string }[];
    expect(items.some((i) => i.kind === 'incoming.instruct')).toBe(false);

    // The delegate is told it was withdrawn.
    const bell = (await clerk.get('/api/notifications')).json().items as { title: string; stage: string }[];
    expect(bell.filter((n) => n.stage === 'undelegated').map((n) => n.title)).toEqual([`【委托收回】${names.leader}已收回对您的委托`]);

    const again = await leader.post(`/api/delegations/${delegationId}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_OVER');
  });

  it('after its last day it is over by itself; before its first day it is not yet in force', async () => {
    const next = await leader.post('/api/delegations', {
      ...week,
      delegateId: ids.clerk,
      startsOn: addDays(today, 1),
      endsOn: addDays(today, 2),
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().status).toBe('scheduled');
    expect((await clerk.get('/api/me')).json().actingFor).toEqual([]);
    expect((await clerk.post(`/api/incoming/${entryB}/instruct`, { instruction: '未到期限' })).statusCode).toBe(403);

    // The same delegation, as if the calendar had moved past it (no job ends it: the dates do).
    await q('UPDATE delegations SET starts_on = $2::date, ends_on = $3::date WHERE id = $1', [
      next.json().id,
      addDays(today, -5),
      addDays(today, -1),
    ]);
    const listed = (await leader.get('/api/delegations')).json().given.find((d: { id: string }) => d.id === next.json().id);
    expect(listed).toMatchObject({ status: 'ended', allowedActions: [] });
    expect((await clerk.get('/api/me')).json().actingFor).toEqual([]);
    expect((await clerk.post(`/api/incoming/${entryB}/instruct`, { instruction: '期限已过' })).statusCode).toBe(403);
    expect((await q('SELECT status FROM incoming WHERE id = $1', [entryB]))[0]).toEqual({ status: 'proposed' });
  });

  it('a delegate acting for a principal leader may sign what only a principal leader signs', async () => {
    const d = await head.post('/api/delegations', { ...week, delegateId: ids.leader });
    expect(d.statusCode, d.body).toBe(201);
    const id = await reviewedDraft('关于申请防汛经费的请示');
    await q('UPDATE documents SET important = true WHERE id = $1', [id]);
    const res = await leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意上报' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await leader.get(`/api/documents/${id}`)).json()).toMatchObject({ signerForName: await nameOf('town01.head') });

    // An upward 请示 signed on the principal's behalf: the GB/T 9704 版头's 签发人 (7.2.6) is the signer's own name with 代.
    const county = (await q<{ id: string }>("SELECT id FROM orgs WHERE kind = 'county_office'"))[0]!.id;
    const up = await clerk.post('/api/documents', {
      docType: '请示',
      title: '关于申请防汛物资补助的请示',
      body: '妥否，请批示。',
      mainRecipientOrgIds: [county],
      copyRecipientOrgIds: [],
      urgency: 'none',
      classification: 'none',
    });
    expect(up.statusCode, up.body).toBe(201);
    const upId = up.json().id as string;
    expect((await clerk.post(`/api/documents/${upId}/submit`)).statusCode).toBe(200);
    expect((await head.post(`/api/documents/${upId}/review`, { decision: 'approve', comment: '同意' })).statusCode).toBe(200);
    const signed = await leader.post(`/api/documents/${upId}/sign-off`, { opinion: '同意上报' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await clerk.post(`/api/documents/${upId}/recheck`)).statusCode).toBe(200);
    expect((await clerk.post(`/api/documents/${upId}/number`)).statusCode).toBe(200);
    const pdf = await clerk.get(`/api/documents/${upId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const firstPage = (await readPdf(pdf.rawPayload))[0]!;
    const text = firstPage.items.map((i) => i.str).join('');
    expect(text).toContain(`签发人：${names.leader}（代）`);
    expect(text).not.toContain(await nameOf('town01.head'));
    expect((await head.post(`/api/delegations/${d.json().id}/revoke`)).statusCode).toBe(200);
  });

  it("会签 is delegable: a co-issuing township's colleague countersigns on its leader's behalf, recorded as such", async () => {
    const town02Id = (await q<{ id: string }>("SELECT id FROM orgs WHERE code = 'T02'"))[0]!.id;
    const town03Id = (await q<{ id: string }>("SELECT id FROM orgs WHERE code = 'T03'"))[0]!.id;
    const ids2 = { leader: await userId('town02.leader'), clerk: await userId('town02.clerk') };
    const joint = await clerk.post('/api/documents', {
      docType: '通知',
      title: '关于联合开展河道清淤工作的通知',
      body: '两镇联合开展。',
      mainRecipientOrgIds: [town03Id],
      copyRecipientOrgIds: [],
      countersignOrgIds: [town02Id],
      urgency: 'none',
      classification: 'none',
    });
    expect(joint.statusCode, joint.body).toBe(201);
    const jointId = joint.json().id as string;
    expect((await clerk.post(`/api/documents/${jointId}/submit`)).statusCode).toBe(200);
    // Before any delegation the town02 clerk may not countersign (no 会签 of their own), and is not offered it.
    expect((await other.get(`/api/documents/${jointId}`)).json().allowedActions).not.toContain('countersign');
    expect((await other.post(`/api/documents/${jointId}/countersign`, { decision: 'approve', opinion: '同意' })).statusCode).toBe(403);

    const d = await otherLeader.post('/api/delegations', { ...week, delegateId: ids2.clerk });
    expect(d.statusCode, d.body).toBe(201);
    const items = (await other.get('/api/workbench')).json().items as { kind: string; recordId: string; onBehalfOf: string | null }[];
    expect(items.find((i) => i.kind === 'document.countersign' && i.recordId === jointId)?.onBehalfOf).toBe(await nameOf('town02.leader'));
    expect((await other.get(`/api/documents/${jointId}`)).json().allowedActions).toContain('countersign');
    const res = await other.post(`/api/documents/${jointId}/countersign`, { decision: 'approve', opinion: '同意联合印发' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().countersignedOrgIds).toEqual([town02Id]);
    const shown = (await clerk.get(`/api/documents/${jointId}`)).json().countersigns;
    expect(shown).toEqual([
      expect.objectContaining({
        orgId: town02Id,
        status: 'approved',
        userName: await nameOf('town02.clerk'),
        forUserName: await nameOf('town02.leader'),
      }),
    ]);
    const row = (await q('SELECT user_id, for_user_id FROM document_countersigns WHERE document_id = $1', [jointId]))[0];
    expect(row).toEqual({ user_id: ids2.clerk, for_user_id: ids2.leader });
    const audit = await q("SELECT actor_username, after FROM audit_log WHERE action = 'document.countersign.approve' AND entity_id = $1", [
      jointId,
    ]);
    expect(audit[0]).toMatchObject({ actor_username: 'town02.clerk', after: { onBehalfOf: { username: 'town02.leader' } } });
    // The printed 发文笺 has the co-issuer's 会签 box, signed "X（代Y）".
    const slip = await clerk.get(`/api/documents/${jointId}/slip`);
    expect(slip.statusCode).toBe(200);
    const slipText = (await readPdf(slip.rawPayload)).flatMap((p) => p.items.map((i) => i.str)).join('');
    expect(slipText).toContain('同意联合印发');
    expect(slipText).toContain(`${await nameOf('town02.clerk')}（代${await nameOf('town02.leader')}）`);
    expect((await otherLeader.post(`/api/delegations/${d.json().id}/revoke`)).statusCode).toBe(200);
  });
});

describe('generated bad payloads on the delegation endpoints: no 5xx, no row changed', () => {
  it('POST /api/delegations and /revoke', async () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.string({ maxLength: 30 }),
      fc.constant('\u0000'),
      fc.constant('\ud800'),
      fc.constant(today),
      fc.constant('2026-13-01'),
      fc.constant(ids.clerk),
      fc.constant(ids.other),
      fc.constant(ids.leader),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    // Bad payloads only: a body that happens to be a valid delegation is left out.
    const body = fc
      .dictionary(fc.constantFrom('delegateId', 'startsOn', 'endsOn', 'reason', 'view', 'extra'), junk, { maxKeys: 5 })
      .filter((b) => !delegationCreateSchema.safeParse(b).success);
    const idArb = fc.oneof(fc.uuid(), fc.string({ maxLength: 12 }), fc.constant(delegationId));
    const digest = await tableDigest(database);
    await fc.assert(
      fc.asyncProperty(body, idArb, fc.constantFrom(leader, clerk, other), async (b, id, who) => {
        const created = await who.post('/api/delegations', b);
        expect(created.statusCode, created.body).toBeLessThan(500);
        expect(created.statusCode).not.toBe(201);
        const revoked = await who.post(`/api/delegations/${encodeURIComponent(id)}/revoke`, b);
        expect(revoked.statusCode, revoked.body).toBeLessThan(500);
        expect(revoked.statusCode).not.toBe(200);
      }),
      { numRuns: 60 },
    );
    expect(await tableDigest(database)).toBe(digest);
  });
});
