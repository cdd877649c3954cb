/**
 * Issue 13, signed documents: a document dispatched online is signed with its issuing org's SM2 key
 * over the PDF's bytes; the PDF is served as exactly those bytes to the sender and every recipient,
 * the signature is checked here with node:crypto against the public key in the key store folder (not
 * through the service that made it), and a copy posted to /verify verifies only when it is byte for
 * byte the dispatched file. Paper and classified documents carry no signature and say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { keyFolderSigner } from '../../src/platform/document-signing.ts';
import { as, login, tableDigest, testApp, TEST_KEYS_DIR } from '../helpers.ts';
import { readPdf } from '../print/pdf-reader.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Actors, type Client } from './fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];
let countyOffice: string;
let town01: Client;
let town02: Client;
let docId: string;
let pdf: Buffer;

const sm3 = (b: Buffer) => createHash('sm3').update(b).digest('hex');

async function dispatchedNotice(title: string, recipients: string[]): Promise<string> {
  const id = await signedNotice(a, recipients, { number: true, title });
  expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' }), 200);
  return id;
}

const postPdf = (c: Client, id: string, bytes: Buffer) =>
  c.post(`/api/documents/${id}/verify`, bytes, { 'content-type': 'application/pdf' });

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  ({ townships, countyOffice } = await orgIds(a.clerk));
  town01 = await as(app, 'town01.clerk');
  town02 = await as(app, 'town02.clerk');
  docId = await dispatchedNotice('关于做好冬季森林防火工作的通知', [townships[0]!]);
  const res = await a.clerk.get(`/api/documents/${docId}/pdf`);
  expectStatus(res, 200);
  pdf = res.rawPayload;
});

describe('signing at dispatch', () => {
  it("signs the dispatched PDF with the issuing org's SM2 key, which node:crypto verifies from the key folder", async () => {
    const row = (
      await database.pool.query(
        'SELECT org_id, pdf, sm3, key_fingerprint, signature, signed_by FROM document_signatures WHERE document_id = $1',
        [docId],
      )
    ).rows[0];
    expect(row.org_id).toBe(countyOffice);
    expect(Buffer.compare(row.pdf, pdf)).toBe(0);
    expect(row.sm3).toBe(sm3(pdf));
    const pub = createPublicKey(fs.readFileSync(path.join(TEST_KEYS_DIR, 'orgs', countyOffice, 'trusted', `${row.key_fingerprint}.pem`)));
    // The SM2 curve's OID in the public key: an SM2 key, not a generic EC one.
    expect(pub.export({ type: 'spki', format: 'der' }).includes(Buffer.from('06082a811ccf5501822d', 'hex'))).toBe(true);
    expect(verify('sm3', pdf, pub, Buffer.from(row.signature, 'base64'))).toBe(true);
    const flipped = Buffer.from(pdf);
    flipped[flipped.length >> 1]! ^= 0x01;
    expect(verify('sm3', flipped, pub, Buffer.from(row.signature, 'base64'))).toBe(false);
    // The private key is in the folder, never in the database.
    const dump = JSON.stringify((await database.pool.query('SELECT * FROM document_signatures')).rows);
    expect(dump).not.toContain('PRIVATE KEY');
    expect(fs.statSync(path.join(TEST_KEYS_DIR, 'orgs', countyOffice, 'signing.key.pem')).mode & 0o077).toBe(0);
  });

  it('serves the same signed bytes on every download, to the sender and to the recipient, and the PDF is the document', async () => {
    const again = await a.clerk.get(`/api/documents/${docId}/pdf`);
    expect(Buffer.compare(again.rawPayload, pdf)).toBe(0);
    const recipient = await town01.get(`/api/documents/${docId}/pdf`);
    expectStatus(recipient, 200);
    expect(Buffer.compare(recipient.rawPayload, pdf)).toBe(0);
    const text = (await readPdf(pdf)).map((p) => p.items.map((i) => i.str).join('')).join('');
    expect(text).toContain('关于做好冬季森林防火工作的通知');
  });

  it('records the signature in the dispatch audit row', async () => {
    const audit = (await database.pool.query("SELECT after FROM audit_log WHERE action = 'document.dispatch' AND entity_id = $1", [docId]))
      .rows[0];
    expect(audit.after.signature.sm3).toBe(sm3(pdf));
  });

  it('says a document sent on paper is not signed', async () => {
    const id = await signedNotice(a, [townships[0]!], { number: true, title: '关于报送纸质材料的通知' });
    expectStatus(await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'paper', copies: 3 }), 200);
    const state = await a.clerk.get(`/api/documents/${id}/verify`);
    expectStatus(state, 200);
    expect(state.json()).toMatchObject({ signed: false, verifies: false, reason: 'not_signed' });
    expect((await postPdf(a.clerk, id, pdf)).json()).toMatchObject({ verifies: false, reason: 'not_signed' });
  });
});

describe('GET /api/documents/{id}/verify', () => {
  it("shows the recipient's copy as signed and verifying, naming the issuing org", async () => {
    const res = await town01.get(`/api/documents/${docId}/verify`);
    expectStatus(res, 200);
    const body = res.json();
    expect(body).toMatchObject({ signed: true, verifies: true, reason: 'valid', orgName: '中共清溪县委办公室', sm3: sm3(pdf) });
    expect(body.message).toContain('验证通过');
    expect(body.signedBy).toBeTruthy();
  });

  it('answers in the reader’s language', async () => {
    const en = await town01.get(`/api/documents/${docId}/verify`, { 'accept-language': 'en' });
    expect(en.json().message).toMatch(/^Verified/);
    const tw = await town01.get(`/api/documents/${docId}/verify`, { 'accept-language': 'zh-TW' });
    expect(tw.json().message).toContain('驗證通過');
  });

  it('is not found for another township', async () => {
    expectStatus(await town02.get(`/api/documents/${docId}/verify`), 404);
  });
});

describe('POST /api/documents/{id}/verify', () => {
  it('verifies a byte-identical copy, raw or as a multipart upload', async () => {
    const raw = await postPdf(town01, docId, pdf);
    expectStatus(raw, 200);
    expect(raw.json()).toMatchObject({ verifies: true, reason: 'valid', sm3: sm3(pdf), signedSm3: sm3(pdf), size: pdf.length });
    const boundary = '----verify' + Date.now();
    const multipart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="copy.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const mp = await town01.post(`/api/documents/${docId}/verify`, multipart, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expectStatus(mp, 200);
    expect(mp.json().verifies).toBe(true);
  });

  it('does not verify a copy with one byte changed, a truncated copy, or another document’s PDF, and writes nothing', async () => {
    const other = await dispatchedNotice('关于开展安全生产大检查的通知', [townships[0]!]);
    const otherPdf = (await a.clerk.get(`/api/documents/${other}/pdf`)).rawPayload;
    const before = await tableDigest(database);
    const flipped = Buffer.from(pdf);
    flipped[200]! ^= 0x20;
    for (const bytes of [flipped, pdf.subarray(0, pdf.length - 10), otherPdf, Buffer.from('not a pdf at all')]) {
      const res = await postPdf(town01, docId, bytes);
      expectStatus(res, 200);
      expect(res.json()).toMatchObject({ verifies: false, reason: 'altered' });
      expect(res.json().message).toContain('验证未通过');
    }
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses an empty body or a JSON body with a message, and another township’s document with 404', async () => {
    // As curl sends a POST with no body: no content type, no bytes.
    const s = await login(app, 'town01.clerk');
    const empty = await app.inject({
      method: 'POST',
      url: `/api/documents/${docId}/verify`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    expectStatus(empty, 400);
    expect(empty.json().error.message).toContain('请选择要上传的文件');
    const json = await town01.post(`/api/documents/${docId}/verify`, { pdf: 'x' });
    expectStatus(json, 400);
    expect(json.json().error.message).toContain('请选择要上传的文件');
    expectStatus(await postPdf(town02, docId, pdf), 404);
    expectStatus(await postPdf(town01, '00000000-0000-4000-8000-000000000000', pdf), 404);
  });

  it('finds a stored signature that no longer matches its bytes (a changed row) and says so', async () => {
    const id = await dispatchedNotice('关于做好元旦期间值班工作的通知', [townships[0]!]);
    const { rows } = await database.pool.query('SELECT signature FROM document_signatures WHERE document_id = $1', [id]);
    const sig = Buffer.from(rows[0].signature, 'base64');
    sig[sig.length - 1]! ^= 0x01;
    await database.pool.query('UPDATE document_signatures SET signature = $2 WHERE document_id = $1', [id, sig.toString('base64')]);
    expect((await a.clerk.get(`/api/documents/${id}/verify`)).json()).toMatchObject({ signed: true, verifies: false });
  });
});

describe('the key folder', () => {
  it('keeps verifying documents signed before a key rotation, and signs later ones with the new key', async () => {
    const before = (await database.pool.query('SELECT key_fingerprint FROM document_signatures WHERE document_id = $1', [docId])).rows[0]
      .key_fingerprint as string;
    const fresh = keyFolderSigner(TEST_KEYS_DIR).rotate(countyOffice);
    expect(fresh).not.toBe(before);
    expect((await town01.get(`/api/documents/${docId}/verify`)).json()).toMatchObject({ verifies: true, fingerprint: before });
    const later = await dispatchedNotice('关于做好岁末年初安全稳定工作的通知', [townships[0]!]);
    const state = (await a.clerk.get(`/api/documents/${later}/verify`)).json();
    expect(state).toMatchObject({ verifies: true, fingerprint: fresh });
  });

  it('says a signature whose key is not in the folder does not verify (unknown key)', async () => {
    const id = await dispatchedNotice('关于报送年度工作总结的通知', [townships[0]!]);
    await database.pool.query(`UPDATE document_signatures SET key_fingerprint = repeat('ab', 32) WHERE document_id = $1`, [id]);
    expect((await a.clerk.get(`/api/documents/${id}/verify`)).json()).toMatchObject({ verifies: false, reason: 'unknown_key' });
  });
});
