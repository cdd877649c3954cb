/**
 * A stop must stop. A fresh-clone CI run hung 300 s closing the server after a failover: closing a
 * pool waits for every checked-out connection, and one query that never answered kept it waiting.
 * Here, on a real database: a pool closes within its grace although a connection is held in a
 * query that would run for a minute (the connection is cut, named in a warning, its holder gets the
 * error); periodic jobs never overlap themselves and closing the app waits for the run in progress.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import Fastify from 'fastify';
import { connect, endPool } from '../../src/db/client.ts';
import { registerJob } from '../../src/platform/jobs.ts';
import { testDatabase } from '../helpers.ts';
import { TEST_CONNECT_OPTIONS } from '../support/connect-options.ts';

const base = await testDatabase('bare');

describe('closing a pool', () => {
  it('ends at once when nothing is held', async () => {
    const db = connect(base.url, 'external', 2, TEST_CONNECT_OPTIONS);
    await db.pool.query('SELECT 1');
    const warnings: string[] = [];
    await endPool(db.pool, 5_000, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(db.pool.totalCount).toBe(0);
  });

  it('resolves only when every connection has closed, so a DROP DATABASE … WITH (FORCE) right after terminates none of them', async () => {
    // pg-pool alone resolves end() once it has asked each client to end, before their sockets close
    // (its 'remove' event comes later): the bench dropping each scenario's database then cut live
    // connections, and every one of them logged "terminating connection due to administrator command".
    const name = `endpool_${process.pid}`;
    await base.pool.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    const url = new URL(base.url);
    url.pathname = `/${name}`;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (let round = 0; round < 5; round++) {
        const db = connect(url.toString(), 'external', 8, TEST_CONNECT_OPTIONS);
        await Promise.all(Array.from({ length: 8 }, () => db.pool.query('SELECT pg_sleep(0.005)')));
        await endPool(db.pool, 5_000);
        await base.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
        // Any error event of a terminated connection has arrived by the time this round-trip has.
        await base.pool.query('SELECT 1');
      }
      expect(errors.mock.calls.map((c) => String(c[1] ?? c[0]))).toEqual([]);
    } finally {
      errors.mockRestore();
      await base.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('cuts a connection still held in a query after the grace, names the query, and ends', async () => {
    const db = connect(base.url, 'external', 2, TEST_CONNECT_OPTIONS);
    const client = await db.pool.connect();
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    // The holder gives the connection back when its query ends, as every caller of the pool does.
    const held = client.query('SELECT pg_sleep(60) AS long_wait').finally(() => client.release(true));
    // The query is running on the server before the close begins.
    for (;;) {
      const r = await base.pool.query<{ state: string }>('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid]);
      if (r.rows[0]?.state === 'active') break;
    }
    const warnings: string[] = [];
    await endPool(db.pool, 300, (m) => warnings.push(m));
    await expect(held).rejects.toThrow(/Connection terminated/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/still held after 300 ms.*pg_sleep\(60\)/);
    expect(db.pool.totalCount).toBe(0);
  });
});

describe('periodic jobs', () => {
  afterEach(() => vi.useRealTimers());

  it('skip a tick while the last run is still going, and closing waits for the run in progress', async () => {
    // The job's interval is faked, so the test says how many ticks came, not how long it waited.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = Fastify({ logger: false });
    let started = 0;
    let finished = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    registerJob(app, {
      name: 'test.slow',
      everyMs: 10,
      run: async () => {
        started++;
        await gate;
        finished++;
      },
    });
    await app.ready();
    expect(started).toBe(0);
    vi.advanceTimersByTime(10);
    expect(started).toBe(1);
    // Ten more ticks while the first run waits on its gate: none starts a second run.
    vi.advanceTimersByTime(100);
    expect(started).toBe(1);
    let closed = false;
    const closing = app.close().then(() => (closed = true));
    // Close has run every hook it can without the job: it is waiting for the run.
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(finished).toBe(1);
    // Closed: no tick starts another run.
    vi.advanceTimersByTime(100);
    expect(started).toBe(1);
  });
});
