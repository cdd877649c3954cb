import { describe, expect, it } from 'vitest';
import { totpNow } from '../src/platform/totp.ts';
import { as, client, login, tableCounts, testApp } from './helpers.ts';

const { app, database } = await testApp();
const orgs = (await (await as(app, 'sysadmin')).get('/api/orgs')).json().items as { id: string; kind: string; name: string }[];
const township = orgs.find((o) => o.name === '东坪镇')!;
const office = orgs.find((o) => o.kind === 'county_office')!;

describe('account administration under 三员分立', () => {
  it('lets the system administrator create an account that must change its password at first sign-in', async () => {
    const sys = await as(app, 'sysadmin');
    const res = await sys.post('/api/users', {
      username: 'town02.newclerk',
      displayName: '新文书',
      orgId: township.id,
      role: 'office_staff',
      password: 'Start#2026',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mustChangePassword: true, role: 'office_staff' });

    const s = await login(app, 'town02.newclerk', 'Start#2026');
    const c = client(app, s);
    expect((await c.get('/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/auth/password', { currentPassword: 'Start#2026', newPassword: 'weakpass' })).statusCode).toBe(400);
    const changed = await c.post('/api/auth/password', { currentPassword: 'Start#2026', newPassword: 'Better#2026x' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await c.get('/api/orgs')).statusCode).toBe(200);
  });

  it('does not make demo accounts change their password', async () => {
    expect((await login(app, 'town09.clerk')).me.mustChangePassword).toBe(false);
  });

  it('refuses to create an administrator account through the API (三员 only through the CLI)', async () => {
    const sys = await as(app, 'sysadmin');
    const before = await tableCounts(database);
    const res = await sys.post('/api/users', {
      username: 'another.admin',
      displayName: 'x',
      orgId: office.id,
      role: 'security_admin',
      password: 'Start#2026',
    });
    expect(res.statusCode).toBe(400);
    expect(await tableCounts(database)).toEqual(before);
  });

  it('refuses to turn an administrator into a business account', async () => {
    const sec = await as(app, 'secadmin');
    const users = (await sec.get('/api/users')).json().items as { id: string; username: string }[];
    const auditor = users.find((u) => u.username === 'auditor')!;
    const res = await sec.post(`/api/users/${auditor.id}/role`, { role: 'county_staff' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ROLE_SEPARATION');
  });

  it('keeps each administrator to its own part', async () => {
    const sys = await as(app, 'sysadmin');
    const sec = await as(app, 'secadmin');
    const aud = await as(app, 'auditor');
    const target = ((await sys.get('/api/users')).json().items as { id: string; username: string }[]).find(
      (u) => u.username === 'town10.clerk',
    )!;
    expect((await sys.post(`/api/users/${target.id}/role`, { role: 'leader_in_charge' })).statusCode).toBe(403);
    expect((await sec.post(`/api/users/${target.id}/status`, { disabled: true })).statusCode).toBe(403);
    expect((await aud.get('/api/users')).statusCode).toBe(403);
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await aud.get('/api/audit')).statusCode).toBe(200);
    const clerk = await as(app, 'town10.clerk');
    expect((await clerk.get('/api/users')).statusCode).toBe(403);
  });

  it('lets none of the three administrators read business records (every business GET in the API answers 403)', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const platformTags = new Set(['auth', 'users', 'orgs', 'audit', 'platform']);
    const businessGets = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get && !(ops.get.tags ?? []).some((t) => platformTags.has(t)))
      .map(([p]) => p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'));
    // The modules' business endpoints are all in the document; the check is not vacuous.
    expect(businessGets.length).toBeGreaterThan(30);
    for (const username of ['sysadmin', 'secadmin', 'auditor']) {
      const c = await as(app, username);
      for (const url of businessGets) {
        const res = await c.get(url);
        expect(res.statusCode, `${username} GET ${url}`).toBe(403);
      }
    }
  });

  it('lets the security administrator unlock a locked account', async () => {
    await database.pool.query(`UPDATE users SET locked_until = now() + interval '10 minutes' WHERE username = 'town11.clerk'`);
    const sec = await as(app, 'secadmin');
    const target = ((await sec.get('/api/users?q=town11.clerk')).json().items as { id: string; lockedUntil: string | null }[])[0]!;
    expect(target.lockedUntil).not.toBeNull();
    const res = await sec.post(`/api/users/${target.id}/unlock`);
    expect(res.json().lockedUntil).toBeNull();
    expect((await login(app, 'town11.clerk')).me.username).toBe('town11.clerk');
  });
});

