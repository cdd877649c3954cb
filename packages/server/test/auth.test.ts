import { describe, expect, it } from 'vitest';
import { as, client, login, tableDigest, testApp, uniqueIp } from './helpers.ts';

const { app, database } = await testApp();

describe('sign in', () => {
  it('returns the session cookie, the CSRF token and the caller', async () => {
    const s = await login(app, 'town03.clerk');
    expect(s.cookie).toMatch(/^township_sid=/);
    expect(s.me).toMatchObject({ username: 'town03.clerk', role: 'office_staff', org: { name: '西河镇', kind: 'township' } });
    expect(typeof s.csrfToken).toBe('string');
    const me = await client(app, s).get('/api/me');
    expect(me.json()).toMatchObject({ username: 'town03.clerk', csrfToken: s.csrfToken });
  });

  it('sets the cookie httpOnly and SameSite=Lax', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'county.clerk', password: 'Demo#2026' }, remoteAddress: uniqueIp() });
    const cookie = res.cookies.find((c) => c.name === 'township_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('refuses a wrong password with 401 and locks the account on the fifth, with 423', async () => {
    const before = await tableDigest(database);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'town07.clerk', password: 'Wrong#2026' }, remoteAddress: uniqueIp() });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'town07.clerk', password: 'Demo#2026' }, remoteAddress: uniqueIp() });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('分钟');
    expect(await tableDigest(database)).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, headers: { 'accept-language': 'en-US,en' }, remoteAddress: uniqueIp() });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/Wrong user name or password/);
  });

  it('rate-limits sign-in per address with 429 and Retry-After', async () => {
    const ip = uniqueIp();
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 61; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: ip });
      last = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('CSRF and sessions', () => {
  it('refuses an unsafe request without the X-CSRF-Token header', async () => {
    const s = await login(app, 'town04.clerk');
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_MISSING');
  });

  it('ends the session at logout', async () => {
    const s = await login(app, 'town05.clerk');
    const c = client(app, s);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('signs out after 30 idle minutes', async () => {
    const s = await login(app, 'town06.clerk');
    await database.pool.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'town06.clerk')`);
    const res = await client(app, s).get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_IDLE_TIMEOUT');
  });
});

describe('the org tree', () => {
  it('lists the demo county: 18 townships, the county office, departments', async () => {
    const c = await as(app, 'town01.clerk');
    const items = (await c.get('/api/orgs')).json().items as { kind: string; parentId: string | null }[];
    expect(items.filter((o) => o.kind === 'township')).toHaveLength(18);
    expect(items.filter((o) => o.kind === 'county_office')).toHaveLength(1);
    expect(items.filter((o) => o.kind === 'county')).toHaveLength(1);
    expect(items.filter((o) => o.kind === 'county_department').length).toBeGreaterThan(0);
  });

  it('serves health and the OpenAPI document without a session', async () => {
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok', database: expect.stringMatching(/embedded|external/) });
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/auth/login']).toBeDefined();
  });
});
