/** Test helpers: a database of one's own, the app on top of it, and signed-in API calls. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { afterAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { TEST_CONNECT_OPTIONS } from './support/connect-options.ts';
import { connect, type Database } from '../src/db/client.ts';
import type { App } from '../src/platform/app-types.ts';
import { withDb } from './support/admin-db.ts';

export const DEMO_PASSWORD = 'Demo#2026';

/** A fresh database cloned from the migrated template (`demo`: with the demo county). Dropped after the file. */
export async function testDatabase(template: 'demo' | 'bare' = 'demo'): Promise<Database> {
  const adminUrl = inject('adminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE tpl_${template}`);
  await admin.end();
  const database = connect(withDb(adminUrl, name), inject('databaseKind'), 10, TEST_CONNECT_OPTIONS);
  afterAll(async () => {
    await database.close();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return database;
}

/** One key store per test file (process): every app of the file signs and seals with the same keys. */
export const TEST_KEYS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'township-keys-'));

export async function testApp(
  opts: { template?: 'demo' | 'bare'; config?: Partial<Config> } = {},
): Promise<{ app: App; database: Database; config: Config }> {
  const database = await testDatabase(opts.template ?? 'demo');
  const config = loadConfig({ dataDir: '/nonexistent', keysDir: TEST_KEYS_DIR, webDist: undefined, ...opts.config });
  const app = await buildApp({ config, database });
  afterAll(() => app.close());
  return { app, database, config };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  me: Record<string, unknown> & { org: { id: string } };
}

let ipCounter = 0;
/** Each login comes from its own address so the per-IP rate limit does not couple tests. */
export function uniqueIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: uniqueIp() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = res.json();
  return { cookie, csrfToken: me.csrfToken, me };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in client: sends the cookie, and the CSRF token on unsafe methods. */
export function client(app: App, session: Session) {
  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }), ...headers },
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => call('POST', url, payload ?? {}, headers),
    put: (url: string, payload?: unknown, headers?: Record<string, string>) => call('PUT', url, payload ?? {}, headers),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}

export async function as(app: App, username: string) {
  return client(app, await login(app, username));
}

/** The dashboard's summary rows and their marks (migration 1260): derived, refreshed by a job at any moment, like the search index. */
const DASHBOARD_SUMMARY_TABLES = ['dashboard_summaries', 'dashboard_dirty'];

/**
 * The search index and its queue of marks: derived from the registers and written by the indexer
 * job at any moment (every few seconds), never a business row; a write's mark is covered by the
 * business row it marks.
 */
const SEARCH_INDEX_TABLES = ['search_entries', 'search_dirty', ...DASHBOARD_SUMMARY_TABLES];

/** Row counts of every table, for "nothing was written" assertions. */
export async function tableCounts(
  database: Database,
  exclude: string[] = ['sessions', 'audit_log', 'audit_chain_heads', ...SEARCH_INDEX_TABLES],
): Promise<Record<string, number>> {
  const tables = (
    await database.pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
  ).rows.map((r) => r.t);
  const out: Record<string, number> = {};
  for (const t of tables) {
    if (exclude.includes(t)) continue;
    out[t] = Number((await database.pool.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n);
  }
  return out;
}

/** A digest of every row of every business table, for "no row changed" assertions (sign-in state: sessions, counters, the account's lock, left out). */
export async function tableDigest(
  database: Database,
  // The assessment's standings are a cache a read may refresh (derived from the scores, never a business row).
  exclude: string[] = [
    'sessions',
    'audit_log',
    'audit_chain_heads',
    'audit_checkpoints',
    'users',
    'login_failures',
    'assessment_standings',
    'assessment_standings_state',
    ...SEARCH_INDEX_TABLES,
  ],
): Promise<string> {
  const tables = (
    await database.pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
  ).rows.map((r) => r.t);
  const parts: string[] = [];
  for (const t of tables) {
    if (exclude.includes(t)) continue;
    const r = await database.pool.query(`SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`);
    parts.push(`${t}:${r.rows[0].h}`);
  }
  return parts.join('\n');
}
