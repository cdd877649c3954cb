/**
 * Oversize uploads: a file over MAX_UPLOAD_MB is 413 with BODY_TOO_LARGE and nothing is stored (no
 * row, no file), also when the size limit falls exactly on a chunk boundary (busboy then cut the
 * file and toBuffer() returned the cut bytes as whole: 5 of 11 uploads of 51–64 MB were stored at
 * exactly 50 MiB). The limit is inclusive: a file of exactly MAX_UPLOAD_MB is accepted, as
 * busboy's fileSize means. A request with two files is refused, never stored as one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';
import { tableCounts, testApp } from '../helpers.ts';
import { countyActors, orgIds, type Actors } from '../documents/fixtures.ts';
import { pdfOfSize, upload, uploadSplitAt } from './upload.ts';

const LIMIT = 256 * 1024;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-limits-'));
let app: App;
let database: Database;
let a: Actors;
let docId: string;

const storedNames = () =>
  fs.existsSync(filesDir)
    ? fs
        .readdirSync(filesDir, { recursive: true })
        .map(String)
        .filter((f) => /[0-9a-f]{64}$/.test(f))
    : [];

beforeAll(async () => {
  ({ app, database } = await testApp({ config: { filesDir, maxUploadBytes: LIMIT } }));
  a = await countyActors(app);
  const townships = (await orgIds(a.clerk)).townships;
  const d = await a.clerk.post('/api/documents', {
    docType: '通知',
    title: '上传上限测试',
    body: '见附件',
    mainRecipientOrgIds: [townships[0]],
  });
  docId = d.json().id;
});

async function expectNothingStored(
  run: () => Promise<{ statusCode: number; json: () => { error: { code: string; message: string } } }>,
  status: number,
  code: string,
) {
  const rows = await tableCounts(database);
  const files = storedNames();
  const res = await run();
  expect(res.statusCode).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(await tableCounts(database)).toEqual(rows);
  expect(storedNames()).toEqual(files);
  return res;
}

async function downloadOf(id: string): Promise<Buffer> {
  const res = await a.clerk.get(`/api/documents/${docId}/attachments/${id}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

describe('upload size limit (MAX_UPLOAD_MB)', () => {
  it('limit − 1 byte: 201, stored byte-equal', async () => {
    const bytes = pdfOfSize(LIMIT - 1, 'B');
    const res = await upload(a.clerk, docId, [{ name: '差一字节.pdf', bytes }]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(LIMIT - 1);
    expect((await downloadOf(res.json().id)).equals(bytes)).toBe(true);
  });

  it('exactly the limit: 201 (the limit is the largest file allowed), stored byte-equal, also when sent in two chunks', async () => {
    const bytes = pdfOfSize(LIMIT, 'C');
    const res = await upload(a.clerk, docId, [{ name: '正好上限.pdf', bytes }]);
    expect(res.statusCode, res.body).toBe(201);
    expect((await downloadOf(res.json().id)).equals(bytes)).toBe(true);
    const bytes2 = pdfOfSize(LIMIT, 'D');
    const split = await uploadSplitAt(a.clerk, docId, '正好上限2.pdf', bytes2, LIMIT);
    expect(split.statusCode, split.body).toBe(201);
    expect((await downloadOf(split.json().id)).equals(bytes2)).toBe(true);
  });

  it('limit + 1 MB: 413 with the BODY_TOO_LARGE message, nothing stored', async () => {
    const res = await expectNothingStored(
      () => upload(a.clerk, docId, [{ name: '过大.pdf', bytes: pdfOfSize(LIMIT + 1048576, 'E') }]),
      413,
      'BODY_TOO_LARGE',
    );
    expect(res.json().error.message).toBe('提交的内容过大（上限 256 KB），请精简后重试。');
  });

  it('limit + 1 MB cut by busboy exactly at a chunk boundary: still 413, nothing stored (was 201 with the file cut at the limit)', async () => {
    await expectNothingStored(
      () => uploadSplitAt(a.clerk, docId, '边界.pdf', pdfOfSize(LIMIT + 1048576, 'F'), LIMIT),
      413,
      'BODY_TOO_LARGE',
    );
  });

  it('limit + 1 byte: 413, nothing stored', async () => {
    await expectNothingStored(
      () => upload(a.clerk, docId, [{ name: '多一字节.pdf', bytes: pdfOfSize(LIMIT + 1, 'G') }]),
      413,
      'BODY_TOO_LARGE',
    );
  });
});

describe('one file per upload', () => {
  it('two files in one request: 400 ONE_FILE_PER_UPLOAD, neither stored', async () => {
    const res = await expectNothingStored(
      () =>
        upload(a.clerk, docId, [
          { name: '一.pdf', bytes: pdfOfSize(1000, 'H') },
          { name: '二.pdf', bytes: pdfOfSize(1000, 'I') },
        ]),
      400,
      'ONE_FILE_PER_UPLOAD',
    );
    expect(res.json().error.message).toContain('每次只能上传一个文件');
  });

  it('three files: the same 400', async () => {
    const f = (c: string) => ({ name: `${c}.pdf`, bytes: pdfOfSize(1000, c) });
    await expectNothingStored(() => upload(a.clerk, docId, [f('J'), f('K'), f('L')]), 400, 'ONE_FILE_PER_UPLOAD');
  });
});
