/**
 * `node packages/server/bin/run-ts.mjs bench/seed-time.ts`: times the demo county's seed on a fresh
 * database in a throwaway embedded PostgreSQL (the server's default settings), step by step.
 * Not a `*.bench.ts` scenario: a first start is measured once, not repeated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../packages/server/src/db/client.ts';
import { startEmbedded } from '../packages/server/src/db/embedded.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-seed-time-'));
const cluster = await startEmbedded({ pgData: path.join(dir, 'pg') });
const adminUrl = cluster.url('postgres');
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE seedtime TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const u = new URL(adminUrl);
  u.pathname = '/seedtime';
  const database = connect(u.toString(), 'embedded', 10);
  const t0 = Date.now();
  await migrate(database.pool);
  const tMigrated = Date.now();
  const steps: { step: string; seconds: number }[] = [];
  let last = Date.now();
  let lastDone = 0;
  await seedDemo(database.db, {
    onProgress: (done, _total, label) => {
      if (done === lastDone) return;
      lastDone = done;
      const now = Date.now();
      steps.push({ step: label, seconds: (now - last) / 1000 });
      last = now;
    },
  });
  const tSeeded = Date.now();
  const merged = new Map<string, number>();
  for (const s of steps) {
    const k = s.step === 'accounts' ? 'accounts' : s.step;
    merged.set(k, (merged.get(k) ?? 0) + s.seconds);
  }
  console.table([...merged].map(([step, seconds]) => ({ step, seconds: Math.round(seconds * 100) / 100 })));
  console.log(`migrate ${(tMigrated - t0) / 1000} s, seedDemo ${(tSeeded - tMigrated) / 1000} s (load ${os.loadavg()[0]!.toFixed(1)})`);
  await database.close();
} finally {
  await admin.end();
  await cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
