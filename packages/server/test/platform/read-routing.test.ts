/**
 * How the heavy reads are routed, on the one database every test run has (no streaming replica
 * needed; the replica itself is test/platform/replica.test.ts, run by .ci/replica-test.sh):
 * without DATABASE_REPLICA_URL nothing changes; with a replica that cannot be reached the reads
 * fall back to the primary (200s, one warning, health 200 naming the fallback), and one that drops
 * out mid-use is read from again once the probe finds it; the replica's pool
 * is read-only even when the URL names a server that takes writes; DATABASE_LISTEN_URL is where the
 * live-event hub LISTENs.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { REPLICA_APPLICATION_NAME } from '../../src/db/replica.ts';
import { LISTENER_APPLICATION_NAME } from '../../src/modules/documents/documents.events.ts';
import type { App } from '../../src/platform/app-types.ts';
import { TEST_CONNECT_OPTIONS } from '../support/connect-options.ts';
import { as, TEST_KEYS_DIR, testDatabase } from '../helpers.ts';
import { chinaYear } from '@township-office/domain/dates';

const year = chinaYear();
const database = await testDatabase('demo');

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function appWith(config: Partial<Config>, lines?: string[]): Promise<App> {
  const app = await buildApp({
    config: loadConfig({ dataDir: '/nonexistent', keysDir: TEST_KEYS_DIR, webDist: undefined, ...config }),
    database,
    replicaConnectOptions: TEST_CONNECT_OPTIONS,
    ...(lines ? { logger: true, logStream: new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }) } : {}),
  });
  afterAll(() => app.close());
  return app;
}

describe('the URLs in the environment', () => {
  it('are refused at start-up when they are no PostgreSQL URL, without echoing them', () => {
    const saved = process.env.DATABASE_REPLICA_URL;
    try {
      process.env.DATABASE_REPLICA_URL = 'mysql://reader:secret@db/township';
      expect(() => loadConfig()).toThrow(/^DATABASE_REPLICA_URL must be a postgres:\/\/ URL, got mysql:\/\/…$/);
      process.env.DATABASE_REPLICA_URL = 'db-replica:5432';
      expect(() => loadConfig()).toThrow(/DATABASE_REPLICA_URL must be a postgres/);
      process.env.DATABASE_REPLICA_URL = 'postgres://reader:secret@db-replica/township';
      expect(loadConfig().databaseReplicaUrl).toBe('postgres://reader:secret@db-replica/township');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_REPLICA_URL;
      else process.env.DATABASE_REPLICA_URL = saved;
    }
  });
});

describe('without DATABASE_REPLICA_URL', () => {
  it('opens no replica and health says nothing of one', async () => {
    const app = await appWith({ databaseReplicaUrl: undefined });
    expect(app.readReplica).toBeUndefined();
    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: database.kind });
  });
});

describe('with a replica that cannot be reached', () => {
  it('serves the dashboard, an export and search from the primary, warns once, and health stays 200', async () => {
    const lines: string[] = [];
    const app = await appWith({ databaseReplicaUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/township` }, lines);
    const county = await as(app, 'county.admin');

    const dashboard = await county.get(`/api/dashboard/county?year=${year}`);
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().filedStaff).toBe(42);
    expect(app.readReplica!.readsFromReplica()).toBe(false);
    expect((await county.get(`/api/dashboard/county/charts?year=${year}`)).statusCode).toBe(200);
    const xlsx = await county.get('/api/registers/outgoing?format=xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await county.get(`/api/search?q=${encodeURIComponent('通知')}`)).statusCode).toBe(200);

    const warnings = lines.filter((l) => l.includes('read replica unreachable'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!).level).toBe(40);

    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({
      status: 'ok',
      database: database.kind,
      replica: { state: 'unavailable', readsFrom: 'primary', lagBytes: null },
    });
  });
});

/** A TCP relay to the test database that can be cut and restored: a "replica" that goes away and comes back. */
async function relay(target: URL): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const port = await closedPort();
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const cut = async () => {
    const closed = new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    for (const s of sockets) s.destroy();
    await closed;
    server = undefined;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('with a replica that goes away and comes back', () => {
  it('keeps the dashboard whole while it is gone, and reads from it again once it answers', async () => {
    const target = new URL(database.url);
    const link = await relay(target);
    afterAll(() => link.close());
    const url = new URL(database.url);
    url.port = String(link.port);
    const lines: string[] = [];
    const app = await appWith({ databaseReplicaUrl: url.toString() }, lines);
    const county = await as(app, 'county.admin');
    const filedStaff = async () => {
      const res = await county.get(`/api/dashboard/county?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await filedStaff();
    expect(app.readReplica!.readsFromReplica()).toBe(true);

    // Cut: the read pool's open connections drop and new ones are refused; the reads go to the primary.
    await link.cut();
    const during = await filedStaff();
    expect(during).toEqual(before);
    expect(app.readReplica!.readsFromReplica()).toBe(false);
    expect((await app.inject('/api/health')).json().replica).toMatchObject({ state: 'unavailable', readsFrom: 'primary' });

    await link.restore();
    await until('the probe to find the replica again', () => app.readReplica!.readsFromReplica());
    expect(await filedStaff()).toEqual(before);
    expect(lines.some((l) => l.includes('read replica answers again'))).toBe(true);
  });
});

describe('the replica pool', () => {
  it('refuses writes even on a server that takes them, and serves the reads itself', async () => {
    // The test database under its own URL stands in for a replica that has been promoted.
    const app = await appWith({ databaseReplicaUrl: database.url });
    const replica = app.readReplica!;
    const write = replica.db.execute(sql`CREATE TABLE read_only_probe (x int)`);
    await expect(write).rejects.toMatchObject({ cause: { code: '25006' } });
    // A refused write is not retried on the primary.
    const exists = await database.pool.query("SELECT to_regclass('read_only_probe') AS t");
    expect(exists.rows[0].t).toBeNull();

    const county = await as(app, 'county.admin');
    expect((await county.get(`/api/dashboard/county?year=${year}`)).statusCode).toBe(200);
    expect(replica.readsFromReplica()).toBe(true);
    const readers = await database.pool.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [REPLICA_APPLICATION_NAME],
    );
    expect(readers.rows[0].n).toBeGreaterThan(0);

    const health = (await app.inject('/api/health')).json();
    expect(health.replica).toEqual({ state: 'not_standby', readsFrom: 'replica', lagBytes: null });
  });
});

describe('DATABASE_LISTEN_URL', () => {
  it('is where the live-event hub opens its session', async () => {
    // A role of its own makes the hub's session recognisable in pg_stat_activity.
    const role = `listen_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await database.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    afterAll(async () => {
      await database.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
      await database.pool.query(`DROP ROLE IF EXISTS ${role}`);
    });
    const listenUrl = new URL(database.url);
    listenUrl.username = role;
    listenUrl.password = password;
    const app = await appWith({ databaseListenUrl: listenUrl.toString() });
    await app.eventHub.listening(60_000);
    const session = await database.pool.query<{ usename: string; application_name: string }>(
      'SELECT usename, application_name FROM pg_stat_activity WHERE pid = $1',
      [app.eventHub.backendPid],
    );
    expect(session.rows).toEqual([{ usename: role, application_name: LISTENER_APPLICATION_NAME }]);
  });

  it('a listen URL that cannot be reached leaves the rest of the server serving', async () => {
    const app = await appWith({ databaseListenUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/township` });
    await expect(app.eventHub.listening(1_000)).rejects.toMatchObject({ def: { code: 'DB_UNAVAILABLE' } });
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });
});
