import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, tableDigest, testApp } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
let town01: Client;
let town02: Client;

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  townships = (await orgIds(a.clerk)).townships;
  town01 = await as(app, 'town01.clerk');
  town02 = await as(app, 'town02.clerk');
});

describe('outgoing → incoming, the whole flow through HTTP', () => {
  it('drafts, reviews, signs off, numbers and dispatches a notice to all 18 townships; a township acknowledges and processes it', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '关于开展乡镇办公室规范化建设的通知',
      body: '一、工作目标\n（一）规范队伍建设。\n二、工作要求',
      mainRecipientOrgIds: townships,
      copyRecipientOrgIds: [],
      urgency: 'urgent',
      classification: 'none',
    });
    expectStatus(d, 201);
    expect(d.json()).toMatchObject({ status: 'draft' });
    const id = d.json().id;

    const drafted = (await a.clerk.get(`/api/documents/${id}`)).json();
    expect(drafted.docNumber).toBeNull();
    expect(drafted.allowedActions).toContain('submit');

    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    // the drafter may not review their own draft
    expectStatus(await a.clerk.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '' }), 409);
    const back = await a.admin.post(`/api/documents/${id}/review`, { decision: 'return', comment: '请补充工作要求' });
    expect(back.json().status).toBe('returned');
    expect((await a.clerk.get(`/api/documents/${id}`)).json().reviewComment).toBe('请补充工作要求');
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: '一、工作目标\n二、工作要求\n各乡镇于月底前报送。' }), 200);
    expectStatus(await a.clerk.post(`/api/documents/${id}/submit`), 200);
    expectStatus(await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '同意' }), 200);
    expect((await a.leader.get(`/api/documents/${id}`)).json().allowedActions).toContain('signOff');
    const signed = await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意印发' });
    expectStatus(signed, 200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(signed.json().writtenDate).toBe(today);

    // a substantive change after sign-off goes back to the signer
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { title: '关于开展乡镇办公室规范化建设工作的通知' }), 200);
    expect((await a.clerk.get(`/api/documents/${id}`)).json()).toMatchObject({ status: 'reviewed', signerName: null });
    expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' }), 200);

    // 复核 before numbering
    const early = await a.clerk.post(`/api/documents/${id}/number`);
    expectStatus(early, 409);
    expect(early.json().error.code).toBe('NOT_RECHECKED');
    expectStatus(await a.clerk.post(`/api/documents/${id}/recheck`), 200);
    const num = await a.clerk.post(`/api/documents/${id}/number`);
    expectStatus(num, 200);
    expect(num.json().docNumber).toMatch(/^清委办发〔\d{4}〕[1-9]\d*号$/);

    const disp = await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' });
    expectStatus(disp, 200);
    expect(disp.json().deliveries).toBe(18);
    const audits = await database.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.dispatch' AND entity_id = $1",
      [id],
    );
    expect(audits.rows[0].n).toBe(1);

    // the township sees it in its inbox
    const inbox = (await town01.get('/api/inbox')).json();
    const item = inbox.items.find((i: { documentId: string }) => i.documentId === id);
    expect(item).toMatchObject({ title: '关于开展乡镇办公室规范化建设工作的通知', docNumber: num.json().docNumber, status: 'pending' });
    const doc = (await town01.get(`/api/documents/${id}`)).json();
    expect(doc.body).toContain('各乡镇于月底前报送');
    expect(doc.allowedActions).not.toContain('dispatchOnline');

    const ack = await town01.post(`/api/deliveries/${item.id}/acknowledge`);
    expectStatus(ack, 200);
    expect(ack.json().serial).toMatch(/^收〔\d{4}〕\d+号$/);
    expectStatus(await town01.post(`/api/deliveries/${item.id}/acknowledge`), 409);

    const receipts = (await a.clerk.get(`/api/documents/${id}/deliveries`)).json();
    expect(receipts.items).toHaveLength(18);
    expect(receipts.summary).toMatchObject({ acknowledged: 1, pending: 17 });
    const mine = receipts.items.find((r: { id: string }) => r.id === item.id);
    expect(mine).toMatchObject({ status: 'acknowledged', recipientOrgId: townships[0] });
    expect(mine.acknowledgedAt).toBeTruthy();

    // another township returns its copy; the sender withdraws a third one and reminds a fourth
    const inbox2 = (await town02.get('/api/inbox')).json().items.find((i: { documentId: string }) => i.documentId === id);
    expect((await town02.post(`/api/deliveries/${inbox2.id}/return`, { reason: '非本单位事项' })).json().status).toBe('returned');
    const third = receipts.items.find((r: { recipientOrgId: string }) => r.recipientOrgId === townships[2]);
    expect((await a.clerk.post(`/api/deliveries/${third.id}/withdraw`)).json().status).toBe('withdrawn');
    const fourth = receipts.items.find((r: { recipientOrgId: string }) => r.recipientOrgId === townships[3]);
    expect((await a.clerk.post(`/api/deliveries/${fourth.id}/remind`, { note: '请尽快签收' })).json().reminderCount).toBe(1);
    expectStatus(await a.clerk.post(`/api/deliveries/${fourth.id}/remind`, { note: '' }), 409);

    // processing on the township's processing slip
    const incId = ack.json().incomingId;
    const town01Leader = await as(app, 'town01.leader');
    let inc = (await town01.get(`/api/incoming/${incId}`)).json();
    expect(inc).toMatchObject({ status: 'received', channel: 'online', senderName: '中共清溪县委办公室' });
    expect(inc.allowedActions).toContain('screen');
    expectStatus(await town01.post(`/api/incoming/${incId}/screen`, { decision: 'act' }), 200);
    expectStatus(await town01.post(`/api/incoming/${incId}/propose`, { proposal: '拟请党委副书记阅示，由党政办承办。' }), 200);
    const leaderId = town01Leader && (await town01Leader.get('/api/me')).json().id;
    const clerkId = (await town01.get('/api/me')).json().id;
    // urgent: a deadline is required
    expectStatus(
      await town01Leader.post(`/api/incoming/${incId}/instruct`, { instruction: '请党政办抓好落实。', handlerIds: [clerkId] }),
      422,
    );
    inc = (
      await town01Leader.post(`/api/incoming/${incId}/instruct`, {
        instruction: '请党政办抓好落实。',
        handlerIds: [clerkId],
        deadline: '2099-12-31',
      })
    ).json();
    expect(inc).toMatchObject({ status: 'in_progress', deadline: '2099-12-31' });
    expectStatus(await town01.post(`/api/incoming/${incId}/remind`, { note: '请按时办结' }), 200);
    inc = (await town01.post(`/api/incoming/${incId}/close`, { result: '已按要求完成' })).json();
    expect(inc).toMatchObject({ status: 'closed', result: '已按要求完成' });
    // 答复: a reply (复文) drafted to the county office, quoting the notice's title and number
    const rep = await town01.post(`/api/incoming/${incId}/reply`);
    expectStatus(rep, 201);
    const replyDoc = (await town01.get(`/api/documents/${rep.json().documentId}`)).json();
    expect(replyDoc).toMatchObject({ status: 'draft', mainRecipientOrgIds: [(await orgIds(a.clerk)).countyOffice] });
    expect(replyDoc.replyTo.docNumber).toBe(num.json().docNumber);
    expect(leaderId).toBeTruthy();

    // registers
    const out = (await a.clerk.get(`/api/registers/outgoing?q=${encodeURIComponent(num.json().docNumber)}`)).json();
    expect(out.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      docNumber: num.json().docNumber,
      channel: 'online',
      signer: expect.any(String),
    });
    const incReg = (await town01.get(`/api/registers/incoming?q=${encodeURIComponent(num.json().docNumber)}`)).json();
    expect(incReg.items.find((r: { id: string }) => r.id === incId)).toMatchObject({
      serial: ack.json().serial,
      instruction: '请党政办抓好落实。',
    });
    const xlsx = await a.clerk.get('/api/registers/outgoing?format=xlsx');
    expectStatus(xlsx, 200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const regPdf = await town01.get('/api/registers/incoming?format=pdf');
    expectStatus(regPdf, 200);
    expect(regPdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // the GB/T 9704 document, the drafting slip and the processing slip print as PDF
    for (const url of [`/api/documents/${id}/pdf`, `/api/documents/${id}/slip`, `/api/incoming/${incId}/slip`]) {
      const pdf = await town01.get(url);
      expectStatus(pdf, 200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('circulates a document to read with read receipts', async () => {
    const id = await signedNotice(a, [townships[4]!], { number: true });
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
    const t5 = await as(app, 'town05.clerk');
    const t5Leader = await as(app, 'town05.leader');
    const item = (await t5.get('/api/inbox?status=pending')).json().items.find((i: { documentId: string }) => i.documentId === id);
    const incId = (await t5.post(`/api/deliveries/${item.id}/acknowledge`)).json().incomingId;
    await t5.post(`/api/incoming/${incId}/screen`, { decision: 'read' });
    const leaderId = (await t5Leader.get('/api/me')).json().id;
    expectStatus(await t5.post(`/api/incoming/${incId}/circulate`, { userIds: [leaderId] }), 200);
    let inc = (await t5Leader.get(`/api/incoming/${incId}`)).json();
    expect(inc.allowedActions).toContain('read');
    expect(inc.circulation[0]).toMatchObject({ readAt: null });
    inc = (await t5Leader.post(`/api/incoming/${incId}/read`, { note: '已阅' })).json();
    expect(inc.status).toBe('closed');
    expect(inc.circulation[0].note).toBe('已阅');
  });

  it('registers a classified paper document as metadata only and shows it with channel paper', async () => {
    const refused = await town01.post('/api/incoming', {
      senderName: '县保密局',
      title: '某涉密文件',
      classification: 'secret',
      receivedDate: '2026-03-02',
      body: '正文',
    });
    expectStatus(refused, 422);
    const ok = await town01.post('/api/incoming', {
      senderName: '县保密局',
      docNumber: '清保发〔2026〕3号',
      title: '关于某事项的通知',
      classification: 'secret',
      copies: 2,
      copyNumbers: '000011-000012',
      receivedDate: '2026-03-02',
    });
    expectStatus(ok, 201);
    expect(ok.json()).toMatchObject({ channel: 'paper', classification: 'secret', body: null });
    const reg = (await town01.get('/api/registers/incoming?channel=paper')).json();
    expect(reg.items.some((r: { id: string }) => r.id === ok.json().id)).toBe(true);
  });
});

describe('API description', () => {
  it('documents every route of the module in /api/openapi.json', async () => {
    const spec = (await a.clerk.get('/api/openapi.json')).json();
    for (const p of [
      '/api/documents',
      '/api/documents/{id}',
      '/api/documents/{id}/number',
      '/api/inbox',
      '/api/deliveries/{id}/acknowledge',
      '/api/incoming/{id}/instruct',
      '/api/registers/outgoing',
      '/api/metrics/online-share',
      '/api/documents/{id}/attachments',
    ])
      expect(Object.keys(spec.paths), p).toContain(p);
    expect(JSON.stringify(spec.paths['/api/documents/{id}'].get.responses['200'])).toContain('allowedActions');
  });
});

describe('metrics', () => {
  it('reports the online share per sending org and month; the demo county is over 90% online', async () => {
    const year = new Date().getFullYear();
    const res = await a.admin.get(`/api/metrics/online-share?year=${year - 1}`);
    expectStatus(res, 200);
    const items = res.json().items as { orgId: string; month: number; online: number; total: number }[];
    expect(items.length).toBeGreaterThan(12);
    const online = items.reduce((s, i) => s + i.online, 0);
    const total = items.reduce((s, i) => s + i.total, 0);
    expect(online / total).toBeGreaterThan(0.9);
    expect(online).toBeLessThan(total);
    const own = (await town01.get(`/api/metrics/online-share?year=${year - 1}`)).json().items as { orgId: string }[];
    expect(new Set(own.map((i) => i.orgId)).size).toBe(1);
  });
});

describe('wrong transitions write nothing', () => {
  it('refuses sign-off before review, numbering before sign-off, dispatch twice', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '函',
      title: '关于商请支持的函',
      body: '函正文',
      mainRecipientOrgIds: [townships[0]],
    });
    const id = d.json().id;
    let before = await tableDigest(database);
    expectStatus(await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' }), 409);
    expectStatus(await a.clerk.post(`/api/documents/${id}/number`), 409);
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 409);
    expect(await tableDigest(database)).toBe(before);

    const signed = await signedNotice(a, [townships[0]!], { number: true });
    expectStatus(await a.clerk.post(`/api/documents/${signed}/number`), 409);
    expectStatus(await a.clerk.post(`/api/documents/${signed}/dispatch`, { channel: 'online' }), 200);
    before = await tableDigest(database);
    const again = await a.clerk.post(`/api/documents/${signed}/dispatch`, { channel: 'online' });
    expectStatus(again, 409);
    expect(again.json().error.message).toContain('已分发');
    expect(await tableDigest(database)).toBe(before);
  });

  it("hides another org's delivery and an undelivered document (404), and refuses a clerk signing off (403)", async () => {
    const id = await signedNotice(a, [townships[0]!], { number: true });
    await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' });
    const delivery = (await town01.get('/api/inbox')).json().items.find((i: { documentId: string }) => i.documentId === id);
    const before = await tableDigest(database);
    expectStatus(await town02.post(`/api/deliveries/${delivery.id}/acknowledge`), 404);
    expectStatus(await town02.post(`/api/deliveries/${delivery.id}/return`, { reason: 'x' }), 404);
    expectStatus(await town02.get(`/api/documents/${id}`), 404);
    expectStatus(await town02.get(`/api/documents/${id}/deliveries`), 404);
    expectStatus(await town01.get(`/api/documents/${id}/deliveries`), 404);
    expectStatus(await a.clerk.post(`/api/documents/${id}/sign-off`, { opinion: 'x' }), 403);
    expect(await tableDigest(database)).toBe(before);
    expectStatus(await town01.get(`/api/documents/${id}`), 200);
  });

  it('refuses empty recipients, an unknown recipient, a title over the limit', async () => {
    const before = await tableDigest(database);
    const base = { docType: '通知', title: '标题', body: 'x', mainRecipientOrgIds: [townships[0]] };
    expectStatus(await a.clerk.post('/api/documents', { ...base, mainRecipientOrgIds: [] }), 400);
    expectStatus(await a.clerk.post('/api/documents', { ...base, mainRecipientOrgIds: ['00000000-0000-4000-8000-000000000000'] }), 422);
    expectStatus(await a.clerk.post('/api/documents', { ...base, title: '长'.repeat(201) }), 400);
    expectStatus(await a.clerk.post('/api/documents', { ...base, docType: 'notice' }), 400);
    expect(await tableDigest(database)).toBe(before);
  });
});
