/**
 * Two faults that gave a 500 (issue 9, carried over from session 3):
 * - the key store's data.key is lost and a new one generated: every authenticator sealed under the
 *   old key can no longer be read, and sign-in with a one-time code answered 500;
 * - a unique index refuses a write that no service maps (e.g. an incoming serial already taken by a
 *   row entered outside the app): a 500 instead of a 409 saying nothing was saved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { unreadableTotpSecrets } from '../../src/modules/accounts/totp-secrets.ts';
import { totpNow } from '../../src/platform/totp.ts';
import { as, client, DEMO_PASSWORD, login, tableCounts, testApp, uniqueIp } from '../helpers.ts';

const { app, database } = await testApp();
const sql = <T extends Record<string, unknown> = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  database.pool.query<T>(text, params).then((r) => r.rows);

const signIn = (target: typeof app, username: string, password: string, totp?: string) =>
  target.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
    remoteAddress: uniqueIp(),
  });

describe('a lost data.key (the key store replaced by a new one)', () => {
  it('answers 409 TOTP_SECRET_UNREADABLE at sign-in instead of a 500, is listed for the operator, and the system administrator resets the authenticator', async () => {
    // town02.clerk binds an authenticator: its seed is sealed under the original data key.
    const c = client(app, await login(app, 'town02.clerk'));
    const { secret } = (await c.post('/api/auth/totp/setup')).json();
    expect((await c.post('/api/auth/totp/enable', { secret, code: await totpNow(secret) })).statusCode).toBe(200);
    const [user] = await sql<{ id: string; totp_secret: string }>(`SELECT id, totp_secret FROM users WHERE username = 'town02.clerk'`);
    expect(user!.totp_secret).toMatch(/^sm4:/);

    // The key store is lost: the server starts with a new folder and generates a new data.key.
    const freshKeys = fs.mkdtempSync(path.join(os.tmpdir(), 'township-keys-lost-'));
    const second = await buildApp({ config: loadConfig({ dataDir: '/nonexistent', keysDir: freshKeys, webDist: undefined }), database });
    try {
      expect(await unreadableTotpSecrets(database.db)).toContain('town02.clerk');

      const refused = await signIn(second, 'town02.clerk', DEMO_PASSWORD, await totpNow(secret));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('TOTP_SECRET_UNREADABLE');
      expect(refused.json().error.message).toContain('系统管理员');
      const [audited] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_refused_secret_unreadable' AND entity_id = $1`,
        [user!.id],
      );
      expect(audited!.n).toBe(1);
      // A wrong password is still just a wrong password: the unreadable seed tells a guesser nothing.
      const wrong = await signIn(second, 'town02.clerk', 'Wrong#2026x', await totpNow(secret));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).not.toBe('TOTP_SECRET_UNREADABLE');

      // The system administrator sees the action offered and resets it (a POST with no body at all).
      const sysadmin = await login(second, 'sysadmin');
      const listed = (await client(second, sysadmin).get('/api/users?q=town02.clerk')).json().items[0];
      expect(listed.allowedActions).toContain('resetTotp');
      const reset = await second.inject({
        method: 'POST',
        url: `/api/users/${user!.id}/totp/reset`,
        headers: { cookie: sysadmin.cookie, 'x-csrf-token': sysadmin.csrfToken },
      });
      expect(reset.statusCode).toBe(200);
      expect(reset.json().allowedActions).not.toContain('resetTotp');
      const [after] = await sql<{ totp_secret: string | null; totp_enabled: boolean }>(
        `SELECT totp_secret, totp_enabled FROM users WHERE id = $1`,
        [user!.id],
      );
      expect(after).toEqual({ totp_secret: null, totp_enabled: false });
      const [resetAudit] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.totp_reset' AND entity_id = $1`,
        [user!.id],
      );
      expect(resetAudit!.n).toBe(1);
      expect(await unreadableTotpSecrets(database.db)).not.toContain('town02.clerk');

      // The user signs in with the password again; a second reset has nothing to reset.
      expect((await signIn(second, 'town02.clerk', DEMO_PASSWORD)).statusCode).toBe(200);
      const again = await client(second, sysadmin).post(`/api/users/${user!.id}/totp/reset`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('TOTP_NOT_ENABLED');
      // Only the system administrator may: the security administrator is refused.
      const secadmin = await as(second, 'secadmin');
      expect((await secadmin.post(`/api/users/${user!.id}/totp/reset`)).statusCode).toBe(403);
    } finally {
      await second.close();
      fs.rmSync(freshKeys, { recursive: true, force: true });
    }
  });
});

describe('a unique index no service maps', () => {
  it('is a 409 WRITE_CONFLICT in the user language with nothing written, not a 500', async () => {
    const town = await as(app, 'town03.clerk');
    const [org] = await sql<{ id: string }>(`SELECT org_id AS id FROM users WHERE username = 'town03.clerk'`);
    const year = Number(new Date().toISOString().slice(0, 4));
    // A serial taken outside the app (entered by hand in the database), one past the counter.
    const [counter] = await sql<{ last_seq: number }>(
      `SELECT coalesce((SELECT last_seq FROM incoming_serial_counters WHERE org_id = $1 AND year = $2), 0) AS last_seq`,
      [org!.id, year],
    );
    const [template] = await sql<{ id: string }>(`SELECT id FROM incoming WHERE org_id = $1 LIMIT 1`, [org!.id]);
    await sql(
      `INSERT INTO incoming SELECT (jsonb_populate_record(i, jsonb_build_object('id', gen_random_uuid(), 'serial_year', $2::int, 'serial_seq', $3::int, 'delivery_id', null, 'serial', 'X-' || $3::text))).*
       FROM incoming i WHERE i.id = $1`,
      [template!.id, year, Number(counter!.last_seq) + 1],
    );
    const before = await tableCounts(database);
    const res = await town.post(
      '/api/incoming',
      { senderName: '县档案馆', docNumber: '清档发〔2026〕9号', title: '关于档案移交的通知', receivedDate: `${year}-03-02`, body: '正文' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WRITE_CONFLICT');
    expect(res.json().error.message).toMatch(/nothing was saved/);
    expect(await tableCounts(database)).toEqual(before);
  });
});
