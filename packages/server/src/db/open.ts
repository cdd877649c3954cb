/**
 * Opens the database: DATABASE_URL when set (the production path, a pooled connection to a real
 * server), else the embedded cluster under DATA_DIR/pg. A second process on the same DATA_DIR
 * (the CLI while the server runs) attaches to the running cluster instead of starting another.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { connect, type Database } from './client.ts';
import { embeddedBinDir, startEmbedded } from './embedded.ts';

export const DB_NAME = 'township';

export interface OpenedDatabase {
  database: Database;
  /** pg_dump / pg_restore live here. */
  binDir: string;
  /** Admin URL of the cluster, for CREATE/DROP DATABASE. */
  adminUrl: string;
  close(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** If another live process of ours owns the cluster, return the running cluster's port. */
function runningOwnedCluster(pgData: string, ownerFile: string): number | undefined {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile) || !fs.existsSync(ownerFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const owner = Number(fs.readFileSync(ownerFile, 'utf8'));
  if (!alive(Number(lines[0])) || !Number.isInteger(owner) || owner === process.pid || !alive(owner)) return undefined;
  return Number(lines[3]);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(config: Config, log: (m: string) => void = () => {}): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = connect(config.databaseUrl, 'external', 20);
    return { database, binDir: embeddedBinDir(), adminUrl: config.databaseUrl, close: () => database.close() };
  }
  const pgData = path.join(config.dataDir, 'pg');
  const ownerFile = path.join(config.dataDir, 'pg.owner');
  const credFile = `${pgData}.credentials`;
  const attachPort = runningOwnedCluster(pgData, ownerFile);
  if (attachPort) {
    const password = fs.readFileSync(credFile, 'utf8').trim();
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${attachPort}`;
    const database = connect(`${base}/${DB_NAME}`, 'embedded', 4);
    log(`attached to the embedded PostgreSQL already running on port ${attachPort}`);
    return { database, binDir: embeddedBinDir(), adminUrl: `${base}/postgres`, close: () => database.close() };
  }
  const started = Date.now();
  const cluster = await startEmbedded({ pgData, log: (m) => (/ready to accept|initdb|stopping|allowed/.test(m) ? log(m) : undefined) });
  fs.writeFileSync(ownerFile, String(process.pid));
  await ensureDatabase(cluster.url(), DB_NAME);
  log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${pgData})`);
  const database = connect(cluster.url(DB_NAME), 'embedded', 10);
  return {
    database,
    binDir: cluster.binDir,
    adminUrl: cluster.url(),
    close: async () => {
      await database.close();
      await cluster.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}
