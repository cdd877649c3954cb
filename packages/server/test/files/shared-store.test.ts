/**
 * Several servers: two app instances on one database and one FILES_DIR. An attachment uploaded
 * through one downloads byte-equal through the other; a file lost from the store is a 404 with a
 * message that says what to do, never a 500.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';
import { as, testApp } from '../helpers.ts';
import { orgIds } from '../documents/fixtures.ts';
import { pdfOfSize, upload } from './upload.ts';

const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-files-'));
let one: App;
let two: App;

beforeAll(async () => {
  // Each server has its own DATA_DIR; only FILES_DIR (and the database) are shared.
  const first = await testApp({ config: { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'server-one-')), filesDir } });
  one = first.app;
  const pool2 = connect(first.database.url, first.database.kind, 4);
  afterAll(() => pool2.close());
  two = await buildApp({
    config: loadConfig({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'server-two-')), filesDir, webDist: undefined }),
    database: pool2,
  });
  afterAll(() => two.close());
});

describe('one FILES_DIR shared by two servers', () => {
  it('uploaded through one server, downloaded byte-equal through the other; a lost file is a 404 with the message', async () => {
    const clerkOne = await as(one, 'county.clerk');
    const clerkTwo = await as(two, 'county.clerk');
    const townships = (await orgIds(clerkOne)).townships;
    const docId = (
      await clerkOne.post('/api/documents', { docType: '通知', title: '共享文件库', body: '见附件', mainRecipientOrgIds: [townships[0]] })
    ).json().id;
    const bytes = pdfOfSize(70_000, 'S');
    const up = await upload(clerkOne, docId, [{ name: '共享.pdf', bytes }]);
    expect(up.statusCode, up.body).toBe(201);
    const url = `/api/documents/${docId}/attachments/${up.json().id}`;

    const dl = await clerkTwo.get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(bytes)).toBe(true);

    const stored = fs
      .readdirSync(filesDir, { recursive: true })
      .map(String)
      .filter((f) => /[0-9a-f]{64}$/.test(f));
    expect(stored).toHaveLength(1);
    fs.rmSync(path.join(filesDir, stored[0]!));
    for (const [app, headers, message] of [
      [clerkTwo, {}, '附件文件缺失，请联系系统管理员从备份恢复。'],
      [
        clerkOne,
        { 'accept-language': 'en' },
        "The attachment's file is missing from the file store. Ask the system administrator to restore it from a backup.",
      ],
    ] as const) {
      const res = await app.get(url, headers);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'STORED_FILE_MISSING', message });
    }
  });
});
