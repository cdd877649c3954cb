/** Password expiry, the administrators' required second factor, and the idle message (issue 9). */
import { describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/context.ts';
import { totpNow } from '../src/platform/totp.ts';
import { insertAccount } from '../src/modules/accounts/users.service.ts';
import { client, DEMO_PASSWORD, login, testApp, uniqueIp } from './helpers.ts';

const { app, database } = await testApp();
// The same demo county under other settings: REQUIRE_ADMIN_MFA=false, SESSION_IDLE_MINUTES=5, PASSWORD_MAX_AGE_DAYS=0.
const other = await testApp({ config: { requireAdminMfa: false, sessionIdleMs: 5 * 60_000, passwordMaxAgeDays: 0 } });
const sql = (text: string) => database.pool.query(text);
const signIn = (username: string, password = DEMO_PASSWORD, totp?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
    remoteAddress: uniqueIp(),
  });

describe('password expiry (PASSWORD_MAX_AGE_DAYS, default 90)', () => {
  it('carries the expiry date, and no warning for a fresh password', async () => {
    const s = await login(app, 'town15.clerk');
    const expires = new Date(s.me.passwordExpiresAt as string).getTime();
    expect(Math.abs(expires - (Date.now() + 90 * 86_400_000))).toBeLessThan(86_400_000);
    expect(s.me).toMatchObject({ passwordExpiresSoon: false, passwordExpired: false, mustChangePassword: false });
  });

  it('warns from seven days before, in the login response and /api/me', async () => {
    await sql(`UPDATE users SET password_changed_at = now() - interval '85 days' WHERE username = 'town15.clerk'`);
    const s = await login(app, 'town15.clerk');
    expect(s.me).toMatchObject({ passwordExpiresSoon: true, passwordExpired: false, mustChangePassword: false });
    expect((await client(app, s).get('/api/me')).json()).toMatchObject({ passwordExpiresSoon: true });
    expect((await client(app, s).get('/api/orgs')).statusCode).toBe(200);
  });

  it('forces the change after expiry, for a new session and for one already open', async () => {
    const open = client(app, await login(app, 'town16.clerk'));
    await sql(`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE username = 'town16.clerk'`);
    expect((await open.get('/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const s = await login(app, 'town16.clerk');
    expect(s.me).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const c = client(app, s);
    expect((await c.get('/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Renewed#2026' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ mustChangePassword: false, passwordExpired: false, passwordExpiresSoon: false });
    expect((await c.get('/api/orgs')).statusCode).toBe(200);
  });
});

describe('second factor required for 三员 and county_admin (REQUIRE_ADMIN_MFA)', () => {
  it('keeps the demo administrators usable with the password alone (seeded exempt)', async () => {
    const s = await login(app, 'sysadmin');
    expect(s.me.mustEnrolTotp).toBe(false);
    expect((await client(app, s).get('/api/users')).statusCode).toBe(200);
  });

  it('makes an administrator without TOTP enrol before anything else, then asks for the code at every sign-in', async () => {
    await sql(`UPDATE users SET mfa_exempt = false WHERE username = 'county.admin'`);
    const s = await login(app, 'county.admin');
    expect(s.me).toMatchObject({ mustEnrolTotp: true, totpEnabled: false });
    const c = client(app, s);
    expect((await c.get('/api/orgs')).json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await c.get('/api/me')).statusCode).toBe(200);

    const { secret, uri } = (await c.post('/api/auth/totp/setup')).json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await c.post('/api/auth/totp/enable', { secret, code: '000000' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/totp/enable', { secret, code: await totpNow(secret) })).statusCode).toBe(200);
    expect((await c.get('/api/orgs')).statusCode).toBe(200);
    expect((await c.get('/api/me')).json()).toMatchObject({ mustEnrolTotp: false, totpEnabled: true });
    // Required for the role: it cannot be switched off.
    expect((await c.post('/api/auth/totp/disable', { code: await totpNow(secret) })).json().error.code).toBe('TOTP_REQUIRED_FOR_ROLE');

    const without = await signIn('county.admin');
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    expect((await signIn('county.admin', DEMO_PASSWORD, '123456')).statusCode).toBe(401);
    const withCode = await signIn('county.admin', DEMO_PASSWORD, await totpNow(secret));
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().mustEnrolTotp).toBe(false);
  });

  it('never exempts an administrator made outside the demo seed (as the CLI does)', async () => {
    const office = (await sql(`SELECT id FROM orgs WHERE kind = 'county_office'`)).rows[0].id as string;
    const actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'system:cli',
      displayName: 'CLI',
      role: 'system_admin' as const,
      orgId: office,
    };
    await insertAccount(database.db, systemContext(actor, 'cli'), {
      username: 'real.auditor',
      displayName: '审计员',
      orgId: office,
      role: 'audit_admin',
      password: 'Audit#2026x',
      mustChangePassword: false,
    });
    const s = await login(app, 'real.auditor', 'Audit#2026x');
    expect(s.me.mustEnrolTotp).toBe(true);
    expect((await client(app, s).get('/api/audit')).json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    // A business account is never asked.
    expect((await login(app, 'town17.clerk')).me.mustEnrolTotp).toBe(false);
  });
});

describe('settings off and other minutes', () => {
  it('lets an administrator sign in with the password alone when REQUIRE_ADMIN_MFA is off', async () => {
    await other.database.pool.query(`UPDATE users SET mfa_exempt = false WHERE username = 'secadmin'`);
    const s = await login(other.app, 'secadmin');
    expect(s.me.mustEnrolTotp).toBe(false);
    expect((await client(other.app, s).get('/api/users')).statusCode).toBe(200);
  });

  it('names the configured idle minutes (SESSION_IDLE_MINUTES=5) in the message and its details', async () => {
    const s = await login(other.app, 'town18.clerk');
    const c = client(other.app, s);
    await other.database.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '4 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'town18.clerk')`,
    );
    expect((await c.get('/api/me')).statusCode).toBe(200);
    await other.database.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '6 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'town18.clerk')`,
    );
    const res = await c.get('/api/me', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'SESSION_IDLE_TIMEOUT', details: { minutes: 5 } });
    expect(res.json().error.message).toContain('after 5 minutes');
  });

  it('never expires passwords with PASSWORD_MAX_AGE_DAYS=0', async () => {
    await other.database.pool.query(`UPDATE users SET password_changed_at = now() - interval '400 days' WHERE username = 'town17.leader'`);
    const s = await login(other.app, 'town17.leader');
    expect(s.me).toMatchObject({ passwordExpiresAt: null, passwordExpired: false, mustChangePassword: false });
  });
});
