/**
 * Faults of the LISTEN connection behind the live inbox. The old hub borrowed its connection from
 * the request pool and, when the backend was terminated, forgot it without giving it back: each
 * loss leaked a pool slot, the open streams went silent, and after ten losses /api/health hung.
 * Here the LISTEN backend is terminated 20 times while one event stream stays open on a second
 * server process; every time the listener comes back, an event still reaches that stream and
 * health answers 200.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, isDatabaseUnavailable, type Database } from '../../src/db/client.ts';
import { LISTENER_APPLICATION_NAME, notify, type EventHub } from '../../src/modules/documents/documents.events.ts';
import type { App } from '../../src/platform/app-types.ts';
import { login, testApp } from '../helpers.ts';
import { countyActors, orgIds, signedNotice, type Actors } from '../documents/fixtures.ts';

let app: App;
let database: Database;
let a: Actors;
let townships: string[];

beforeAll(async () => {
  ({ app, database } = await testApp());
  a = await countyActors(app);
  townships = (await orgIds(a.clerk)).townships;
});

/** Resolves when the hub has lost its LISTEN and got it back (its own events, no sleeping). */
function nextRecovery(hub: EventHub, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the listener did not come back within ${timeoutMs} ms (state ${hub.state})`)),
      timeoutMs,
    );
    hub.once('lost', () =>
      hub.once('listening', () => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the LISTEN connection of the live inbox', () => {
  it('survives 20 terminations of its backend: the open stream keeps receiving, health stays 200, the pool is not drained', async () => {
    // A second server process (its own pool of 4, as an attached process has) holds the stream.
    const db2 = connect(database.url, 'external', 4);
    const second = await buildApp({ config: loadConfig({ dataDir: '/nonexistent', webDist: undefined }), database: db2 });
    afterAll(async () => {
      await second.close();
      await db2.close();
    });
    const address = await second.listen({ port: 0, host: '127.0.0.1' });
    const s10 = await login(second, 'town10.clerk');
    const town10 = s10.me.org.id;
    let text = '';
    let req: http.ClientRequest | undefined;
    await new Promise<void>((resolve, reject) => {
      req = http.get(`${address}/api/events`, { headers: { cookie: s10.cookie } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`events: ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          if (text.includes('event: ready')) resolve();
        });
      });
    });
    afterAll(() => req?.destroy());
    const hub = second.eventHub;
    expect(hub.state).toBe('listening');

    for (let round = 1; round <= 20; round++) {
      const pidBefore = hub.backendPid;
      const recovered = nextRecovery(hub);
      const killed = await database.pool.query<{ pid: number }>(
        // In the select list, not the WHERE: PostgreSQL may evaluate WHERE conditions in any order.
        'SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
        [LISTENER_APPLICATION_NAME],
      );
      expect(killed.rows.map((r) => r.pid)).toContain(pidBefore);
      await recovered;
      expect(hub.backendPid).not.toBe(pidBefore);

      const marker = `00000000-0000-4000-8000-${String(round).padStart(12, '0')}`;
      await notify(database.db, { type: 'delivery.updated', orgIds: [town10], deliveryId: marker });
      await until(() => text.includes(marker), `round ${round}'s event on the stream that stayed open`);

      const health = await second.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode, `round ${round}: ${health.body}`).toBe(200);
    }
    // Each recovery told the stream to reload what it may have missed.
    expect(text.match(/event: resync/g)?.length).toBe(20);
    // The listener never held a pool slot: the whole pool still serves requests at once.
    const many = await Promise.all(Array.from({ length: 8 }, () => second.inject({ method: 'GET', url: '/api/health' })));
    expect(many.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(db2.pool.totalCount).toBeLessThanOrEqual(4);

    // And a real dispatch, made on the first process, still reaches the stream on the second.
    const id = await signedNotice(a, [townships[9]!], { number: true });
    expect((await a.clerk.post(`/api/documents/${id}/dispatch`, { channel: 'online' })).statusCode).toBe(200);
    await until(() => text.includes(`"documentId":"${id}"`), 'the dispatched document on the open stream');
    expect(town10).toBe(townships[9]);
  });
});

describe('requests while the pool cannot connect', () => {
  it('answer the catalogued 503 within the connection timeout, in zh-CN and English, instead of hanging; health says unavailable', async () => {
    // One slot, taken: every request waits for the pool, which gives up after 500 ms.
    const tight = connect(database.url, 'external', 1, { connectionTimeoutMillis: 500 });
    const busy = await tight.pool.connect();
    const stuck = await buildApp({ config: loadConfig({ dataDir: '/nonexistent', webDist: undefined }), database: tight });
    try {
      const t0 = Date.now();
      const zh = await stuck.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'town01.clerk', password: 'Demo#2026' },
      });
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(zh.statusCode).toBe(503);
      expect(zh.json()).toEqual({ error: { code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试。' } });
      const en = await stuck.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': 'en' },
        payload: { username: 'town01.clerk', password: 'Demo#2026' },
      });
      expect(en.json().error.message).toBe('The database is unavailable; try again shortly.');

      const h0 = Date.now();
      const health = await stuck.inject({ method: 'GET', url: '/api/health', headers: { 'accept-language': 'en' } });
      expect(Date.now() - h0).toBeLessThan(2800);
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: 'unavailable', error: { code: 'DB_UNAVAILABLE' } });
    } finally {
      busy.release();
      await stuck.close();
      await tight.close();
    }
  });

  it('classifies real connection failures as "unavailable", and ordinary SQL errors not', async () => {
    // 57P01 admin_shutdown: the backend is terminated under a live client.
    const victim = new pg.Client({ connectionString: database.url });
    await victim.connect();
    victim.on('error', () => {});
    const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const pending = victim.query('SELECT pg_sleep(30)').catch((e: unknown) => e);
    for (let i = 0; i < 100; i++) {
      const r = await database.pool.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", [pid]);
      if (r.rowCount) break;
      await new Promise((res) => setTimeout(res, 20));
    }
    await database.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    const terminated = await pending;
    expect(isDatabaseUnavailable(terminated), String(terminated)).toBe(true);
    // The same client afterwards: "not queryable".
    const after = await victim.query('SELECT 1').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(after), String(after)).toBe(true);
    await victim.end().catch(() => {});

    // ECONNREFUSED: nothing listens on the port.
    const url = new URL(database.url);
    url.port = '1';
    const nowhere = connect(url.toString(), 'external', 1);
    const refused = await nowhere.pool.query('SELECT 1').catch((e: unknown) => e);
    await nowhere.close();
    expect(isDatabaseUnavailable(refused), String(refused)).toBe(true);

    // A bug is still a bug.
    const syntax = await database.pool.query('SELEC 1').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    const unique = await database.pool.query('INSERT INTO orgs (id) SELECT id FROM orgs LIMIT 1').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(unique)).toBe(false);
  });
});
