/**
 * 退回 to any earlier step, 取回 by the sender, 加签 of a reviewer (issue 13). Each path changes the
 * slip as the flow must (the step taken back is cleared, the history keeps it), tells the person it
 * goes to, and is audited; each refusal is a catalogued 4xx in the caller's language and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let recipients: string[];
let town01: Client;
const ids: Record<string, string> = {};
const names: Record<string, string> = {};

type Slip = {
  status: string;
  reviewerName: string | null;
  reviewComment: string | null;
  signerName: string | null;
  writtenDate: string | null;
  recheckedAt: string | null;
  addedReviewer: { id: string; name: string; note: string | null; addedByName: string } | null;
  flowSteps: { kind: string; fromStatus: string; toStatus: string; reason: string | null; userName: string; targetName: string | null }[];
  allowedActions: string[];
};
type Note = { kind: string; stage: string; href: string; subject: string | null; text?: string; title: string };

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  const o = await orgIds(a.clerk);
  recipients = [o.townships[0]!, o.townships[1]!];
  town01 = await as(app, 'town01.clerk');
  const r = await database.pool.query<{ id: string; username: string; display_name: string }>(
    `SELECT id, username, display_name FROM users WHERE username IN ('county.clerk', 'county.admin', 'county.leader', 'town01.clerk')`,
  );
  for (const u of r.rows) {
    ids[u.username] = u.id;
    names[u.username] = u.display_name;
  }
});

const slip = async (c: Client, id: string): Promise<Slip> => {
  const r = await c.get(`/api/documents/${id}`);
  expectStatus(r, 200);
  return r.json();
};
const post = async (c: Client, id: string, p: string, body?: unknown, status = 200) => {
  const r = await c.post(`/api/documents/${id}/${p}`, body);
  expectStatus(r, status);
  return r;
};
const notes = async (c: Client): Promise<Note[]> => (await c.get('/api/notifications')).json().items;
const audits = async (id: string, action: string) =>
  Number(
    (await database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = $2`, [id, action])).rows[0].n,
  );

/** A notice drafted by the county clerk and taken to `target`. */
async function upTo(target: 'in_review' | 'reviewed' | 'signed_off' | 'rechecked', title = '关于做好冬季防火工作的通知'): Promise<string> {
  const d = await a.clerk.post('/api/documents', { docType: '通知', title, body: '各乡镇要高度重视。', mainRecipientOrgIds: recipients });
  expectStatus(d, 201);
  const id = d.json().id as string;
  await post(a.clerk, id, 'submit');
  if (target === 'in_review') return id;
  await post(a.admin, id, 'review', { decision: 'approve', comment: '文字已核' });
  if (target === 'reviewed') return id;
  await post(a.leader, id, 'sign-off', { opinion: '同意印发' });
  if (target === 'signed_off') return id;
  await post(a.clerk, id, 'recheck');
  return id;
}

