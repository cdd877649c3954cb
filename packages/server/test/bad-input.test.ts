/**
 * A few hundred generated bad payloads against the auth and account endpoints: every answer is a
 * clear 4xx with an error code and message, and no business row changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { client, login, tableDigest, testApp, uniqueIp } from './helpers.ts';

const { app, database } = await testApp();
const sysSession = await login(app, 'sysadmin');
const secSession = await login(app, 'secadmin');
const someUser = ((await client(app, sysSession).get('/api/users')).json().items as { id: string; username: string }[]).find((u) => u.username === 'town15.clerk')!;

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.string({ minLength: 200, maxLength: 400 }),
  fc.constantFrom('', ' ', '\u0000', "'; DROP TABLE users; --", '<script>', '../../etc/passwd', '县委办', 'Demo#2026'),
);
const badObject = fc.dictionary(fc.constantFrom('username', 'password', 'totp', 'displayName', 'orgId', 'role', 'disabled', 'currentPassword', 'newPassword', 'extra', '__proto__', 'constructor'), junk, { maxKeys: 6 });
const rawBody = fc.oneof(
  badObject.map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"username":', '\u0000\u0001', '{"a":1}'.repeat(50)),
);
const targets = [
  { method: 'POST', url: '/api/auth/login', as: null },
  { method: 'POST', url: '/api/auth/password', as: 'sys' },
  { method: 'POST', url: '/api/auth/totp/enable', as: 'sys' },
  { method: 'POST', url: '/api/users', as: 'sys' },
  { method: 'POST', url: `/api/users/${someUser.id}/status`, as: 'sys' },
  { method: 'POST', url: `/api/users/${someUser.id}/password`, as: 'sys' },
  { method: 'POST', url: `/api/users/${someUser.id}/role`, as: 'sec' },
  { method: 'POST', url: '/api/users/not-a-uuid/role', as: 'sec' },
  { method: 'POST', url: '/api/orgs', as: 'sys' },
  { method: 'GET', url: '/api/users?orgId=xyz', as: 'sys' },
  { method: 'GET', url: '/api/audit?from=yesterday', as: 'sys' },
] as const;

describe('generated bad payloads on auth and account endpoints', () => {
  it('answer 4xx with a message and change no row', async () => {
    const before = await tableDigest(database);
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), rawBody, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (t, body, type) => {
        const headers: Record<string, string> = { 'content-type': type };
        const s = t.as === 'sys' ? sysSession : t.as === 'sec' ? secSession : null;
        if (s) {
          headers.cookie = s.cookie;
          headers['x-csrf-token'] = s.csrfToken;
        }
        const res = await app.inject({ method: t.method, url: t.url, headers, ...(t.method === 'GET' ? {} : { payload: body }), remoteAddress: uniqueIp() });
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${t.method} ${t.url} ${body.slice(0, 80)} → ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        const err = res.json().error;
        expect(typeof err.code).toBe('string');
        expect(err.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    expect(await tableDigest(database)).toBe(before);
    expect([...seen.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }), remoteAddress: uniqueIp() });
    expect(res.statusCode).toBe(413);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
