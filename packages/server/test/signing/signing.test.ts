/**
 * The security administrator's seal picture and signing keys (issue 13): PUT/GET/DELETE
 * /api/orgs/{id}/seal with a validated PNG, audited; the seal on the org's documents (GB/T 9704-2012
 * 7.3.5.1: "印章端正、居中下压发文机关署名和成文日期"; 7.3.5.2 without one); the keys listed and rotated
 * in the key store outside the database, a document signed before a rotation still verifying after it,
 * and a forged PDF never verifying. Every refusal is a 4xx a clerk can act on and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';
import { as, tableDigest, testApp, TEST_KEYS_DIR } from '../helpers.ts';
import { countyActors, expectStatus, orgIds, signedNotice, type Actors, type Client } from '../documents/fixtures.ts';
import { readImages } from '../print/pdf-images.ts';
import { readOfd } from '../print/ofd-reader.ts';
import { makePng } from '../support/png.ts';

let app: App;
let database: Database;
let a: Actors;
let sec: Client;
let townships: string[];
let countyOffice: string;
let town05: string;

const png = (c: Client, orgId: string, bytes: Buffer, lang?: string) =>
  c.put(`/api/orgs/${orgId}/seal`, bytes, { 'content-type': 'image/png', ...(lang ? { 'accept-language': lang } : {}) });
const audits = async (action: string, orgId: string) =>
  (
    await database.pool.query(`SELECT before, after, actor_username FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id`, [
      action,
      orgId,
    ])
  ).rows;

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  sec = await as(app, 'secadmin');
  ({ townships, countyOffice } = await orgIds(a.clerk));
  town05 = townships[4]!;
});

describe('the seal picture', () => {
  it('the security administrator sets, reads and replaces an org’s seal; audited', async () => {
    const seal = makePng({ width: 360, height: 360 });
    const res = await png(sec, town05, seal);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ orgId: town05, width: 360, height: 360, bytes: seal.length, transparent: true, warnings: [] });
    const back = await sec.get(`/api/orgs/${town05}/seal`);
    expectStatus(back, 200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(seal)).toBe(true);
    const info = (await sec.get(`/api/orgs/${town05}/signing`)).json();
    expect(info.seal).toMatchObject({ width: 360, transparent: true, setByName: '安全保密管理员' });
    // Replaced by an opaque one: accepted, with the advice.
    const opaque = makePng({ width: 300, height: 280, alpha: false, pixel: () => [230, 0, 18, 255] });
    const second = await png(sec, town05, opaque);
    expectStatus(second, 200);
    expect(second.json()).toMatchObject({ transparent: false, warnings: ['opaque'] });
    const rows = await audits('org.seal.set', town05);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actor_username: 'secadmin',
      before: { width: 360 },
      after: { width: 300, height: 280, transparent: false },
    });
    expect(JSON.stringify(rows)).not.toContain(seal.toString('base64').slice(0, 40));
  });

  it('refuses what is not a usable seal picture, in the caller’s language, writing nothing', async () => {
    const before = await tableDigest(database);
    const good = makePng({ width: 300, height: 300 });
    const cases: [string, Buffer, number, string][] = [
      ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(60).fill(0)]), 415, 'SEAL_NOT_PNG'],
      ['a PNG cut short', good.subarray(0, good.length - 20), 422, 'SEAL_CORRUPT'],
      ['a PNG with a damaged chunk', Buffer.from(good).fill(0x55, 60, 64), 422, 'SEAL_CORRUPT'],
      ['a wide banner', makePng({ width: 600, height: 300 }), 422, 'SEAL_NOT_SQUARE'],
      ['a thumbnail', makePng({ width: 64, height: 64 }), 422, 'SEAL_SIZE'],
      ['16-bit channels', makePng({ width: 220, height: 220, bitDepth: 16 }), 422, 'SEAL_DEPTH'],
      // Noise does not compress: 440 × 440 RGBA is ~760 KB.
      [
        'over 512 KB',
        makePng({ width: 440, height: 440, pixel: (x, y) => [(x * 7919 + y * 104729) % 251, (x * y) % 253, (x + y * 31) % 255, 255] }),
        413,
        'SEAL_TOO_LARGE',
      ],
    ];
    for (const [what, bytes, status, code] of cases) {
      const r = await png(sec, town05, bytes);
      expect(r.statusCode, `${what}: ${r.body}`).toBe(status);
      expect(r.json().error.code, what).toBe(code);
    }
    const wide = await png(sec, town05, makePng({ width: 600, height: 300 }), 'en');
    expect(wide.json().error.message).toContain('600×300 pixels; it should be about square');
    const zh = await png(sec, town05, makePng({ width: 600, height: 300 }));
    expect(zh.json().error.message).toContain('应接近正方形');
    expect((await sec.put(`/api/orgs/${town05}/seal`, Buffer.alloc(0), { 'content-type': 'image/png' })).statusCode).toBe(400);
    // Not the security administrator: the office's own staff, the system administrator.
    expect((await png(a.clerk, town05, good)).statusCode).toBe(403);
    expect((await png(await as(app, 'sysadmin'), town05, good)).statusCode).toBe(403);
    expect((await a.clerk.get(`/api/orgs/${town05}/seal`)).statusCode).toBe(403);
    expect((await png(sec, '00000000-0000-4000-8000-000000000000', good)).json().error.code).toBe('ORG_UNKNOWN');
    expect((await png(sec, 'not-an-id', good)).statusCode).toBe(400);
    expect(await tableDigest(database)).toBe(before);
  });

  it('generated bad bodies on PUT /api/orgs/{id}/seal: never a 5xx, nothing written', async () => {
    const before = await tableDigest(database);
    const good = makePng({ width: 240, height: 240 });
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      // A real PNG with bytes changed at random places.
      fc
        .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })
        .map((edits) => {
          const b = Buffer.from(good);
          for (const [i, v] of edits) b[i] = b[i] === v ? v ^ 1 : v;
          return b;
        }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('image/png', 'application/octet-stream', 'application/json'), async (b, type) => {
        const r = await sec.put(`/api/orgs/${town05}/seal`, b, { 'content-type': type });
        expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
        expect(r.statusCode, r.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    for (const url of [`/api/orgs/${town05}/signing-keys/rotate`]) {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { minKeys: 1, maxKeys: 3 }), async (junk) => {
          const r = await sec.post(url, junk);
          expect(r.statusCode, r.body).toBe(400);
        }),
        { numRuns: 20 },
      );
    }
    expect(await tableDigest(database)).toBe(before);
  });

  it('puts the seal on the org’s documents (7.3.5.1) while set, and none once removed (7.3.5.2)', async () => {
    const id = await signedNotice(a, [townships[0]!], { title: '关于做好元旦期间值班工作的通知' });
    expect(await readImages((await a.clerk.get(`/api/documents/${id}/pdf`)).rawPayload)).toHaveLength(0);
    const seal = makePng({ width: 400, height: 400 });
    expectStatus(await png(sec, countyOffice, seal), 200);
    const sealed = await a.clerk.get(`/api/documents/${id}/pdf`);
    expectStatus(sealed, 200);
    const [img] = await readImages(sealed.rawPayload);
    expect(img!.width / (72 / 25.4)).toBeCloseTo(40, 1);
    // The OFD carries the same picture.
    const ofd = await a.clerk.get(`/api/documents/${id}/ofd`);
    expectStatus(ofd, 200);
    const files = readOfd(ofd.rawPayload).files;
    expect(Object.entries(files).some(([name, bytes]) => name.endsWith('.png') && Buffer.from(bytes).equals(seal))).toBe(true);
    const del = await sec.delete(`/api/orgs/${countyOffice}/seal`);
    expectStatus(del, 200);
    expect(await audits('org.seal.delete', countyOffice)).toHaveLength(1);
    expect(await readImages((await a.clerk.get(`/api/documents/${id}/pdf`)).rawPayload)).toHaveLength(0);
    expect((await sec.get(`/api/orgs/${countyOffice}/seal`)).json().error.code).toBe('SEAL_NOT_SET');
    expect((await sec.delete(`/api/orgs/${countyOffice}/seal`)).json().error.code).toBe('SEAL_NOT_SET');
  });
});

describe('signing keys', () => {
  it('lists the org’s keys, rotates to a new SM2 key in the key store, and a document signed before the rotation verifies after it', async () => {
    const org = townships[2]!;
    const town = await as(app, 'town03.clerk');
    const townAdmin = await as(app, 'town03.leader');
    // A township's notice to its own villages is not modelled: the county office signs, so rotate the county office's key.
    const beforeId = await signedNotice(a, [townships[0]!], { number: true, title: '关于开展冬季安全生产大检查的通知' });
    expectStatus(await a.clerk.post(`/api/documents/${beforeId}/dispatch`, { channel: 'online' }), 200);
    const signedWith = (await a.clerk.get(`/api/documents/${beforeId}/verify`)).json().fingerprint as string;
    const listed = (await sec.get(`/api/orgs/${countyOffice}/signing`)).json();
    expect(listed.keyStore).toBe(true);
    expect(listed.keys.find((k: { current: boolean }) => k.current).fingerprint).toBe(signedWith);

    const rot = await sec.post(`/api/orgs/${countyOffice}/signing-keys/rotate`);
    expectStatus(rot, 200);
    const { fingerprint, previous } = rot.json();
    expect(previous).toBe(signedWith);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).not.toBe(signedWith);
    // The new private key is in the key store folder, not in the database.
    const keyFile = path.join(TEST_KEYS_DIR, 'orgs', countyOffice, 'signing.key.pem');
    const pem = fs.readFileSync(keyFile, 'utf8');
    expect((fs.statSync(keyFile).mode & 0o777).toString(8)).toBe('600');
    const dump = await database.pool.query(`SELECT string_agg(row_to_json(t)::text, '') AS s FROM audit_log t`);
    expect(dump.rows[0].s).not.toContain(pem.split('\n')[1]);
    const after = (await sec.get(`/api/orgs/${countyOffice}/signing`)).json().keys as {
      fingerprint: string;
      current: boolean;
      retiredAt: string | null;
    }[];
    expect(after.find((k) => k.current)!.fingerprint).toBe(fingerprint);
    expect(after.find((k) => k.fingerprint === signedWith)).toMatchObject({ current: false, retiredAt: expect.any(String) });
    expect(await audits('signing.key.rotate', countyOffice)).toEqual([
      expect.objectContaining({ actor_username: 'secadmin', before: { fingerprint: signedWith }, after: { fingerprint } }),
    ]);

    // Signed before the rotation: still verifies (GET unchanged), for the sender and a recipient.
    expect((await a.clerk.get(`/api/documents/${beforeId}/verify`)).json()).toMatchObject({ verifies: true, fingerprint: signedWith });
    const town01 = await as(app, 'town01.clerk');
    const copy = (await town01.get(`/api/documents/${beforeId}/pdf`)).rawPayload;
    expect((await town01.post(`/api/documents/${beforeId}/verify`, copy, { 'content-type': 'application/pdf' })).json()).toMatchObject({
      verifies: true,
    });
    // Signed after: with the new key.
    const laterId = await signedNotice(a, [townships[0]!], { number: true, title: '关于做好寒潮天气防范工作的通知' });
    expectStatus(await a.clerk.post(`/api/documents/${laterId}/dispatch`, { channel: 'online' }), 200);
    expect((await a.clerk.get(`/api/documents/${laterId}/verify`)).json()).toMatchObject({ verifies: true, fingerprint });

    // A forged PDF: another document's signed PDF, and the signed PDF with one byte changed, do not verify.
    const other = (await a.clerk.get(`/api/documents/${laterId}/pdf`)).rawPayload;
    const forged = Buffer.from(copy);
    forged[Math.floor(forged.length / 2)]! ^= 0x20;
    for (const bytes of [other, forged, Buffer.concat([copy, Buffer.from('\n%%EOF\n')])]) {
      const r = await town01.post(`/api/documents/${beforeId}/verify`, bytes, { 'content-type': 'application/pdf' });
      expect(r.json()).toMatchObject({ verifies: false, reason: 'altered' });
    }
    // Only the security administrator rotates.
    const digest = await tableDigest(database);
    expect((await a.clerk.post(`/api/orgs/${countyOffice}/signing-keys/rotate`)).statusCode).toBe(403);
    expect((await townAdmin.post(`/api/orgs/${org}/signing-keys/rotate`)).statusCode).toBe(403);
    expect((await town.get(`/api/orgs/${org}/signing`)).statusCode).toBe(403);
    expect(await tableDigest(database)).toBe(digest);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(pem);
  });
});
