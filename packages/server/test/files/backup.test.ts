/**
 * Backup and restore, in process against real PostgreSQL: the backup is whole (rows and the stored
 * files), a cut or damaged file is refused in seconds before the database is touched, and a good
 * restore is built beside the live schema and swapped in while the app keeps answering.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';
import { verifyAudit } from '../../src/platform/audit.ts';
import { backupDatabase, restoreDatabase } from '../../src/platform/backup.ts';
import { AppError } from '../../src/platform/errors.ts';
import { LocalFileStorage } from '../../src/platform/files.ts';
import { as, tableDigest, TEST_KEYS_DIR, testApp, testDatabase } from '../helpers.ts';
import { countyActors, orgIds, type Actors } from '../documents/fixtures.ts';
import { pdfOfSize, upload } from './upload.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-test-'));
const filesDir = path.join(work, 'files');
const file = path.join(work, 'whole.backup');
let app: App;
let database: Database;
let a: Actors;
let docId: string;
let attachmentId: string;
const attachment = pdfOfSize(150_000, 'Q');

beforeAll(async () => {
  ({ app, database } = await testApp({ config: { filesDir } }));
  a = await countyActors(app);
  const townships = (await orgIds(a.clerk)).townships;
  docId = (
    await a.clerk.post('/api/documents', { docType: '通知', title: '备份附件测试', body: '见附件', mainRecipientOrgIds: [townships[0]] })
  ).json().id;
  const up = await upload(a.clerk, docId, [{ name: '附件：统计表.pdf', bytes: attachment }]);
  expect(up.statusCode, up.body).toBe(201);
  attachmentId = up.json().id;
  const r = await backupDatabase(database.pool, new LocalFileStorage(filesDir), file);
  expect(r.files).toBeGreaterThanOrEqual(1);
});

const plain = () => zlib.gunzipSync(fs.readFileSync(file));
function variant(name: string, bytes: Buffer): string {
  const p = path.join(work, name);
  fs.writeFileSync(p, bytes);
  return p;
}
async function refusal(p: string, db: Database = database): Promise<{ error: AppError; ms: number }> {
  const started = Date.now();
  const err = await restoreDatabase(db.pool, new LocalFileStorage(path.join(work, 'unused')), p).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { error: err as AppError, ms: Date.now() - started };
}
const leftoverSchemas = async (db: Database) =>
  (await db.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^(restore|replaced)_'`)).rowCount;

describe('a damaged backup is refused before the database is touched', () => {
  it('cut anywhere (head -c), cut at a line boundary, cut at a gzip member boundary, a changed stored file, a v1 file: each refused in seconds, nothing changed', async () => {
    const before = await tableDigest(database);
    const content = plain();
    const full = fs.readFileSync(file);
    const lineCut = content.lastIndexOf('\n\\.\n', Math.floor(content.length / 2)) + 1;
    const fileAt = content.indexOf('\nFILE ') + 1;
    const flipped = Buffer.from(content);
    const at = content.indexOf('\n', fileAt) + 5000;
    flipped[at] = flipped[at]! ^ 1;
    const cases: [string, Buffer, RegExp][] = [
      ['head-c', full.subarray(0, Math.floor(full.length * 0.4)), /gzip: unexpected end of file/],
      ['line-cut', zlib.gzipSync(content.subarray(0, lineCut)), /ends inside table|checksum is missing/],
      ['no-trailer', zlib.gzipSync(content.subarray(0, content.lastIndexOf('END sha256'))), /checksum is missing/],
      // A second gzip member: gunzip reads both, and a cut between them is a valid gzip file.
      ['member-cut', zlib.gzipSync(content.subarray(0, fileAt)), /stored file 1 of \d+ is missing/],
      ['file-flipped', zlib.gzipSync(flipped), /does not match its SHA-256/],
      ['not-gzip', Buffer.from('hello'), /gzip:/],
    ];
    for (const [name, bytes, detail] of cases) {
      const { error, ms } = await refusal(variant(name, bytes));
      expect(error.def.code, name).toBe('BACKUP_DAMAGED');
      expect(String(error.params.detail), name).toMatch(detail);
      expect(ms, name).toBeLessThan(5000);
    }
    const v1 = zlib.gzipSync(
      Buffer.from(JSON.stringify({ format: 'township-office-backup', version: 1, migrations: [], tables: [] }) + '\n'),
    );
    expect((await refusal(variant('v1', v1))).error.def.code).toBe('BACKUP_OLD_FORMAT');
    expect(await tableDigest(database)).toBe(before);
    expect(await leftoverSchemas(database)).toBe(0);
  });

  it('the same file split into two gzip members restores (multi-member gzip is read whole)', async () => {
    const content = plain();
    const half = Math.floor(content.length / 2);
    const two = variant('two-members', Buffer.concat([zlib.gzipSync(content.subarray(0, half)), zlib.gzipSync(content.subarray(half))]));
    const target = await testDatabase('bare');
    await restoreDatabase(target.pool, new LocalFileStorage(path.join(work, 'two-members-files')), two);
    expect((await target.pool.query('SELECT count(*)::int AS n FROM document_attachments')).rows[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('a whole backup: rows and stored files', () => {
  it('restores into an empty system with an empty file store, and the attachment downloads byte-equal', async () => {
    const target = await testDatabase('bare');
    const newFiles = path.join(work, 'restored-files');
    const r = await restoreDatabase(target.pool, new LocalFileStorage(newFiles), file);
    expect(r.files).toBeGreaterThanOrEqual(1);
    // The same key store: it lives outside the database and its backups (README, "The key store"),
    // and the demo's audit chains now reach their first signed checkpoint, which only it verifies.
    const second = await buildApp({
      config: loadConfig({ dataDir: work, keysDir: TEST_KEYS_DIR, filesDir: newFiles, webDist: undefined }),
      database: target,
    });
    try {
      const clerk = await as(second, 'county.clerk');
      const dl = await clerk.get(`/api/documents/${docId}/attachments/${attachmentId}`);
      expect(dl.statusCode, dl.body).toBe(200);
      expect(dl.rawPayload.equals(attachment)).toBe(true);
      expect((await verifyAudit(target.db)).ok).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('a backup is refused when a stored file is missing from the store (it would restore broken downloads)', async () => {
    const sha = (await database.pool.query('SELECT sha256 FROM stored_files LIMIT 1')).rows[0].sha256 as string;
    const onDisk = path.join(filesDir, sha.slice(0, 2), sha);
    const aside = `${onDisk}.aside`;
    fs.renameSync(onDisk, aside);
    try {
      const err = await backupDatabase(database.pool, new LocalFileStorage(filesDir), path.join(work, 'incomplete.backup')).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).def.code).toBe('BACKUP_FILES_MISSING');
      expect(String((err as AppError).params.list)).toContain(sha);
      expect(fs.existsSync(path.join(work, 'incomplete.backup'))).toBe(false);
      expect(fs.existsSync(path.join(work, 'incomplete.backup.partial'))).toBe(false);
    } finally {
      fs.renameSync(aside, onDisk);
    }
  });
});

describe('restore over the live database', () => {
  it('swaps the restored schema in while requests keep being answered; triggers, sequences and pg_trgm work after', async () => {
    // A write after the backup, which the restore takes back.
    const late = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '备份之后的草稿',
      body: '正文',
      mainRecipientOrgIds: [(await orgIds(a.clerk)).townships[1]],
    });
    expect(late.statusCode).toBe(201);
    const latencies: number[] = [];
    const failures: string[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const t = Date.now();
        const res = await a.clerk.get('/api/documents?pageSize=5');
        latencies.push(Date.now() - t);
        if (res.statusCode !== 200) failures.push(`${res.statusCode} ${res.body}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const started = Date.now();
    const phases: string[] = [];
    await restoreDatabase(database.pool, new LocalFileStorage(filesDir), file, {
      lockTimeoutMs: 500,
      onProgress: (d, t, l) => phases.push(`${Date.now() - started}ms ${d}/${t} ${l}`),
    });
    const restoreMs = Date.now() - started;
    console.log(
      `restore over the live database: ${restoreMs} ms, ${latencies.length} requests meanwhile, slowest ${Math.max(...latencies)} ms; phases: ${phases.filter((_, i) => i < 3 || i % 10 === 0 || i > phases.length - 4).join(' | ')}`,
    );
    running = false;
    await poll;
    expect(failures.slice(0, 3)).toEqual([]);
    expect(latencies.length).toBeGreaterThan(3);
    // The restore took a while; no request waited for it more than briefly.
    expect(Math.max(...latencies), `restore ${restoreMs} ms, latencies ${latencies.join(',')}`).toBeLessThan(1000);

    expect((await a.clerk.get(`/api/documents/${late.json().id}`)).statusCode).toBe(404);
    expect(await leftoverSchemas(database)).toBe(0);
    const q = (s: string) => database.pool.query(s);
    expect((await q(`SELECT extnamespace::regnamespace::text AS s FROM pg_extension WHERE extname = 'pg_trgm'`)).rows[0].s).toBe('public');
    expect(Number((await q(`SELECT similarity('乡镇办公室', '乡镇办公') AS s`)).rows[0].s)).toBeGreaterThan(0);
    await expect(q('UPDATE audit_log SET action = action')).rejects.toThrow(/append-only/);
    // The session survived (it was in the backup) and a new write gets the next audit id.
    const next = await a.clerk.post('/api/documents', {
      docType: '通知',
      title: '恢复之后的草稿',
      body: '正文',
      mainRecipientOrgIds: [(await orgIds(a.clerk)).townships[2]],
    });
    expect(next.statusCode, next.body).toBe(201);
    expect((await verifyAudit(database.db)).ok).toBe(true);
    const dl = await a.clerk.get(`/api/documents/${docId}/attachments/${attachmentId}`);
    expect(dl.rawPayload.equals(attachment)).toBe(true);
  });
});
