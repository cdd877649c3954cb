import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/platform/audit.ts';
import { as, testApp } from './helpers.ts';

const { app, database } = await testApp();

async function tamper(sql: string) {
  const c = await database.pool.connect();
  try {
    // Bypass the append-only trigger the way someone with superuser access to the database would.
    await c.query('SET session_replication_role = replica');
    await c.query(sql);
    await c.query('SET session_replication_role = DEFAULT');
  } finally {
    c.release();
  }
}

describe('the SM3 hash-chained audit trail', () => {
  it('records every write with actor, org, IP, before and after, in the same transaction', async () => {
    const sys = await as(app, 'sysadmin');
    const orgs = (await sys.get('/api/orgs')).json().items as { id: string; name: string }[];
    const res = await sys.post('/api/users', {
      username: 'audit.probe',
      displayName: '审计探针',
      orgId: orgs.find((o) => o.name === '南山乡')!.id,
      role: 'office_staff',
      password: 'Probe#2026',
    });
    expect(res.statusCode).toBe(201);
    const row = (await database.pool.query(`SELECT * FROM audit_log WHERE action = 'user.create' AND entity_id = $1`, [res.json().id]))
      .rows[0];
    expect(row).toMatchObject({ actor_username: 'sysadmin', actor_role: 'system_admin', entity: 'user' });
    expect(row.ip).toBeTruthy();
    expect(row.after.username).toBe('audit.probe');
    expect(JSON.stringify(row.after)).not.toContain('argon2');
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses updates and deletes of audit rows from the application', async () => {
    await expect(database.pool.query(`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
  });

  it('verifies intact, then names the first row whose content was edited', async () => {
    expect((await verifyAudit(database.db)).ok).toBe(true);
    const victim = (
      await database.pool.query(`SELECT id, chain, seq FROM audit_log WHERE action = 'user.create' ORDER BY id LIMIT 1 OFFSET 3`)
    ).rows[0];
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{displayName}', '"篡改"') WHERE id = ${victim.id}`);
    const result = await verifyAudit(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: Number(victim.id), seq: Number(victim.seq) });
    const aud = await as(app, 'auditor');
    expect((await aud.get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { id: Number(victim.id) } });
  });

  it('detects a deleted row', async () => {
    const victim = (await database.pool.query(`SELECT id, chain, seq FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`))
      .rows[0];
    const before = (await database.pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    await tamper(`DELETE FROM audit_log WHERE id = ${victim.id}`);
    expect((await database.pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBe(before - 1);
    expect((await verifyAudit(database.db)).ok).toBe(false);
  });

  it('lets the audit administrator filter the log', async () => {
    const aud = await as(app, 'auditor');
    const res = await aud.get('/api/audit?action=user.create&pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { action: string }) => i.action === 'user.create')).toBe(true);
  });
});
