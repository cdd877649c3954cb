/**
 * The server behind PgBouncer in transaction mode (set up by .ci/replica-test.sh in front of its
 * PostgreSQL 15 primary): requests, writes with their audit rows and the dashboard go through the
 * pooler; the migrations and the event hub's LISTEN take DATABASE_LISTEN_URL, a session on
 * PostgreSQL itself; a dispatch's NOTIFY, sent through the pooler inside the writing transaction,
 * reaches the hub.
 *
 * Skipped without TEST_PGBOUNCER_URL and TEST_PRIMARY_URL (admin URLs of the pooler and of the
 * PostgreSQL behind it); with REQUIRE_PGBOUNCER=1 their absence fails instead.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { connect, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/open.ts';
import { LISTENER_APPLICATION_NAME, type LiveEvent } from '../../src/modules/documents/documents.events.ts';
import type { App } from '../../src/platform/app-types.ts';
import { TEST_CONNECT_OPTIONS } from '../support/connect-options.ts';
import { as, TEST_KEYS_DIR } from '../helpers.ts';
import { countyActors, orgIds, signedNotice } from '../documents/fixtures.ts';
import { adminQuery, withDb } from '../support/admin-db.ts';
import { chinaYear } from '@township-office/domain/dates';

const bouncerAdmin = process.env.TEST_PGBOUNCER_URL;
const primaryAdmin = process.env.TEST_PRIMARY_URL;
const configured = !!bouncerAdmin && !!primaryAdmin;

if (process.env.REQUIRE_PGBOUNCER === '1' && !configured)
  describe('the PgBouncer test', () => {
    it('has its servers', () => {
      throw new Error('REQUIRE_PGBOUNCER=1 but TEST_PGBOUNCER_URL and TEST_PRIMARY_URL are not both set (.ci/replica-test.sh sets them)');
    });
  });

const year = chinaYear();
const dbName = `b_${randomBytes(6).toString('hex')}`;

let database: Database;
let config: Config;
let app: App;

describe.skipIf(!configured)('behind PgBouncer in transaction mode', () => {
  beforeAll(async () => {
    await adminQuery(primaryAdmin!, `CREATE DATABASE ${dbName} TEMPLATE tpl_demo`);
    // PgBouncer 1.18 keeps no prepared statements in transaction mode: DATABASE_NAMED_STATEMENTS=false.
    database = connect(withDb(bouncerAdmin!, dbName), 'external', 10, { ...TEST_CONNECT_OPTIONS, namedStatements: false });
    config = loadConfig({
      dataDir: '/nonexistent',
      keysDir: TEST_KEYS_DIR,
      webDist: undefined,
      databaseUrl: withDb(bouncerAdmin!, dbName),
      databaseListenUrl: withDb(primaryAdmin!, dbName),
      databaseNamedStatements: false,
    });
    app = await buildApp({ config, database });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await adminQuery(primaryAdmin!, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  });

  it('goes through the pooler in transaction mode', async () => {
    // PgBouncer's admin console answers SHOW, with the simple query protocol only (no parameters).
    const shown = await adminQuery<{ key: string; value: string }>(withDb(bouncerAdmin!, 'pgbouncer'), 'SHOW CONFIG');
    expect(shown.find((r) => r.key === 'pool_mode')?.value).toBe('transaction');
  });

  it('migrates over the session URL and leaves no advisory lock behind', async () => {
    expect(await migrateDatabase(config, database)).toEqual([]);
    const locks = await adminQuery<{ n: number }>(
      withDb(primaryAdmin!, dbName),
      "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1",
      [dbName],
    );
    expect(locks[0]!.n).toBe(0);
  });

  it('signs in, writes with the audit row, reads the dashboard, and the dispatch event reaches the hub listening on PostgreSQL itself', async () => {
    await app.eventHub.listening(60_000);
    const session = await adminQuery<{ application_name: string }>(
      primaryAdmin!,
      'SELECT application_name FROM pg_stat_activity WHERE pid = $1',
      [app.eventHub.backendPid],
    );
    expect(session).toEqual([{ application_name: LISTENER_APPLICATION_NAME }]);

    const county = await countyActors(app);
    const dashboard = await (await as(app, 'county.admin')).get(`/api/dashboard/county?year=${year}`);
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const town = (await orgIds(county.clerk)).townships[3]!;
    const events: LiveEvent[] = [];
    const arrived = new Promise<void>((resolve) => {
      void app.eventHub.subscribe({
        orgId: town,
        send: (e) => {
          events.push(e);
          resolve();
        },
      });
    });
    const id = await signedNotice(county, [town], { number: true });
    const sent = await county.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' });
    expect(sent.statusCode, sent.body).toBe(200);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      arrived,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no event reached the hub within 30 s')), 30_000))),
    ]).finally(() => clearTimeout(timer));
    expect(JSON.stringify(events)).toContain(id);
    const audit = await adminQuery<{ n: number }>(
      withDb(primaryAdmin!, dbName),
      'SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1',
      [id],
    );
    expect(audit[0]!.n).toBeGreaterThan(0);
  });

  it('registers 收文 through the pooler with named statements off: each create its own one-statement transaction', async () => {
    const clerk = await as(app, 'town03.clerk');
    const made = await Promise.all(
      [1, 2, 3].map((k) =>
        clerk.post('/api/incoming', { senderName: '县政府办', title: `经连接池登记 ${k}`, receivedDate: `${year}-03-0${k}` }),
      ),
    );
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(made.map((r) => r.json().serial)).size).toBe(3);
  });
});