describe('sign-in locks for the security administrator (issue 9)', () => {
  const attempt = (username: string, password: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  type Lock = {
    username: string;
    known: boolean;
    lockedForEveryone: boolean;
    displayName: string | null;
    addresses: { address: string; failures: number; lockedUntil: string | null }[];
  };

  it('shows each lock with the addresses that caused it and lifts it, audited', async () => {
    for (let i = 0; i < 5; i++) await attempt('town14.clerk', 'Wrong#2026', '10.77.0.1');
    for (let i = 0; i < 2; i++) await attempt('town14.clerk', 'Wrong#2026', '10.77.0.2');
    for (let i = 0; i < 5; i++) await attempt('no.such.person', 'Wrong#2026', '10.77.0.3');
    expect((await attempt('town14.clerk', 'Demo#2026', '10.77.0.1')).statusCode).toBe(423);

    const sec = await as(app, 'secadmin');
    const items = (await sec.get('/api/users/locks')).json().items as Lock[];
    const lock = items.find((l) => l.username === 'town14.clerk')!;
    expect(lock).toMatchObject({ known: true, lockedForEveryone: false });
    expect(lock.displayName).toBeTruthy();
    expect(lock.addresses.map((a) => [a.address, a.failures, a.lockedUntil !== null])).toEqual([
      ['10.77.0.1', 5, true],
      ['10.77.0.2', 2, false],
    ]);
    // A guesser on a name that is no account shows too.
    expect(items.find((l) => l.username === 'no.such.person')).toMatchObject({
      known: false,
      addresses: [{ address: '10.77.0.3', failures: 5 }],
    });

    // The account list shows it too (a clerk locked out of their own PC is looked up by name).
    const listed = () =>
      sec.get('/api/users?q=town14.clerk').then((r) => (r.json().items as { lockedUntil: string | null }[])[0]!.lockedUntil);
    expect(await listed()).not.toBeNull();

    expect((await sec.post('/api/users/locks/lift', { username: 'town14.clerk', address: '10.77.0.1' })).statusCode).toBe(200);
    expect(await listed()).toBeNull();
    expect((await attempt('town14.clerk', 'Demo#2026', '10.77.0.1')).statusCode).toBe(200);
    const after = (await sec.get('/api/users/locks')).json().items as Lock[];
    expect(after.find((l) => l.username === 'town14.clerk')).toBeUndefined();
    const { rows } = await database.pool.query(
      `SELECT actor_username, before FROM audit_log WHERE action = 'auth.lock_lifted' AND before->>'username' = 'town14.clerk'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_username: 'secadmin',
      before: { address: '10.77.0.1', counters: [{ address: '10.77.0.1', failures: 5 }] },
    });
    // Nothing to lift is a 404, and bad input a 400.
    expect((await sec.post('/api/users/locks/lift', { username: 'town14.clerk', address: '10.77.0.1' })).statusCode).toBe(404);
    expect((await sec.post('/api/users/locks/lift', { username: '' })).statusCode).toBe(400);
  });

  it('lifts a lock for everyone through the account unlock too', async () => {
    for (const ip of ['10.78.0.1', '10.78.0.2', '10.78.0.3']) for (let i = 0; i < 5; i++) await attempt('town15.leader', 'Wrong#2026', ip);
    expect((await attempt('town15.leader', 'Demo#2026', '10.78.0.9')).statusCode).toBe(423);
    const sec = await as(app, 'secadmin');
    const lock = ((await sec.get('/api/users/locks')).json().items as (Lock & { userId: string })[]).find(
      (l) => l.username === 'town15.leader',
    )!;
    expect(lock.lockedForEveryone).toBe(true);
    expect(lock.addresses).toHaveLength(3);
    expect((await sec.post(`/api/users/${lock.userId}/unlock`)).statusCode).toBe(200);
    expect((await attempt('town15.leader', 'Demo#2026', '10.78.0.1')).statusCode).toBe(200);
  });

  it('shows the locks to the security administrator only', async () => {
    expect((await (await as(app, 'sysadmin')).get('/api/users/locks')).statusCode).toBe(403);
    expect((await (await as(app, 'town03.clerk')).get('/api/users/locks')).statusCode).toBe(403);
  });
});

describe('optional TOTP second factor', () => {
  it('asks for the code once enabled and accepts a valid one', async () => {
    const c = await as(app, 'town12.leader');
    const { secret } = (await c.post('/api/auth/totp/setup')).json();
    expect((await c.post('/api/auth/totp/enable', { secret, code: '000000' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/totp/enable', { secret, code: await totpNow(secret) })).statusCode).toBe(200);

    const without = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'town12.leader', password: 'Demo#2026' },
      remoteAddress: '10.200.0.1',
    });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    const withCode = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'town12.leader', password: 'Demo#2026', totp: await totpNow(secret) },
      remoteAddress: '10.200.0.2',
    });
    expect(withCode.statusCode).toBe(200);
  });
});

describe('colleagues', () => {
  it('lists the active business accounts of the caller’s own org only', async () => {
    const c = await as(app, 'town03.clerk');
    const items = (await c.get('/api/people')).json().items as { displayName: string; role: string }[];
    expect(items.map((p) => p.role).sort()).toEqual(['leader_in_charge', 'office_staff', 'principal_leader']);
    expect((await (await as(app, 'auditor')).get('/api/people')).statusCode).toBe(403);
  });
});
