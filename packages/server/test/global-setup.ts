/**
 * One PostgreSQL for the whole server test run: a throwaway embedded cluster (fsync off, it is
 * thrown away), or TEST_DATABASE_URL's server. Two template databases are built once: `tpl_bare`
 * (migrated) and `tpl_demo` (migrated + the demo county); each test file clones its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/db/client.ts';
import { startEmbedded, type EmbeddedCluster } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/index.ts';
import { TEST_CONNECT_OPTIONS } from './support/connect-options.ts';
import { withDb } from './support/admin-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    databaseKind: 'embedded' | 'external';
  }
}

let cluster: EmbeddedCluster | undefined;
let dir: string | undefined;

async function rebuildTemplate(adminUrl: string, name: string, fill: (url: string) => Promise<void>) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  await fill(withDb(adminUrl, name));
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-test-'));
    cluster = await startEmbedded({
      pgData: path.join(dir, 'pg'),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    adminUrl = cluster.url('postgres');
  }
  const t0 = Date.now();
  // A query queued on a connection that is still running one (a Promise.all inside a transaction)
  // is deprecated by pg and would serialise silently: seeding the demo county must not do it.
  const queued: string[] = [];
  const onWarning = (w: Error) => {
    if (/already executing a query/.test(w.message)) queued.push(w.message);
  };
  process.on('warning', onWarning);
  await rebuildTemplate(adminUrl, 'tpl_bare', async (url) => {
    const database = connect(url, 'external', 2, TEST_CONNECT_OPTIONS);
    await migrate(database.pool);
    await database.close();
  });
  await rebuildTemplate(adminUrl, 'tpl_demo', async (url) => {
    const database = connect(url, 'external', 4, TEST_CONNECT_OPTIONS);
    await migrate(database.pool);
    await seedDemo(database.db);
    await database.close();
  });
  // Warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  if (queued.length) throw new Error(`migrating and seeding queued a query on a busy connection: ${queued[0]}`);
  console.log(`[test] templates ready in ${Date.now() - t0} ms on ${cluster ? 'an embedded cluster' : 'TEST_DATABASE_URL'}`);
  project.provide('adminUrl', adminUrl);
  project.provide('databaseKind', cluster ? 'embedded' : 'external');
  return async () => {
    await cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
