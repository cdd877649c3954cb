/**
 * Issue 9: TOTP seeds lay in plaintext in users.totp_secret, so a copy of the database (or of a
 * backup) handed out everyone's second factor. They are now sealed with SM4 under the key
 * store's data key; secrets stored before that still work and are sealed at start-up.
 */
import { describe, expect, it } from 'vitest';
import { sealPlaintextTotpSecrets } from '../../src/modules/accounts/totp-secrets.ts';
import { newTotpSecret, totpNow } from '../../src/platform/totp.ts';
import { as, testApp, uniqueIp } from '../helpers.ts';

const { app, database } = await testApp();

const storedSecret = async (username: string): Promise<string> =>
  (await database.pool.query(`SELECT totp_secret FROM users WHERE username = $1`, [username])).rows[0].totp_secret;
const signIn = async (username: string, totp?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'Demo#2026', ...(totp ? { totp } : {}) },
    remoteAddress: uniqueIp(),
  });

describe('TOTP secrets sealed at rest with SM4', () => {
  it('stores a newly enabled secret sealed, and sign-in with the code still works', async () => {
    const c = await as(app, 'town05.leader');
    const { secret } = (await c.post('/api/auth/totp/setup')).json();
    expect((await c.post('/api/auth/totp/enable', { secret, code: await totpNow(secret) })).statusCode).toBe(200);
    const stored = await storedSecret('town05.leader');
    expect(stored).toMatch(/^sm4:/);
    expect(stored).not.toContain(secret);
    expect((await signIn('town05.leader')).json().error.code).toBe('TOTP_REQUIRED');
    expect((await signIn('town05.leader', '000000')).statusCode).toBe(401);
    expect((await signIn('town05.leader', await totpNow(secret))).statusCode).toBe(200);
  });

  it('reads a secret stored in plaintext before sealing, and the start-up sweep seals it without breaking sign-in', async () => {
    const secret = newTotpSecret();
    await database.pool.query(`UPDATE users SET totp_secret = $1, totp_enabled = true WHERE username = 'town06.leader'`, [secret]);
    expect((await signIn('town06.leader', await totpNow(secret))).statusCode).toBe(200);
    expect(await sealPlaintextTotpSecrets(database.db)).toBe(1);
    const stored = await storedSecret('town06.leader');
    expect(stored).toMatch(/^sm4:/);
    expect(stored).not.toContain(secret);
    expect(await sealPlaintextTotpSecrets(database.db)).toBe(0);
    expect((await signIn('town06.leader', await totpNow(secret))).statusCode).toBe(200);
    const audit = (await database.pool.query(`SELECT after FROM audit_log WHERE action = 'system.totp_secrets_sealed'`)).rows;
    expect(audit).toEqual([{ after: { count: 1 } }]);
  });

  it('refuses a sealed secret whose ciphertext was altered', async () => {
    const stored = await storedSecret('town05.leader');
    const parts = stored.split(':');
    parts[3] = Buffer.from('AAAAAAAAAAAAAAAA').toString('base64url');
    await database.pool.query(`UPDATE users SET totp_secret = $1 WHERE username = 'town05.leader'`, [parts.join(':')]);
    const res = await signIn('town05.leader', '123456');
    expect(res.statusCode).not.toBe(200);
  });
});
