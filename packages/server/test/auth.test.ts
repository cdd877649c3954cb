import { describe, expect, it } from 'vitest';
import { as, client, DEMO_PASSWORD, login, tableDigest, testApp, uniqueIp } from './helpers.ts';

const { app, database } = await testApp();
// Sign-in counters and the accounts' own lock are the point of these tests, not a side effect.
const DIGEST_EXCLUDE = ['sessions', 'audit_log', 'audit_chain_heads', 'users', 'login_failures'];

const attempt = (username: string, password: string, ip: string, lang = 'zh-CN') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'accept-language': lang },
    remoteAddress: ip,
  });

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
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'county.clerk', password: 'Demo#2026' },
      remoteAddress: uniqueIp(),
    });
    const cookie = res.cookies.find((c) => c.name === 'township_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('refuses a wrong password with 401 and locks the address on the fifth, with 423', async () => {
    const before = await tableDigest(database, DIGEST_EXCLUDE);
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('town07.clerk', 'Wrong#2026', ip)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await attempt('town07.clerk', DEMO_PASSWORD, ip);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('15 分钟');
    expect(await tableDigest(database, DIGEST_EXCLUDE)).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en-US,en' },
      remoteAddress: uniqueIp(),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/Wrong user name or password/);
  });

  it('rate-limits sign-in per address with 429 and Retry-After', async () => {
    const ip = uniqueIp();
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 61; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `nobody${i}`, password: 'x' },
        remoteAddress: ip,
      });
      last = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('sign-in locks that cannot be turned against an account (issue 9)', () => {
  it('locks only the address that failed five times: the right password from another address still signs in', async () => {
    const hostile = uniqueIp();
    for (let i = 0; i < 5; i++) await attempt('county.leader', 'Wrong#2026', hostile);
    expect((await attempt('county.leader', DEMO_PASSWORD, hostile)).statusCode).toBe(423);
    const office = await attempt('county.leader', DEMO_PASSWORD, uniqueIp());
    expect(office.statusCode).toBe(200);
    expect(office.json().username).toBe('county.leader');
    // The leader's success does not free the hostile address.
    expect((await attempt('county.leader', DEMO_PASSWORD, hostile)).statusCode).toBe(423);
  });

  it('locks the account for everyone once three addresses are locked, and says so in the audit trail', async () => {
    const addresses = [uniqueIp(), uniqueIp(), uniqueIp()];
    for (const ip of addresses.slice(0, 2)) for (let i = 0; i < 5; i++) await attempt('town08.leader', 'Wrong#2026', ip);
    expect((await attempt('town08.leader', DEMO_PASSWORD, uniqueIp())).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await attempt('town08.leader', 'Wrong#2026', addresses[2]!);
    const anyone = await attempt('town08.leader', DEMO_PASSWORD, uniqueIp());
    expect(anyone.statusCode).toBe(423);
    const { rows } = await database.pool.query(
      `SELECT a.after FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.username = 'town08.leader' AND a.action = 'auth.locked'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ forEveryone: true, address: addresses[2] });
  });

  it('answers an unknown name exactly as a known one over seven attempts, and audits every attempt on the unknown name', async () => {
    const run = async (username: string) => {
      const ip = uniqueIp();
      const out: { status: number; code: string; message: string; ms: number }[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        const res = await attempt(username, 'Wrong#2026', ip);
        out.push({ status: res.statusCode, code: res.json().error.code, message: res.json().error.message, ms: performance.now() - t0 });
      }
      return out;
    };
    const known = await run('town13.clerk');
    const unknown = await run('town99.clerk');
    const shape = (r: typeof known) => r.map(({ status, code, message }) => ({ status, code, message }));
    expect(shape(known).map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(shape(unknown)).toEqual(shape(known));
    // Both pay for an argon2 verify on the counted attempts (a dummy hash for the unknown name).
    const mean = (r: typeof known) => r.slice(0, 4).reduce((a, x) => a + x.ms, 0) / 4;
    expect(mean(unknown)).toBeGreaterThan(mean(known) * 0.3);

    const { rows } = await database.pool.query(
      `SELECT chain, org_id, actor_user_id, after, before FROM audit_log WHERE action = 'auth.login_unknown_user' AND after->>'username' = 'town99.clerk'`,
    );
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.chain === 'system' && r.org_id === null && r.actor_user_id === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Wrong#2026');
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
    await database.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'town06.clerk')`,
    );
    const res = await client(app, s).get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_IDLE_TIMEOUT');
    expect(res.json().error.message).toContain('30 分钟');
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
