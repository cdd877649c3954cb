import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, login, tableDigest, testApp, type Session } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Actors } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-files-'));

beforeAll(async () => {
  ({ app, database } = await testApp({ config: { dataDir, maxUploadBytes: 200_000 } }));
  a = await countyActors(app);
  townships = (await orgIds(a.clerk)).townships;
});

describe('numbering', () => {
  it('200 concurrent numbering requests yield exactly 1…200 of a fresh prefix and year', async () => {
    await database.pool.query("UPDATE orgs SET number_prefix = '测试发' WHERE code = 'XWB'");
    const ids: string[] = [];
    // Signed-off documents made in bulk (the HTTP path to sign-off is tested elsewhere).
    const r = await database.pool.query(
      `
      INSERT INTO documents (org_id, doc_type, title, body, main_recipient_org_ids, drafter_id, status, signer_id, signer_name, signed_at, written_date,
                             rechecked_by, rechecked_at)
      SELECT o.id, '通知', '并发编号 ' || g, '正文', ARRAY[$1::uuid], u.id, 'signed_off', u.id, u.display_name, now(), now()::date, u.id, now()
      FROM generate_series(1, 200) g, orgs o, users u WHERE o.code = 'XWB' AND u.username = 'county.leader' RETURNING id`,
      [townships[0]],
    );
    for (const row of r.rows) ids.push(row.id);
    const results = await Promise.all(ids.map((id) => a.clerk.post(`/api/documents/${id}/number`)));
    expect(results.every((x) => x.statusCode === 200)).toBe(true);
    const seqs = results.map((x) => Number(/〕(\d+)号$/.exec(x.json().docNumber)![1])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await database.pool.query("UPDATE orgs SET number_prefix = '清委办发' WHERE code = 'XWB'");
  });

  it('a void document keeps its number and the next one is not reused', async () => {
    const id = await signedNotice(a, [townships[0]!], { number: true });
    const num = (await a.clerk.get(`/api/documents/${id}`)).json().docNumber;
    expectStatus(await a.clerk.post(`/api/documents/${id}/void`, { reason: '内容有误' }), 200);
    const id2 = await signedNotice(a, [townships[0]!], { number: true });
    const num2 = (await a.clerk.get(`/api/documents/${id2}`)).json().docNumber;
    const seq = (n: string) => Number(/〕(\d+)号$/.exec(n)![1]);
    expect(seq(num2)).toBe(seq(num) + 1);
    const reg = (await a.clerk.get(`/api/registers/outgoing?q=${encodeURIComponent(num)}`)).json();
    expect(reg.items[0]).toMatchObject({ docNumber: num, void: true });
  });
});

describe('classified documents are metadata of a paper original only', () => {
  it('refuses a body, and the online channel, with a clear 422', async () => {
    const before = await tableDigest(database);
    const res = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '涉密通知',
      body: '正文',
      mainRecipientOrgIds: [townships[0]],
      classification: 'secret',
    });
    expectStatus(res, 422);
    expect(res.json().error.message).toContain('涉密');
    expect(await tableDigest(database)).toBe(before);

    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '涉密通知（登记）',
      mainRecipientOrgIds: [townships[0]],
      classification: 'confidential',
    });
    expectStatus(d, 201);
    const id = d.json().id;
    expectStatus(await a.clerk.patch(`/api/documents/${id}`, { body: '补写正文' }), 422);
    await a.clerk.post(`/api/documents/${id}/submit`);
    await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '' });
    await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    await a.clerk.post(`/api/documents/${id}/recheck`);
    await a.clerk.post(`/api/documents/${id}/number`);
    const mid = await tableDigest(database);
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 422);
    expect(await tableDigest(database)).toBe(mid);
    const paper = await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'paper', copies: 3, copyNumbers: '000001-000003' });
    expect(paper.json()).toMatchObject({ status: 'dispatched', channel: 'paper', deliveries: 0 });
    const reg = (await a.clerk.get('/api/registers/outgoing?channel=paper&classification=confidential')).json();
    expect(reg.items.find((r: { id: string }) => r.id === id)).toMatchObject({ channel: 'paper', copies: 3 });
    const up = await upload(a.clerk, id, 'x.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'));
    expect([409, 422]).toContain(up.statusCode);
  });

  it('the database refuses a body, an attachment or an online delivery of a classified document', async () => {
    const q = (text: string, params: unknown[] = []) =>
      database.pool.query(text, params).then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
    const base = `INSERT INTO documents (org_id, doc_type, title, main_recipient_org_ids, drafter_id, classification, body)
      SELECT o.id, '通知', 't', ARRAY[o.id], u.id, 'secret', $1 FROM orgs o, users u WHERE o.code = 'XWB' AND u.username = 'county.clerk'`;
    expect(await q(base, ['正文'])).toBe('23514');
    const ok = await database.pool.query(`${base} RETURNING id`, [null]);
    const docId = ok.rows[0].id;
    expect(
      await q(
        `INSERT INTO deliveries (org_id, sender_org_id, document_id, document_classification, recipient_kind) SELECT id, id, $1, 'secret', 'main' FROM orgs WHERE code = 'T01'`,
        [docId],
      ),
    ).toBe('23514');
    expect(
      await q(
        `INSERT INTO deliveries (org_id, sender_org_id, document_id, document_classification, recipient_kind) SELECT id, id, $1, 'none', 'main' FROM orgs WHERE code = 'T01'`,
        [docId],
      ),
    ).toBe('23503');
    expect(await q(`UPDATE documents SET channel = 'online', status = 'dispatched' WHERE id = $1`, [docId])).toBe('23514');
    await database.pool.query(
      `INSERT INTO stored_files (sha256, org_id, size, mime) SELECT repeat('a', 64), id, 1, 'application/pdf' FROM orgs WHERE code = 'XWB' ON CONFLICT DO NOTHING`,
    );
    expect(
      await q(
        `INSERT INTO document_attachments (org_id, document_id, document_classification, sha256, file_name, mime, size, uploaded_by)
      SELECT o.id, $1, 'secret', repeat('a', 64), 'a.pdf', 'application/pdf', 1, u.id FROM orgs o, users u WHERE o.code = 'XWB' AND u.username = 'county.clerk'`,
        [docId],
      ),
    ).toBe('23514');
    expect(
      await q(`INSERT INTO incoming (org_id, serial_year, serial_seq, serial, channel, sender_name, title, classification, body, received_date, received_by)
      SELECT o.id, 2026, 99999, 'x', 'paper', 's', 't', 'secret', '正文', '2026-01-01', u.id FROM orgs o, users u WHERE o.code = 'T01' AND u.username = 'town01.clerk'`),
    ).toBe('23514');
  });
});

