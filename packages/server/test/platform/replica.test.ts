/**
 * A real streaming replica (set up by .ci/replica-test.sh: Debian's PostgreSQL 15, a primary and a
 * hot standby from `pg_basebackup -R`, synchronous, HAProxy in front): the dashboard is read from the
 * replica, writes there are refused, and a failover to the promoted standby keeps an acknowledged
 * write while the server answers 503s, never 500s, during the switch.
 *
 * Skipped without TEST_PRIMARY_URL and TEST_REPLICA_URL (admin URLs of the two servers); with
 * REQUIRE_REPLICA=1 their absence fails instead, so CI cannot skip it silently. The database is a
 * clone, on the primary, of the migrated and seeded template the global setup built there
 * (TEST_DATABASE_URL names the primary too). Every wait polls a state with a deadline.
 */
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberWithCheck } from '@township-office/domain/personnel';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, type Database } from '../../src/db/client.ts';
import { REPLICA_APPLICATION_NAME } from '../../src/db/replica.ts';
import type { App } from '../../src/platform/app-types.ts';
import { TEST_CONNECT_OPTIONS } from '../support/connect-options.ts';
import { as, TEST_KEYS_DIR } from '../helpers.ts';
import { adminQuery, withDb } from '../support/admin-db.ts';
import { chinaToday, chinaYear } from '@township-office/domain/dates';

const primaryAdmin = process.env.TEST_PRIMARY_URL;
const replicaAdmin = process.env.TEST_REPLICA_URL;
const failoverAdmin = process.env.TEST_FAILOVER_URL;
const stopPrimary = process.env.TEST_STOP_PRIMARY;
const configured = !!primaryAdmin && !!replicaAdmin;
const run = promisify(exec);

if (process.env.REQUIRE_REPLICA === '1' && !configured)
  describe('the replica test', () => {
    it('has its servers', () => {
      throw new Error('REQUIRE_REPLICA=1 but TEST_PRIMARY_URL and TEST_REPLICA_URL are not both set (.ci/replica-test.sh sets them)');
    });
  });

