/**
 * Opens the database: DATABASE_URL when set (the production path, a pooled connection to a real
 * server), else the embedded cluster under DATA_DIR/pg.
 *
 * One DATA_DIR, one owner: `DATA_DIR/pg.owner` names the process that started the cluster (its pid,
 * then `serve` or `cli`), written before the cluster starts, removed when it stops. A CLI command
 * (backup, audit verify, migrate…) run while the owner is alive attaches to the running cluster.
 * A second *server* refuses to start: the owner picks a fresh port on every start, so an attached
 * server would answer ECONNREFUSED for ever after the owner restarted, and stopping the owner
 * would take the second server's database away. Several servers share one database through
 * DATABASE_URL instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { connect, type Database } from './client.ts';
import { embeddedBinDir, startEmbedded } from './embedded.ts';
import { migrate } from './migrate.ts';

export const DB_NAME = 'township';

/** Who is opening the database: the server refuses a DATA_DIR another live process owns. */
export type DatabaseRole = 'serve' | 'cli';

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
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Owner {
  pid: number;
  role: DatabaseRole | 'unknown';
}

/** The live owner of the cluster other than this process (older files hold only the pid). */
function otherLiveOwner(ownerFile: string): Owner | undefined {
  if (!fs.existsSync(ownerFile)) return undefined;
  const [pidLine = '', roleLine = ''] = fs.readFileSync(ownerFile, 'utf8').split('\n');
  const pid = Number(pidLine.trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return undefined;
  const role = roleLine.trim();
  return { pid, role: role === 'serve' || role === 'cli' ? role : 'unknown' };
}

/** The port of the running cluster, if its postmaster is alive. */
function runningClusterPort(pgData: string): number | undefined {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const port = Number(lines[3]);
  return alive(Number(lines[0])) && Number.isInteger(port) && port > 0 ? port : undefined;
}

/** The owner may still be starting its cluster (initdb takes a while on first start). */
async function waitForClusterPort(pgData: string, owner: Owner, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = runningClusterPort(pgData);
    if (port || Date.now() > deadline || !alive(owner.pid)) return port;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Bilingual, because it is read by whoever runs the server (often a county IT person), not a browser. */
export function dataDirInUseMessage(owner: Owner, dataDir: string): string {
  if (owner.role === 'cli') {
    return `另一个 township-office 命令（pid ${owner.pid}）正在使用数据目录 ${dataDir}；请等它结束后再启动服务。 / Another township-office command (pid ${owner.pid}) is using DATA_DIR ${dataDir}; wait for it to finish, then start the server.`;
  }
  return (
    `另一个服务进程（pid ${owner.pid}）正在使用数据目录 ${dataDir}；请停止它，或让每个服务都设置 DATABASE_URL 连接同一个 PostgreSQL 数据库。` +
    ` / Another server (pid ${owner.pid}) is using DATA_DIR ${dataDir}; stop it, or give every server DATABASE_URL pointing at one PostgreSQL database.`
  );
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations. They hold a session-level advisory lock (several servers starting at
 * once migrate once); through a transaction-mode pooler (PgBouncer) the lock would be taken on one
 * server connection and released on another, or never. With DATABASE_LISTEN_URL, the session
 * connection the event hub needs anyway, they run there.
 */
export async function migrateDatabase(config: Config, database: Database, log: (m: string) => void = () => {}): Promise<string[]> {
  if (!config.databaseListenUrl) return migrate(database.pool, log);
  const session = connect(config.databaseListenUrl, 'external', 1);
  try {
    return await migrate(session.pool, log);
  } finally {
    await session.close();
  }
}

export async function openDatabase(
  config: Config,
  log: (m: string) => void = () => {},
  opts: { role?: DatabaseRole } = {},
): Promise<OpenedDatabase> {
  const role = opts.role ?? 'cli';
  if (config.databaseReplicaUrl && !config.databaseUrl)
    // Bilingual like dataDirInUseMessage: read by whoever starts the server, not a browser.
    throw new Error(
      '设置了 DATABASE_REPLICA_URL 就必须同时设置 DATABASE_URL：只读副本从 PostgreSQL 服务器流复制，内置数据库没有副本。 / DATABASE_REPLICA_URL needs DATABASE_URL: a replica streams from a PostgreSQL server, the embedded database has none.',
    );
  if (config.databaseUrl) {
    const database = connect(config.databaseUrl, 'external', 20, { namedStatements: config.databaseNamedStatements });
    return { database, binDir: embeddedBinDir(), adminUrl: config.databaseUrl, close: () => database.close() };
  }
  const pgData = path.join(config.dataDir, 'pg');
  const ownerFile = path.join(config.dataDir, 'pg.owner');
  const credFile = `${pgData}.credentials`;
  const owner = otherLiveOwner(ownerFile);
  if (owner) {
    if (role === 'serve') throw new Error(dataDirInUseMessage(owner, config.dataDir));
    const attachPort = await waitForClusterPort(pgData, owner, 60_000);
    if (!attachPort)
      throw new Error(
        `process ${owner.pid} owns DATA_DIR ${config.dataDir} but its database is not running; stop that process and try again`,
      );
    const password = fs.readFileSync(credFile, 'utf8').trim();
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${attachPort}`;
    const database = connect(`${base}/${DB_NAME}`, 'embedded', 4);
    log(`attached to the embedded PostgreSQL of process ${owner.pid}, running on port ${attachPort}`);
    return { database, binDir: embeddedBinDir(), adminUrl: `${base}/postgres`, close: () => database.close() };
  }
  const started = Date.now();
  // Claimed before the cluster starts, so a second process started meanwhile sees the owner.
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(ownerFile, `${process.pid}\n${role}\n`);
  let cluster;
  try {
    cluster = await startEmbedded({ pgData, log: (m) => (/ready to accept|initdb|stopping|allowed/.test(m) ? log(m) : undefined) });
    await ensureDatabase(cluster.url(), DB_NAME);
  } catch (err) {
    await cluster?.stop().catch(() => {});
    fs.rmSync(ownerFile, { force: true });
    throw err;
  }
  log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${pgData})`);
  const database = connect(cluster.url(DB_NAME), 'embedded', 10);
  const stopped = cluster;
  return {
    database,
    binDir: cluster.binDir,
    adminUrl: cluster.url(),
    close: async () => {
      await database.close();
      await stopped.stop();
      fs.rmSync(ownerFile, { force: true });
    },
  };
}