async function upload(c: ReturnType<typeof import('../helpers.ts').client>, id: string, name: string, bytes: Buffer) {
  const boundary = '----docs' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.post(`/api/documents/${id}/attachments`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  it('stores by content, refuses a forbidden type and an oversized file, downloads under the Chinese name, and delivers it whole', async () => {
    const d = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '附件测试',
      body: '见附件',
      mainRecipientOrgIds: [townships[5]],
    });
    const id = d.json().id;
    const up = await upload(a.clerk, id, '附件1：统计表.pdf', pdf);
    expectStatus(up, 201);
    expect(up.json()).toMatchObject({ fileName: '附件1：统计表.pdf', mime: 'application/pdf' });
    const stored = fs.readdirSync(path.join(dataDir, 'files'), { recursive: true }).map(String);
    expect(stored.some((f) => /[0-9a-f]{64}$/.test(f))).toBe(true);
    const before = await tableDigest(database);
    expectStatus(await upload(a.clerk, id, 'virus.pdf', Buffer.from('MZ\x90\x00 this is an exe pretending')), 415);
    expectStatus(await upload(a.clerk, id, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(300_000)])), 413);
    expect(await tableDigest(database)).toBe(before);

    await a.clerk.post(`/api/documents/${id}/submit`);
    await a.admin.post(`/api/documents/${id}/review`, { decision: 'approve', comment: '' });
    await a.leader.post(`/api/documents/${id}/sign-off`, { opinion: '同意' });
    await a.clerk.post(`/api/documents/${id}/recheck`);
    await a.clerk.post(`/api/documents/${id}/number`);
    await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' });
    const t6 = await as(app, 'town06.clerk');
    const doc = (await t6.get(`/api/documents/${id}`)).json();
    expect(doc.attachments).toHaveLength(1);
    const dl = await t6.get(`/api/documents/${id}/attachments/${doc.attachments[0].id}`);
    expectStatus(dl, 200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('附件1').replace(/[()]/g, '')}`);
    const t7 = await as(app, 'town07.clerk');
    expectStatus(await t7.get(`/api/documents/${id}/attachments/${doc.attachments[0].id}`), 404);
  });
});

describe('live inbox (server-sent events)', () => {
  it("a new delivery reaches the recipient org's open event stream, and not another org's", async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const open = (s: Session) =>
      new Promise<{ events: string[]; close: () => void; ready: Promise<void> }>((resolve) => {
        const events: string[] = [];
        let onReady: () => void;
        const ready = new Promise<void>((r) => (onReady = r));
        const req = http.get(`${address}/api/events`, { headers: { cookie: s.cookie } }, (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            events.push(chunk);
            if (chunk.includes('event: ready')) onReady();
          });
        });
        resolve({ events, close: () => req.destroy(), ready });
      });
    const s8 = await login(app, 'town08.clerk');
    const s9 = await login(app, 'town09.clerk');
    const e8 = await open(s8);
    const e9 = await open(s9);
    await Promise.all([e8.ready, e9.ready]);
    const id = await signedNotice(a, [townships[7]!], { number: true });
    await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' });
    const deadline = Date.now() + 5000;
    while (!e8.events.join('').includes('delivery.created') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(e8.events.join('')).toContain(`"documentId":"${id}"`);
    expect(e9.events.join('')).not.toContain('delivery.created');
    e8.close();
    e9.close();
  });

  it('travels between server processes through LISTEN/NOTIFY: dispatched on one, received on another', async () => {
    const db2 = connect(database.url, 'external', 4);
    afterAll(() => db2.close());
    const second = await buildApp({ config: loadConfig({ dataDir, webDist: undefined }), database: db2 });
    const address = await second.listen({ port: 0, host: '127.0.0.1' });
    const s10 = await login(second, 'town10.clerk');
    const chunks: string[] = [];
    const ready = new Promise<void>((resolve) => {
      const req = http.get(`${address}/api/events`, { headers: { cookie: s10.cookie } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          chunks.push(c);
          if (c.includes('event: ready')) resolve();
        });
      });
      afterAll(() => req.destroy());
    });
    await ready;
    const id = await signedNotice(a, [townships[9]!], { number: true });
    await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' });
    const deadline = Date.now() + 5000;
    while (!chunks.join('').includes(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(chunks.join('')).toContain(`"documentId":"${id}"`);
    await second.close();
  });
});

describe('automatic 催办', () => {
  it('reminds open entries due tomorrow or overdue, once per day, however often the job runs', async () => {
    const { runDeadlineReminders } = await import('../../src/modules/documents/documents.jobs.ts');
    const r = await database.pool
      .query(`UPDATE incoming SET status = 'in_progress', deadline = now()::date - 3, handler_ids = ARRAY[received_by]
      WHERE id = (SELECT id FROM incoming WHERE channel = 'online' ORDER BY serial_seq LIMIT 1) RETURNING id`);
    const id = r.rows[0].id;
    const first = await runDeadlineReminders(database.db);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await runDeadlineReminders(database.db)).toBe(0);
    const rows = await database.pool.query(`SELECT kind FROM document_reminders WHERE incoming_id = $1`, [id]);
    expect(rows.rows.map((x) => x.kind)).toEqual(['after_deadline']);
  });
});