const year = chinaYear();
const today = chinaToday();
const dbName = `r_${randomBytes(6).toString('hex')}`;

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp(): Promise<void> {
  const [head] = await adminQuery<{ lsn: string }>(primaryAdmin!, 'SELECT pg_current_wal_lsn()::text AS lsn');
  const lsn = head!.lsn;
  await until(`the replica to replay up to ${lsn}`, async () => {
    const [r] = await adminQuery<{ ok: boolean }>(replicaAdmin!, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    return r?.ok;
  });
}

let seq = 0;
function joinFiling() {
  seq++;
  return {
    kind: 'join',
    changeDate: today,
    // Past the 2–3 staff a township office should have, a join needs a reason.
    reason: '备库与切换测试',
    particulars: {
      name: '备库测试',
      idNumber: idNumberWithCheck(`43102119900101${String(600 + seq).padStart(3, '0')}`),
      gender: 'female',
      birthDate: '1990-01-01',
      ethnicity: '汉族',
      politicalStatus: 'cpc_member',
      education: 'bachelor',
      major: '行政管理',
      post: '科员',
      officeRole: '办公室工作人员',
      phone: '0745-2234567',
      startDate: today,
    },
  };
}

let primary: Database;
let app: App;
let primaryOnly: App;

describe.skipIf(!configured)('reads from a streaming replica', () => {
  beforeAll(async () => {
    // FILE_COPY, not PostgreSQL 15's default WAL_LOG: WAL_LOG logs the template's pages as they
    // are in memory, so a sequence arrives on the standby with the primary's in-memory last_value
    // (audit_log_id_seq: 170, 28 values still unlogged) instead of the logged-ahead 198 that
    // replay gives. The primary then hands out 171…198 without WAL, and after promotion the new
    // primary hands them out again: duplicate keys (seen here: audit_log_pkey). With FILE_COPY the
    // standby copies its own replayed template. Databases written normally are not affected.
    await adminQuery(primaryAdmin!, `CREATE DATABASE ${dbName} TEMPLATE tpl_demo STRATEGY FILE_COPY`);
    await replicaCaughtUp();
    primary = connect(withDb(primaryAdmin!, dbName), 'external', 10, TEST_CONNECT_OPTIONS);
    const config = loadConfig({
      dataDir: '/nonexistent',
      keysDir: TEST_KEYS_DIR,
      webDist: undefined,
      databaseUrl: withDb(primaryAdmin!, dbName),
      databaseReplicaUrl: withDb(replicaAdmin!, dbName),
    });
    app = await buildApp({ config, database: primary, replicaConnectOptions: TEST_CONNECT_OPTIONS });
    // The same database without a replica: what the primary itself says.
    primaryOnly = await buildApp({ config: { ...config, databaseReplicaUrl: undefined }, database: primary });
  });
  afterAll(async () => {
    await primaryOnly?.close();
    await app?.close();
    await primary?.close();
  });

  it('answers the dashboard from the replica: a write it has not replayed yet is not there, and is once it has', async () => {
    const replica = app.readReplica!;
    const inRecovery = await replica.db.execute<{ standby: boolean }>(sql`SELECT pg_is_in_recovery() AS standby`);
    expect(inRecovery.rows[0]!.standby).toBe(true);

    const county = await as(app, 'county.admin');
    const countyOnPrimary = await as(primaryOnly, 'county.admin');
    const dashboard = async (on = county) => {
      const res = await on.get(`/api/dashboard/county?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().filedStaff as number;
    };
    expect(await dashboard()).toBe(42);

    // Replay paused: the primary moves on, the replica stands still.
    await adminQuery(withDb(replicaAdmin!, dbName), 'SELECT pg_wal_replay_pause()');
    await until('replay to pause', async () => {
      const [r] = await adminQuery<{ s: string }>(replicaAdmin!, 'SELECT pg_get_wal_replay_pause_state() AS s');
      return r?.s === 'paused';
    });
    try {
      const clerk = await as(app, 'town02.clerk');
      const filed = await clerk.post('/api/personnel/filings', joinFiling());
      expect(filed.statusCode, filed.body).toBe(201);
      const ack = await (
        await as(app, 'county.clerk')
      ).post(`/api/personnel/filings/${filed.json().id}/decision`, { decision: 'acknowledge' });
      expect(ack.statusCode, ack.body).toBe(200);
      expect(await dashboard(countyOnPrimary)).toBe(43);
      expect(await dashboard()).toBe(42);
    } finally {
      await adminQuery(replicaAdmin!, 'SELECT pg_wal_replay_resume()');
    }
    await replicaCaughtUp();
    expect(await dashboard()).toBe(43);

    // The read pool's sessions are on the replica, under their own name.
    const readers = await adminQuery<{ n: number }>(
      replicaAdmin!,
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
      [dbName, REPLICA_APPLICATION_NAME],
    );
    expect(readers[0]!.n).toBeGreaterThan(0);

    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'external', replica: { state: 'streaming', readsFrom: 'replica' } });
    expect(typeof health.json().replica.lagBytes).toBe('number');
  });

  it('refuses a write through the replica handle, and does not retry it on the primary', async () => {
    await expect(app.readReplica!.db.execute(sql`CREATE TABLE replica_write_probe (x int)`)).rejects.toMatchObject({
      cause: { code: '25006' },
    });
    const [t] = (await primary.pool.query("SELECT to_regclass('replica_write_probe') AS t")).rows;
    expect(t.t).toBeNull();
  });

  it('exports a register from the replica and writes the export audit on the primary', async () => {
    const county = await as(app, 'county.admin');
    const before = Number((await primary.pool.query("SELECT count(*) AS n FROM audit_log WHERE action = 'register.export'")).rows[0].n);
    const xlsx = await county.get('/api/registers/outgoing?format=xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const after = Number((await primary.pool.query("SELECT count(*) AS n FROM audit_log WHERE action = 'register.export'")).rows[0].n);
    expect(after).toBe(before + 1);
    expect((await county.get(`/api/search?q=${encodeURIComponent('通知')}`)).statusCode).toBe(200);
  });
});

describe.skipIf(!configured || !failoverAdmin || !stopPrimary)('failover to the promoted standby', () => {
  let ha: Database;
  let server: App;
  beforeAll(async () => {
    // The server reaches PostgreSQL through HAProxy only: it never learns which node is primary.
    ha = connect(withDb(failoverAdmin!, dbName), 'external', 10, { connectTimeoutMillis: 5_000, connectionTimeoutMillis: 30_000 });
    server = await buildApp({
      config: loadConfig({
        dataDir: '/nonexistent',
        keysDir: TEST_KEYS_DIR,
        webDist: undefined,
        databaseUrl: withDb(failoverAdmin!, dbName),
      }),
      database: ha,
    });
  });
  afterAll(async () => {
    // Closing is bounded (jobs and pool); if it is slow all the same, the promoted node says who waits on what.
    let stage = 'app';
    const slow = setTimeout(() => {
      const p = ha?.pool;
      console.log(`[replica] close slow at ${stage}: pool total=${p?.totalCount} idle=${p?.idleCount} waiting=${p?.waitingCount}`);
      adminQuery(
        replicaAdmin!,
        'SELECT pid, application_name, state, wait_event_type, wait_event, now() - query_start AS age, left(query, 300) AS q FROM pg_stat_activity WHERE datname = $1',
        [dbName],
      )
        .then((rows) => console.log('[replica] sessions on the promoted node', JSON.stringify(rows)))
        .catch((e: Error) => console.log('[replica] could not read pg_stat_activity:', e.message));
    }, 8_000);
    await server?.close();
    stage = 'pool';
    await ha?.close();
    clearTimeout(slow);
  });

  it('keeps an acknowledged write when the primary dies, with 503s and no 500 while the standby is promoted', async () => {
    const clerk = await as(server, 'town02.clerk');
    const filed = await clerk.post('/api/personnel/filings', joinFiling());
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;

    // Clerks keep filing through the same server and session from before the primary dies until a
    // write goes through on the promoted standby: every answer on the way is a 201 or a 503.
    const statuses: number[] = [];
    let promoted = false;
    const deadline = Date.now() + 90_000;
    const traffic = (async () => {
      while (Date.now() < deadline) {
        const res = await clerk.post('/api/personnel/filings', joinFiling());
        statuses.push(res.statusCode);
        if (res.statusCode !== 201 && res.statusCode !== 503) console.log(`[replica] failover: ${res.statusCode} ${res.body}`);
        if (promoted && res.statusCode === 201) return res.json().id as string;
      }
      throw new Error('no write went through on the promoted standby within 90 s');
    })();
    await run(stopPrimary!);
    const [done] = await adminQuery<{ done: boolean }>(replicaAdmin!, 'SELECT pg_promote(true, 60) AS done');
    expect(done!.done).toBe(true);
    promoted = true;
    const written = await traffic;
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const unavailable = statuses.filter((s) => s === 503).length;
    console.log(`[replica] failover: ${statuses.length} writes tried across the switch, ${unavailable} × 503, no other refusal`);

    const kept = await adminQuery<{ id: string }>(
      withDb(replicaAdmin!, dbName),
      'SELECT id FROM staff_filings WHERE id = ANY($1::uuid[])',
      [[id, written]],
    );
    expect(kept.map((r) => r.id).sort()).toEqual([id, written].sort());
    const mine = await clerk.get('/api/personnel/filings?state=submitted');
    expect(mine.statusCode, mine.body).toBe(200);
    const [recovery] = await adminQuery<{ standby: boolean }>(replicaAdmin!, 'SELECT pg_is_in_recovery() AS standby');
    expect(recovery!.standby).toBe(false);
  });
});
