/**
 * The database goes away and comes back: an embedded cluster of this file's own, stopped and
 * started again on the same port (as a database server restarting looks to its clients). While it
 * is down, health answers 503 within its 2 s bound and requests the catalogued 503; once it is back
 * both work again, and the live-events listener has reconnected by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, type Database } from '../../src/db/client.ts';
import { freePort, startEmbedded, type EmbeddedCluster } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';
import { EventHub, notify, type LiveEvent } from '../../src/modules/documents/documents.events.ts';
import type { App } from '../../src/platform/app-types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-faults-'));
const pgData = path.join(dir, 'pg');
const settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
let port: number;
let cluster: EmbeddedCluster | undefined;
let database: Database;
let app: App;

beforeAll(async () => {
  port = await freePort();
  cluster = await startEmbedded({ pgData, port, settings });
  database = connect(cluster.url('postgres'), 'embedded', 4);
  await migrate(database.pool);
  app = await buildApp({ config: loadConfig({ dataDir: dir, webDist: undefined }), database });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const login = (lang?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: lang ? { 'accept-language': lang } : {},
    payload: { username: 'nobody.here', password: 'Wrong#2026' },
  });

describe('health and requests while the database is down', () => {
  it('503 with the message in zh-CN and English while stopped, 200 again once it is back; the listener reconnects and resyncs', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', database: 'embedded' });
    expect((await login()).statusCode).toBe(401);

    // A hub with a live subscriber, on the same database: it must notice the outage and recover.
    const warnings: string[] = [];
    const infos: string[] = [];
    const hub = new EventHub({
      url: database.url,
      pool: database.pool,
      log: { warn: (m) => warnings.push(m), info: (m) => infos.push(m) },
    });
    const received: LiveEvent[] = [];
    let resyncs = 0;
    await hub.subscribe({ orgId: 'org-a', send: (e) => received.push(e), resync: () => resyncs++ });
    const lost = new Promise((r) => hub.once('lost', r));

    await cluster!.stop();
    cluster = undefined;
    await lost;
    expect(hub.state).toBe('reconnecting');

    const t0 = Date.now();
    const zh = await app.inject({ method: 'GET', url: '/api/health' });
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(zh.statusCode).toBe(503);
    expect(zh.json()).toEqual({
      status: 'unavailable',
      database: 'unavailable',
      error: { code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试。' },
    });
    const en = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(503);
    expect(en.json().error.message).toBe('The database is unavailable; try again shortly.');

    // A request that needs the database: the catalogued 503, not a 500 and not a hang.
    const r0 = Date.now();
    const down = await login('en');
    expect(Date.now() - r0).toBeLessThan(2500);
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ error: { code: 'DB_UNAVAILABLE', message: 'The database is unavailable; try again shortly.' } });
    const signedIn = await app.inject({ method: 'GET', url: '/api/events', headers: { cookie: 'township_sid=some-old-token' } });
    expect(signedIn.statusCode).toBe(503);
    expect(signedIn.json().error.code).toBe('DB_UNAVAILABLE');

    const back = new Promise((r) => hub.once('listening', r));
    cluster = await startEmbedded({ pgData, port, settings });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(401);

    await back;
    expect(resyncs).toBe(1);
    await notify(database.db, { type: 'delivery.updated', orgIds: ['org-a'] });
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received.map((e) => e.type)).toEqual(['delivery.updated']);
    // The outage is logged once, however many reconnect attempts it took, and so is the recovery.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/LISTEN connection lost/);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatch(/LISTEN restored after \d+ retr/);
    await hub.close();
    expect(hub.state).toBe('closed');
  });
});
