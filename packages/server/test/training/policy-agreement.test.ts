import { describe, expect, it } from 'vitest';
import { systemContext, type RequestContext } from '../../src/platform/context.ts';
import * as svc from '../../src/modules/training/training.service.ts';
import { expectPolicyAgreement } from '../support/policy-agreement.ts';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();

async function contextOf(username: string): Promise<RequestContext> {
  const u = (await database.pool.query('SELECT id, username, display_name, role, org_id FROM users WHERE username = $1', [username]))
    .rows[0];
  return systemContext({ userId: u.id, username: u.username, displayName: u.display_name, role: u.role, orgId: u.org_id });
}

const ACTORS = ['county.clerk', 'county.admin', 'county.leader', 'town01.clerk', 'town01.leader'];

describe('training policy agreement', () => {
  it('offers completing a rotation exactly when the service accepts it, for confirmed and completed rotations', async () => {
    const county = await as(app, 'county.admin');
    const year = 2099;
    const proposal = await county.get(`/api/training/rotations/proposal?year=${year}&quarter=1`);
    expect(proposal.statusCode, proposal.body).toBe(200);
    const staffIds = (proposal.json().candidates as { staffId: string }[]).slice(0, 2).map((c) => c.staffId);
    const confirmed = await county.post('/api/training/rotations', { year, quarter: 1, staffIds });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const [open, done] = confirmed.json().items as { id: string }[];
    const body = { topics: ['documents_meetings'], evaluation: '学习认真', rating: 'good' };
    expect((await county.post(`/api/training/rotations/${done!.id}/complete`, body)).statusCode).toBe(200);
    const cases = [];
    for (const username of ACTORS) {
      const listed = (await (await as(app, username)).get(`/api/training/rotations?year=${year}`)).json().items as {
        id: string;
        allowedActions: string[];
      }[];
      for (const [state, r] of [
        ['confirmed', open!],
        ['completed', done!],
      ] as const)
        cases.push({
          label: `${username} on ${state}`,
          record: { id: r.id, username },
          offered: listed.find((x) => x.id === r.id)?.allowedActions ?? [],
        });
    }
    await expectPolicyAgreement({
      db: database.db,
      actions: ['complete'],
      cases,
      attempt: async (tx, rec) => svc.completeRotation(tx, await contextOf(rec.username), rec.id, body as never),
    });
  });
});
