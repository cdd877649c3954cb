/**
 * 流转记录 of the drafting slip (issue 13): every step the document went through — who, for whom
 * (委托), at which step, what, the opinion, when — on the slip's API and in its printed form, read
 * back from the PDF. Another org's reader does not see how the sender's office handled the draft.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, testApp } from '../helpers.ts';
import { readPdf } from '../print/pdf-reader.ts';
import { countyActors, expectStatus, orgIds, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let recipients: string[];
let town01: Client;
const ids: Record<string, string> = {};
const names: Record<string, string> = {};

type RecordItem = {
  at: string;
  userName: string;
  onBehalfOfName: string | null;
  orgName: string | null;
  step: string;
  action: string;
  opinion: string | null;
};

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  recipients = (await orgIds(a.clerk)).townships.slice(0, 2);
  town01 = await as(app, 'town01.clerk');
  const r = await database.pool.query<{ id: string; username: string; display_name: string }>(
    `SELECT id, username, display_name FROM users WHERE username IN ('county.clerk', 'county.admin', 'county.leader')`,
  );
  for (const u of r.rows) {
    ids[u.username] = u.id;
    names[u.username] = u.display_name;
  }
});

const step = async (c: Client, id: string, p: string, body?: unknown) => expectStatus(await c.post(`/api/documents/${id}/${p}`, body), 200);

describe('流转记录', () => {
  it('lists every step with who, for whom, step, action, opinion and time, on the slip and in its print', async () => {
    const started = Date.now();
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于做好冬季防火工作的通知',
      body: '各乡镇要高度重视。',
      mainRecipientOrgIds: recipients,
    });
    expectStatus(d, 201);
    const id = d.json().id as string;
    // A draft's edits before submission are the drafter's scratch, not steps.
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: '各乡镇要高度重视，认真落实。' }), 200);
    await step(a.clerk, id, 'submit');
    await step(a.admin, id, 'review', { decision: 'return', comment: '请补充责任分工' });
    await step(a.clerk, id, 'submit');
    await step(a.admin, id, 'add-reviewer', { userId: ids['county.leader'], note: '涉及财政数据' });
    await step(a.leader, id, 'review', { decision: 'approve', comment: '数据无误' });
    // 委托: the leader asks the office head to sign for them today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const del = await a.leader.post('/api/delegations', {
      delegateId: ids['county.admin'],
      startsOn: today,
      endsOn: today,
      reason: '外出开会',
    });
    expectStatus(del, 201);
    await step(a.admin, id, 'sign-off', { opinion: '同意印发' });
    await step(a.clerk, id, 'recheck');
    await step(a.clerk, id, 'number');
    await step(a.clerk, id, 'dispatch', { channel: 'online' });

    const slip = (await a.clerk.get(`/api/documents/${id}`)).json();
    const record = slip.flowRecord as RecordItem[];
    expect(record.map((r) => [r.step, r.action, r.userName, r.onBehalfOfName, r.opinion])).toEqual([
      ['draft', 'create', names['county.clerk'], null, null],
      ['draft', 'submit', names['county.clerk'], null, null],
      ['review', 'reviewReturn', names['county.admin'], null, '请补充责任分工'],
      ['draft', 'submit', names['county.clerk'], null, null],
      ['review', 'addReviewer', names['county.admin'], null, '涉及财政数据'],
      ['review', 'approve', names['county.leader'], null, '数据无误'],
      ['signOff', 'signOff', names['county.admin'], names['county.leader'], '同意印发'],
      ['recheck', 'recheck', names['county.clerk'], null, null],
      ['number', 'number', names['county.clerk'], null, slip.docNumber],
      ['dispatch', 'dispatch', names['county.clerk'], null, null],
    ]);
    for (const r of record) {
      expect(r.orgName).toBeNull();
      expect(Date.parse(r.at)).toBeGreaterThanOrEqual(started - 1000);
    }
    // Oldest first.
    expect([...record.map((r) => r.at)].sort()).toEqual(record.map((r) => r.at));

    // The printed 发文笺 carries the same table: read back from the PDF.
    const pdf = await a.clerk.get(`/api/documents/${id}/slip`);
    expectStatus(pdf, 200);
    const pages = await readPdf(pdf.rawPayload);
    const items = pages.flatMap((p, page) => p.items.map((i) => ({ ...i, page })));
    const texts = items.map((i) => i.str);
    expect(texts).toContain('流转记录');
    for (const h of ['环节', '操作', '办理人', '代理', '意见', '时间']) expect(texts).toContain(h);
    const rowOf = (label: string) => {
      const cell = items.find((i) => i.str === label);
      expect(cell, label).toBeDefined();
      // The cells of a row share its top line (PAD below the rule).
      return items.filter((i) => Math.abs(i.baseline - cell!.baseline) < 1 && i.page === cell!.page).map((i) => i.str);
    };
    expect(rowOf('核稿退回')).toEqual(expect.arrayContaining(['核稿', names['county.admin'], '请补充责任分工']));
    // The 签发 box above has the same words, so the row is found by its 代 cell.
    const signRow = rowOf(`代${names['county.leader']}`);
    expect(signRow.filter((t) => t === '签发')).toHaveLength(2);
    expect(signRow).toEqual(expect.arrayContaining([names['county.admin'], '同意印发']));
    expect(signRow.some((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(t))).toBe(true);
    expect(rowOf('加签')).toEqual(expect.arrayContaining([names['county.admin'], '涉及财政数据']));
    expect(rowOf('编号')).toEqual(expect.arrayContaining([slip.docNumber]));
    // The header comes before the first row on the page.
    const header = items.find((i) => i.str === '环节')!;
    const first = items.find((i) => i.str === '起草')!;
    expect(first.page > header.page || first.baseline > header.baseline).toBe(true);
  });

  it('a recipient township sees the document but not the sender office’s handling', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于报送材料的通知',
      body: '请按时报送。',
      mainRecipientOrgIds: recipients,
    });
    const id = d.json().id as string;
    await step(a.clerk, id, 'submit');
    await step(a.admin, id, 'review', { decision: 'approve', comment: '同意' });
    await step(a.leader, id, 'sign-off', { opinion: '同意' });
    await step(a.clerk, id, 'recheck');
    await step(a.clerk, id, 'number');
    await step(a.clerk, id, 'dispatch', { channel: 'online' });
    const theirs = await town01.get(`/api/documents/${id}`);
    expectStatus(theirs, 200);
    expect(theirs.json().flowRecord).toEqual([]);
    const print = await town01.get(`/api/documents/${id}/slip`);
    if (print.statusCode === 200) {
      const texts = (await readPdf(print.rawPayload)).flatMap((p) => p.items.map((i) => i.str));
      expect(texts).not.toContain('流转记录');
    } else expect(print.statusCode).toBe(404);
    // The sender's own slip has the seven steps.
    expect((await a.clerk.get(`/api/documents/${id}`)).json().flowRecord).toHaveLength(7);
  });
});
