/**
 * Issue 13, 痕迹保留: every saved change of the title or body after submission is a version (who,
 * when, at which step); two versions compare character-wise; the signer of a document that comes
 * back after a substantive change learns what changed since the version they signed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
let town01Clerk: Client;

const BODY = '一、总体要求\n各乡镇要高度重视。';

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  ({ townships } = await orgIds(a.clerk));
  town01Clerk = await as(app, 'town01.clerk');
});

async function drafted(title = '关于做好春节期间值班工作的通知'): Promise<string> {
  const d = await a.clerk.post('/api/documents', {
    docType: '通知',
    title,
    body: BODY,
    mainRecipientOrgIds: townships,
    copyRecipientOrgIds: [],
    urgency: 'none',
    classification: 'none',
  });
  expectStatus(d, 201);
  return d.json().id as string;
}

const revisions = async (c: Client, id: string) => {
  const res = await c.get(`/api/documents/${id}/revisions`);
  expectStatus(res, 200);
  return res.json() as {
    items: { seq: number; title: string; savedBy: { id: string; displayName: string }; savedAt: string; step: string }[];
    lastSeenSeq: number | null;
  };
};
const rows = async (id: string) =>
  (await database.pool.query('SELECT seq, title, body, status_at_save FROM document_revisions WHERE document_id = $1 ORDER BY seq', [id]))
    .rows;
const userId = async (username: string) =>
  (await database.pool.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;

describe('versions of a document', () => {
  it('keeps no version of a draft, writes version 1 on submission and one per changing save after it, with who and at which step', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: `${BODY}\n草稿修改。` }), 200);
    expect(await rows(id)).toEqual([]);
    expect((await revisions(a.clerk, id)).items).toEqual([]);

    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expect(await rows(id)).toMatchObject([{ seq: 1, body: `${BODY}\n草稿修改。`, status_at_save: 'draft' }]);

    // returned for changes: the drafter's edits are versions now
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'return', comment: '标题请修改' }), 200);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { title: '关于做好2027年春节期间值班工作的通知' }), 200);
    // a save that changes neither title nor body (nor anything) adds no version
    expectStatus(
      await a.clerk.patch(`/api/documents/${id}`, { title: '关于做好2027年春节期间值班工作的通知', body: `${BODY}\n草稿修改。` }),
      200,
    );
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { remark: '此件公开发布' }), 200);
    const list = await revisions(a.clerk, id);
    const clerkId = await userId('county.clerk');
    expect(list.items).toMatchObject([
      { seq: 1, title: '关于做好春节期间值班工作的通知', step: 'draft', savedBy: { id: clerkId } },
      { seq: 2, title: '关于做好2027年春节期间值班工作的通知', step: 'returned', savedBy: { id: clerkId } },
    ]);
    expect(list.items[0]!.savedBy.displayName).toBeTruthy();
    expect(Date.parse(list.items[1]!.savedAt)).toBeGreaterThanOrEqual(Date.parse(list.items[0]!.savedAt));
    // the saver has seen what they saved
    expect(list.lastSeenSeq).toBe(2);

    // a resubmission of the same content adds none
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expect((await rows(id)).length).toBe(2);
  });

  it('audits each version in the same row as its save', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: `${BODY}\n二、工作要求` }), 200);
    const audit = (
      await database.pool.query(
        "SELECT action, after FROM audit_log WHERE entity_id = $1 AND action IN ('document.submit', 'document.update') ORDER BY seq",
        [id],
      )
    ).rows;
    expect(audit.map((r) => [r.action, r.after.revision])).toEqual([
      ['document.submit', 1],
      ['document.update', 2],
    ]);
    // a version exists only with its audit row: each version's save is one audited operation
    expect((await rows(id)).map((r) => r.seq)).toEqual([1, 2]);
  });
});

describe('the differences between two versions', () => {
  it('marks the characters inserted and deleted in a Chinese sentence', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: '各乡镇要高度重视值班工作。' }), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: '各乡镇要切实做好春节值班工作。' }), 200);
    const res = await a.clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=2`);
    expectStatus(res, 200);
    const diff = res.json();
    expect(diff.title).toEqual([{ op: 'equal', text: '关于做好春节期间值班工作的通知' }]);
    const joined = (op: string) =>
      diff.body
        .filter((s: { op: string }) => s.op === op)
        .map((s: { text: string }) => s.text)
        .join('');
    expect(joined('delete')).toBe('高度重视');
    expect(joined('insert')).toBe('切实做好春节');
    // the old text is equal + delete, the new one equal + insert
    const rebuild = (skip: string) =>
      diff.body
        .filter((s: { op: string }) => s.op !== skip)
        .map((s: { text: string }) => s.text)
        .join('');
    expect(rebuild('insert')).toBe('各乡镇要高度重视值班工作。');
    expect(rebuild('delete')).toBe('各乡镇要切实做好春节值班工作。');
  });

  it('refuses bad versions with a message the clerk can act on, in their language, and writes nothing', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    const before = await tableDigest(database);
    for (const q of ['from=abc&to=2', 'from=1.5&to=2', 'from=0&to=1', 'to=2', 'from=1&to=2&x=1']) {
      const res = await a.clerk.get(`/api/documents/${id}/revisions/diff?${q}`);
      expectStatus(res, 400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const range = await a.clerk.get(`/api/documents/${id}/revisions/diff?from=2&to=1`);
    expectStatus(range, 400);
    expect(range.json().error).toMatchObject({ code: 'REVISION_RANGE' });
    expect(range.json().error.message).toContain('第 2 版到第 1 版');
    const en = await a.clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=1`, { 'accept-language': 'en' });
    expectStatus(en, 400);
    expect(en.json().error.message).toContain('Choose two different versions');
    const missing = await a.clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=7`);
    expectStatus(missing, 404);
    expect(missing.json().error).toMatchObject({ code: 'REVISION_NOT_FOUND' });
    expect(missing.json().error.message).toContain('第 7 版');
    const tw = await a.clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=7`, { 'accept-language': 'zh-TW' });
    expect(tw.json().error.message).toContain('該公文');
    expect(await tableDigest(database)).toBe(before);
  });

  it("answers another township's request with 404, as for the document itself", async () => {
    const id = await drafted();
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await town01Clerk.get(`/api/documents/${id}`), 404);
    const before = await tableDigest(database);
    expectStatus(await town01Clerk.get(`/api/documents/${id}/revisions`), 404);
    expectStatus(await town01Clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=2`), 404);
    expect(await tableDigest(database)).toBe(before);
  });

  it('gives a classified paper record versions of its title and no body', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于某专项工作的通知',
      mainRecipientOrgIds: townships,
      copyRecipientOrgIds: [],
      urgency: 'none',
      classification: 'secret',
    });
    expectStatus(d, 201);
    const id = d.json().id as string;
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { title: '关于某专项工作的补充通知' }), 200);
    const diff = (await a.clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=2`)).json();
    expect(diff.body).toEqual([]);
    expect(diff.title.some((s: { op: string; text: string }) => s.op === 'insert' && s.text === '补充')).toBe(true);
    expect((await rows(id)).every((r) => r.body === null)).toBe(true);
  });

  it('clears the bodies of the versions when a document is made classified', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { classification: 'confidential', body: null }), 200);
    // version 1 lost its body; the save that removed the body then differs from it in nothing
    expect((await rows(id)).map((r) => r.body)).toEqual([null]);
  });
});

describe('since the signer last saw it', () => {
  it('returns a substantive change after sign-off to the original signer, whose list says which version they signed', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: `${BODY}\n二、工作要求` }), 200);
    expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意印发' }), 200);
    const signOff = (await database.pool.query("SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'document.signOff'", [id]))
      .rows[0];
    expect(signOff.after.seenRevision).toBe(2);

    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: `${BODY}\n二、工作要求\n三、值班纪律` }), 200);
    const slip = (await a.leader.get(`/api/documents/${id}`)).json();
    expect(slip).toMatchObject({ status: 'reviewed' });
    expect(slip.resignBy).toBeTruthy();
    expect(slip.allowedActions).toContain('signOff');
    const audit = (
      await database.pool.query("SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'document.update.resign'", [id])
    ).rows;
    expect(audit.map((r) => r.after.revision)).toEqual([3]);

    const list = await revisions(a.leader, id);
    expect(list.items.map((i) => [i.seq, i.step])).toEqual([
      [1, 'draft'],
      [2, 'reviewed'],
      [3, 'signed_off'],
    ]);
    expect(list.lastSeenSeq).toBe(2);
    const diff = (await a.leader.get(`/api/documents/${id}/revisions/diff?from=2&to=3`)).json();
    expect(diff.body.filter((s: { op: string }) => s.op === 'insert').map((s: { text: string }) => s.text)).toEqual(['\n三、值班纪律']);
    // opening the revisions marked the latest seen, without an audit row for the read
    const audits = async () =>
      Number((await database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1', [id])).rows[0].n);
    const n = await audits();
    expect((await revisions(a.leader, id)).lastSeenSeq).toBe(3);
    expect(await audits()).toBe(n);
  });

  it('copes with a document past draft from before versions were kept', async () => {
    const id = await drafted();
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    await database.pool.query('DELETE FROM document_revision_views WHERE document_id = $1', [id]);
    await database.pool.query('DELETE FROM document_revisions WHERE document_id = $1', [id]);
    expect(await revisions(a.admin, id)).toEqual({ items: [], lastSeenSeq: null });
    expectStatus(await a.clerk.get(`/api/documents/${id}/revisions/diff?from=1&to=2`), 404);
  });
});