describe('退回 to an earlier step', () => {
  it('the signer returns a reviewed document to review: the review is to be done again, the reviewer is told the reason', async () => {
    const id = await upTo('reviewed');
    expect((await slip(a.leader, id)).allowedActions).toEqual(expect.arrayContaining(['returnToDrafter', 'returnToReview']));
    await post(a.leader, id, 'return', { to: 'review', reason: '第三段数据请再核' });
    const s = await slip(a.admin, id);
    expect(s).toMatchObject({ status: 'in_review', reviewerName: null, reviewComment: null });
    expect(s.flowSteps.at(-1)).toMatchObject({
      kind: 'return',
      fromStatus: 'reviewed',
      toStatus: 'in_review',
      reason: '第三段数据请再核',
      userName: names['county.leader'],
      targetName: names['county.admin'],
    });
    expect(s.allowedActions).toContain('review');
    const n = (await notes(a.admin)).find((x) => x.stage === 'returned' && x.href === `/documents/outgoing/${id}`);
    expect(n).toMatchObject({ kind: 'document.review' });
    expect(n!.subject).toContain('第三段数据请再核');
    expect(await audits(id, 'document.return')).toBe(1);
  });

  it('the office returns a signed-off, rechecked document to review: the sign-off and 复核 are cleared, and kept in the history', async () => {
    const id = await upTo('rechecked');
    await post(a.clerk, id, 'return', { to: 'review', reason: '成文日期有误' });
    const s = await slip(a.clerk, id);
    expect(s).toMatchObject({ status: 'in_review', signerName: null, writtenDate: null, recheckedAt: null });
    const kept = await database.pool.query(`SELECT cleared FROM document_flow_steps WHERE document_id = $1`, [id]);
    expect(kept.rows[0].cleared).toMatchObject({
      signerName: names['county.leader'],
      signOffOpinion: '同意印发',
      reviewComment: '文字已核',
    });
    expect(kept.rows[0].cleared.recheckedAt).toBeTruthy();
    // The review again, the signature again: the flow runs forward as before.
    await post(a.admin, id, 'review', { decision: 'approve', comment: '' });
    await post(a.leader, id, 'sign-off', { opinion: '同意' });
    expect((await slip(a.clerk, id)).status).toBe('signed_off');
  });

  it('the signer returns to the drafter: returned, the drafter is told and may resubmit', async () => {
    const id = await upTo('reviewed');
    await post(a.leader, id, 'return', { to: 'drafter', reason: '请改为函' });
    const s = await slip(a.clerk, id);
    expect(s).toMatchObject({ status: 'returned', reviewerName: null });
    expect(s.flowSteps.at(-1)).toMatchObject({
      kind: 'return',
      toStatus: 'returned',
      reason: '请改为函',
      targetName: names['county.clerk'],
    });
    expect(s.allowedActions).toContain('submit');
    const n = (await notes(a.clerk)).find((x) => x.stage === 'returned' && x.href === `/documents/outgoing/${id}`);
    expect(n).toMatchObject({ kind: 'document.returned' });
    // The reviewer's own return goes the same way as the review's return.
    await post(a.clerk, id, 'submit');
    await post(a.admin, id, 'return', { to: 'drafter', reason: '标题过长' });
    expect(await slip(a.clerk, id)).toMatchObject({ status: 'returned', reviewComment: '标题过长', reviewerName: names['county.admin'] });
  });

  it('refuses a step it never passed, a return by one who does not hold it, and bad bodies, writing nothing', async () => {
    const id = await upTo('in_review');
    expect((await slip(a.admin, id)).allowedActions).not.toContain('returnToReview');
    const before = await tableDigest(database);
    const zh = await post(a.admin, id, 'return', { to: 'review', reason: '再核' }, 409);
    expect(zh.json().error).toMatchObject({
      code: 'RETURN_STEP_NOT_PASSED',
      message: '公文当前为“核稿中”，尚未经过核稿，不能退回至核稿，只能退回拟稿人。',
    });
    const en = await a.admin.post(`/api/documents/${id}/return`, { to: 'review', reason: '再核' }, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(
      'The document is "In review": it has not passed the review, so it cannot be returned to review; return it to the drafter.',
    );
    const tw = await a.admin.post(`/api/documents/${id}/return`, { to: 'review', reason: '再核' }, { 'accept-language': 'zh-TW' });
    expect(tw.json().error.message).toBe('公文當前為“核稿中”，尚未經過核稿，不能退回至核稿，只能退回擬稿人。');
    // The drafter does not hold it (nobody reviews their own draft); another org does not see it.
    expect((await post(a.clerk, id, 'return', { to: 'drafter', reason: '自己退' }, 403)).json().error.code).toBe('RETURN_NOT_HOLDER');
    await post(town01, id, 'return', { to: 'drafter', reason: '退' }, 404);
    await post(a.admin, id, 'return', { to: 'drafter', reason: '' }, 400);
    await post(a.admin, id, 'return', { to: 'signer', reason: '退' }, 400);
    await post(a.admin, id, 'return', { to: 'drafter' }, 400);
    expect(await tableDigest(database)).toBe(before);
  });
});

describe('取回 by the sender', () => {
  it('the drafter recalls a submitted document before review; the reviewer recalls an approved one before sign-off', async () => {
    const id = await upTo('in_review');
    expect((await slip(a.clerk, id)).allowedActions).toContain('recall');
    await post(a.clerk, id, 'recall');
    const s = await slip(a.clerk, id);
    expect(s.status).toBe('draft');
    expect(s.flowSteps.at(-1)).toMatchObject({
      kind: 'recall',
      fromStatus: 'in_review',
      toStatus: 'draft',
      userName: names['county.clerk'],
    });
    expect(await audits(id, 'document.recall')).toBe(1);

    await post(a.clerk, id, 'submit');
    await post(a.admin, id, 'review', { decision: 'approve', comment: '' });
    expect((await slip(a.admin, id)).allowedActions).toContain('recall');
    await post(a.admin, id, 'recall');
    expect(await slip(a.admin, id)).toMatchObject({ status: 'in_review', reviewerName: null });
  });

  it('after the next person acted: 409 naming them, in three languages, writing nothing', async () => {
    const reviewed = await upTo('reviewed');
    const signed = await upTo('signed_off');
    expect((await slip(a.clerk, reviewed)).allowedActions).not.toContain('recall');
    const before = await tableDigest(database);
    const zh = await post(a.clerk, reviewed, 'recall', undefined, 409);
    expect(zh.json().error).toMatchObject({
      code: 'RECALL_ALREADY_ACTED',
      message: `${names['county.admin']}已核稿，不能取回。如需修改，请${names['county.admin']}退回。`,
    });
    const en = await a.clerk.post(`/api/documents/${reviewed}/recall`, undefined, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(
      `${names['county.admin']} has already reviewed it, so it can no longer be recalled. Ask ${names['county.admin']} to return it.`,
    );
    const tw = await a.clerk.post(`/api/documents/${reviewed}/recall`, undefined, { 'accept-language': 'zh-TW' });
    expect(tw.json().error.message).toContain('已核稿，不能取回');
    const signedOff = await post(a.admin, signed, 'recall', undefined, 409);
    expect(signedOff.json().error.message).toBe(`${names['county.leader']}已签发，不能取回。如需修改，请${names['county.leader']}退回。`);
    // Nobody else sent it on.
    expect((await post(a.leader, reviewed, 'recall', undefined, 403)).json().error.code).toBe('RECALL_NOT_SENDER');
    await post(a.clerk, reviewed, 'recall', { extra: 1 }, 400);
    expect(await tableDigest(database)).toBe(before);
  });
});

describe('加签: an added reviewer', () => {
  it('the reviewer adds a leader of the org, who sees it on the workbench and decides it through the review', async () => {
    const id = await upTo('in_review');
    expect((await slip(a.admin, id)).allowedActions).toContain('addReviewer');
    await post(a.admin, id, 'add-reviewer', { userId: ids['county.leader'], note: '涉及财政数据，请把关' });
    // Told by the add itself (read from the table, before any GET /api/notifications sweeps): document.review is no news for the engine.
    const told = await database.pool.query(
      `SELECT user_id, todo_kind, stage, subject, href FROM notifications WHERE record_id = $1 AND todo_kind = 'document.review'`,
      [id],
    );
    expect(told.rows).toEqual([
      {
        user_id: ids['county.leader'],
        todo_kind: 'document.review',
        stage: 'new',
        subject: `${names['county.admin']}：涉及财政数据，请把关`,
        href: `/documents/outgoing/${id}`,
      },
    ]);
    const bell = (await notes(a.leader)).find((x) => x.href === `/documents/outgoing/${id}`);
    expect(bell).toMatchObject({ kind: 'document.review', stage: 'new', title: '【新待办】关于做好冬季防火工作的通知' });
    const s = await slip(a.admin, id);
    expect(s.addedReviewer).toMatchObject({
      name: names['county.leader'],
      note: '涉及财政数据，请把关',
      addedByName: names['county.admin'],
    });
    expect(s.allowedActions).not.toContain('review');
    expect(s.flowSteps.at(-1)).toMatchObject({ kind: 'addReviewer', targetName: names['county.leader'], reason: '涉及财政数据，请把关' });
    const pending = await post(a.admin, id, 'review', { decision: 'approve', comment: '' }, 409);
    expect(pending.json().error.message).toBe(`已加签${names['county.leader']}核稿，须待其核稿后再继续。`);
    // The drafter's recall: the reviewer acted (added a reviewer).
    expect((await post(a.clerk, id, 'recall', undefined, 409)).json().error.message).toContain(`${names['county.admin']}已核稿`);

    const desk = (await (await a.leader.get('/api/workbench')).json().items) as { kind: string; recordId: string }[];
    expect(desk.find((i) => i.kind === 'document.review' && i.recordId === id)).toBeDefined();
    expect((await slip(a.leader, id)).allowedActions).toContain('review');
    await post(a.leader, id, 'review', { decision: 'approve', comment: '数据无误' });
    expect(await slip(a.leader, id)).toMatchObject({ status: 'reviewed', reviewerName: names['county.leader'], addedReviewer: null });
    expect(await audits(id, 'document.addReviewer')).toBe(1);
  });

  it('the added reviewer may return it to the drafter', async () => {
    const id = await upTo('in_review');
    await post(a.admin, id, 'add-reviewer', { userId: ids['county.leader'], note: '' });
    await post(a.leader, id, 'return', { to: 'drafter', reason: '口径不一致' });
    expect(await slip(a.clerk, id)).toMatchObject({ status: 'returned', addedReviewer: null, reviewComment: '口径不一致' });
  });

  it('refuses a reviewer of another org, oneself, the drafter, a second one, writing nothing', async () => {
    const id = await upTo('in_review');
    const before = await tableDigest(database);
    const other = await post(a.admin, id, 'add-reviewer', { userId: ids['town01.clerk'], note: '' }, 422);
    expect(other.json().error.code).toBe('ADDED_REVIEWER_INVALID');
    const en = await a.admin.post(
      `/api/documents/${id}/add-reviewer`,
      { userId: ids['town01.clerk'], note: '' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toContain('must be another active person of your organisation');
    const self = await post(a.admin, id, 'add-reviewer', { userId: ids['county.admin'], note: '' }, 422);
    expect(self.json().error).toMatchObject({ code: 'ADDED_REVIEWER_SELF', message: '不能给自己加签。' });
    await post(a.admin, id, 'add-reviewer', { userId: ids['county.clerk'], note: '' }, 422);
    // The drafter may not add one either (they do not review their own draft).
    await post(a.clerk, id, 'add-reviewer', { userId: ids['county.leader'], note: '' }, 409);
    await post(a.admin, id, 'add-reviewer', { userId: 'not-a-uuid', note: '' }, 400);
    await post(a.admin, id, 'add-reviewer', { userId: '00000000-0000-4000-8000-000000000000', note: '' }, 422);
    expect(await tableDigest(database)).toBe(before);

    await post(a.admin, id, 'add-reviewer', { userId: ids['county.leader'], note: '' });
    const second = await post(a.admin, id, 'add-reviewer', { userId: ids['county.leader'], note: '' }, 409);
    expect(second.json().error.code).toBe('ADDED_REVIEWER_PENDING');
  });
});
