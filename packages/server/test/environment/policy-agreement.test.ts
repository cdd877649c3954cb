import { describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../src/platform/context.ts';
import * as svc from '../../src/modules/environment/environment.service.ts';
import { expectPolicyAgreement } from '../support/policy-agreement.ts';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();

async function contextOf(username: string): Promise<RequestContext> {
  const u = (await database.pool.query('SELECT id, username, display_name, role, org_id FROM users WHERE username = $1', [username]))
    .rows[0];
  return systemContext({ userId: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id });
}

const ACTORS = ['county.clerk', 'county.admin', 'county.leader', 'town01.clerk', 'town01.leader', 'town02.clerk'];

describe('environment policy agreement', () => {
  it('offers edit on a township room exactly when the service accepts the change', async () => {
    const orgId = (await database.pool.query("SELECT id FROM orgs WHERE code = 'T01'")).rows[0].id;
    const clerk = await as(app, 'town01.clerk');
    const put = await clerk.put('/api/environment/rooms', {
      orgId,
      kind: 'office',
      status: 'built',
      areaM2: 20,
      inUseSince: '2020-01-01',
      note: '',
    });
    expect(put.statusCode, put.body).toBe(200);
    const cases = [];
    for (const username of ACTORS) {
      const res = await (await as(app, username)).get(`/api/environment/rooms`);
      const room = (res.json().items as { orgId: string; kind: string; allowedActions: string[] }[]).find(
        (r) => r.orgId === orgId && r.kind === 'office',
      );
      cases.push({ label: username, record: { username }, offered: room?.allowedActions ?? [] });
    }
    const results = await expectPolicyAgreement({
      db: database.db,
      actions: ['edit'],
      cases,
      attempt: async (tx, rec) =>
        svc.upsertRoom(tx, await contextOf(rec.username), {
          orgId,
          kind: 'office',
          status: 'renovated',
          areaM2: 21,
          inUseSince: '2020-01-01',
          note: '',
        }),
    });
    expect(results.find((r) => r.label === 'town01.clerk')?.offered).toBe(true);
    expect(results.find((r) => r.label === 'town02.clerk')?.offered).toBe(false);
  });
});
