/**
 * The whole product on a throwaway database: the built web app served by the real server on a
 * free loopback port, over a fresh embedded PostgreSQL with the demo county seeded. Used by the
 * browser tests' global setup and by `serve.ts` for looking at pages by hand.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { connect } from '../../server/src/db/client.ts';
import { freePort, startEmbedded } from '../../server/src/db/embedded.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { TEST_CONNECT_OPTIONS } from '../../server/test/support/connect-options.ts';
import { seedDemo } from '../../server/src/seed/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_ROOT = path.resolve(here, '..');
export const REPO_ROOT = path.resolve(WEB_ROOT, '../..');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

/** Debian's Chromium (`command -v chromium`), else /usr/bin/chromium, else null. */
/** Headless Chromium as the browser tests and the web bench run it: no sandbox, no GPU, nothing fetched in the background. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(): string | null {
  try {
    const found = execSync('command -v chromium', { shell: '/bin/sh', encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (found) return found;
  } catch {
    // not on PATH
  }
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

/**
 * Build the web app. Browser-test runs build into a folder of their own: several developers run
 * them at once in one checkout, and a build replacing packages/web/dist under a running server
 * (which lists its files at start) would blank that server's pages.
 */
export function buildWeb(outDir = WEB_DIST): void {
  // Vite refuses a second build of one project at a time; builds into separate folders do not collide.
  const args = outDir === WEB_DIST ? '' : ` -- --outDir ${JSON.stringify(outDir)} --emptyOutDir --bypass-lock`;
  // NODE_ENV=production as `npm run build` has it: vitest sets NODE_ENV=test, and a bundle built with
  // it makes rc-util's useId return 'test-id' for every select, so their option ids collide.
  execSync(`npm run build -w @township-office/web${args}`, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** What a web build is made from: a build newer than all of it is current. */
const WEB_INPUTS = ['src', 'index.html', 'vite.config.ts', 'vite-plugin-zh-tw.ts', 'package.json']
  .map((p) => path.join(WEB_ROOT, p))
  .concat([path.join(REPO_ROOT, 'packages/domain/src'), path.join(REPO_ROOT, 'package-lock.json')]);

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

/**
 * True when `dir` holds a build newer than every file it is made from (as after `npm run build`),
 * so the browser tests can serve a copy of it instead of building the same app again.
 */
export function webBuildIsCurrent(dir = WEB_DIST): boolean {
  const index = path.join(dir, 'index.html');
  return fs.existsSync(index) && fs.statSync(index).mtimeMs > Math.max(...WEB_INPUTS.map(newestMtime));
}

export interface TestServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  log?: (m: string) => void;
  /** 'foundation': orgs and accounts only (for looking at the shell while a module's seed is broken). */
  seed?: 'demo' | 'foundation';
  /** The built web app to serve (default packages/web/dist). */
  webDist?: string;
  /** The demo province (青原省 and its two accounts) above the demo county. */
  province?: boolean;
}

export async function startTestServer({
  log = () => {},
  seed = 'demo',
  webDist = WEB_DIST,
  province = false,
}: TestServerOptions = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-e2e-'));
  const cluster = await startEmbedded({
    pgData: path.join(dir, 'pg'),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  const cleanup: (() => Promise<void>)[] = [
    async () => {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  ];
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE e2e TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.end();
    const database = connect(cluster.url('e2e'), 'embedded', 10, TEST_CONNECT_OPTIONS);
    cleanup.unshift(() => database.close());
    await migrate(database.pool);
    const t0 = Date.now();
    await seedDemo(database.db, { foundationOnly: seed === 'foundation', province });
    log(`demo county (${seed}) seeded in ${Date.now() - t0} ms`);
    // Every browser test logs in from 127.0.0.1: lift the per-IP login limit for this private server.
    const config = loadConfig({ dataDir: dir, webDist, loginRatePerMinute: 100_000, logLevel: 'warn' });
    const app = await buildApp({ config, database });
    cleanup.unshift(() => app.close());
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      stop: async () => {
        for (const step of cleanup) await step().catch((e: unknown) => log(`cleanup: ${String(e)}`));
      },
    };
  } catch (err) {
    for (const step of cleanup) await step().catch(() => {});
    throw err;
  }
}
