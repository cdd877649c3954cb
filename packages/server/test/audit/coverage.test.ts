/**
 * Issue 9, audit coverage: refused requests are security events and the audit administrator's
 * own browsing is reviewable, so both leave rows in the trail (等保 2.0 安全审计: 审计覆盖到每个用户,
 * 对重要的用户行为和重要安全事件进行审计).
 */
import { describe, expect, it } from 'vitest';
import { DENIED_ROWS_PER_MINUTE } from '../../src/platform/audit-denied.ts';
import { verifyAudit } from '../../src/platform/audit.ts';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();

const rowsOf = async (action: string, username: string) =>
  (await database.pool.query(`SELECT * FROM audit_log WHERE action = $1 AND actor_username = $2 ORDER BY id`, [action, username])).rows;

describe('denied requests are audited', () => {
  it("a township clerk asking for another township's document gets 404 and leaves an access-denied row with actor, ip and path", async () => {
    const clerk = await as(app, 'town01.clerk');
    const other = (
      await database.pool.query(`SELECT d.id FROM documents d JOIN orgs o ON o.id = d.org_id WHERE o.code <> 'T01' ORDER BY d.id LIMIT 1`)
    ).rows[0];
    expect(other).toBeTruthy();
    const res = await clerk.get(`/api/documents/${other.id}`);
    expect(res.statusCode).toBe(404);
    const rows = await rowsOf('access.denied', 'town01.clerk');
    expect(rows).toHaveLength(1);
    const own = (await database.pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id;
    expect(rows[0]).toMatchObject({ actor_role: 'office_staff', entity: 'request', org_id: own });
    expect(rows[0].ip).toBeTruthy();
    expect(rows[0].after).toMatchObject({ method: 'GET', path: `/api/documents/${other.id}`, status: 404, route: '/api/documents/:id' });
  });

  it('a clerk calling an administrator route gets 403 and leaves an access-denied row', async () => {
    const clerk = await as(app, 'town02.clerk');
    const res = await clerk.get('/api/users');
    expect(res.statusCode).toBe(403);
    const rows = await rowsOf('access.denied', 'town02.clerk');
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ method: 'GET', path: '/api/users', status: 403, code: 'FORBIDDEN_ROLE' });
    // The route's role gate itself (the onRequest hook, before any service runs) is covered too.
    expect((await clerk.get('/api/audit?action=auth')).statusCode).toBe(403);
    const gated = await rowsOf('access.denied', 'town02.clerk');
    expect(gated).toHaveLength(2);
    expect(gated[1].after).toMatchObject({ path: '/api/audit', route: '/api/audit', status: 403, code: 'FORBIDDEN_ROLE' });
  });

  it('a flood is recorded in full only up to the per-minute limit, then as one flood row', async () => {
    const clerk = await as(app, 'town03.clerk');
    for (let i = 0; i < DENIED_ROWS_PER_MINUTE + 15; i++) expect((await clerk.get('/api/users')).statusCode).toBe(403);
    expect(await rowsOf('access.denied', 'town03.clerk')).toHaveLength(DENIED_ROWS_PER_MINUTE);
    expect(await rowsOf('access.denied_flood', 'town03.clerk')).toHaveLength(1);
  });

  it('requests without a session and plain successes write no access-denied row', async () => {
    const before = (await database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'access.%'`)).rows[0].n;
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    const clerk = await as(app, 'town04.clerk');
    expect((await clerk.get('/api/me')).statusCode).toBe(200);
    expect((await database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'access.%'`)).rows[0].n).toBe(before);
  });
});

describe("the audit administrator's own browsing is audited", () => {
  it('every page or filter of the log leaves an audit.browse row with the filter', async () => {
    const aud = await as(app, 'auditor');
    const res = await aud.get('/api/audit?action=auth.login&pageSize=5');
    expect(res.statusCode).toBe(200);
    const rows = await rowsOf('audit.browse', 'auditor');
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ filter: { action: 'auth.login', pageSize: 5, page: 1 }, rowsShown: 5 });
    await aud.get('/api/audit?page=2&pageSize=5');
    expect(await rowsOf('audit.browse', 'auditor')).toHaveLength(2);
    expect((await aud.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    expect(await rowsOf('audit.verify', 'auditor')).toHaveLength(1);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });
});
