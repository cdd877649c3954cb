import { describe, expect, it } from 'vitest';
import { idNumberWithCheck } from '@township-office/domain/personnel';
import { systemContext, type RequestContext } from '../../src/platform/context.ts';
import * as svc from '../../src/modules/personnel/personnel.service.ts';
import { demoActor, expectPolicyAgreement } from '../support/policy-agreement.ts';
import { as, testApp } from '../helpers.ts';
import { chinaToday } from '@township-office/domain/dates';

const { app, database } = await testApp();
const today = chinaToday();

async function contextOf(username: string): Promise<RequestContext> {
  return systemContext(await demoActor(database.pool, username));
}

const ACTORS = ['county.clerk', 'county.admin', 'county.leader', 'town01.clerk', 'town01.leader', 'town02.clerk'];

describe('personnel policy agreement', () => {
  it('offers on a filing exactly the actions the service accepts, for every demo role and state', async () => {
    const clerk = await as(app, 'town01.clerk');
    const join = (n: string) =>
      clerk.post('/api/personnel/filings', {
        kind: 'join',
        changeDate: today,
        particulars: {
          name: '政策测试',
          idNumber: idNumberWithCheck(`43102119900101${n}`),
          gender: 'male',
          birthDate: '1990-01-01',
          ethnicity: '汉族',
          politicalStatus: 'masses',
          education: 'bachelor',
          major: '行政管理',
          post: '科员',
          officeRole: '办公室工作人员',
          phone: '0745-2234567',
          startDate: today,
        },
        reason: '岗位需要',
      });
    const submitted = await join('901');
    expect(submitted.statusCode, submitted.body).toBe(201);
    const returned = await join('902');
    expect(returned.statusCode, returned.body).toBe(201);
    const county = await as(app, 'county.clerk');
    expect(
      (await county.post(`/api/personnel/filings/${returned.json().id}/decision`, { decision: 'return', reason: '材料不全' })).statusCode,
    ).toBe(200);
    const cases = [];
    for (const username of ACTORS) {
      const listed = (await (await as(app, username)).get('/api/personnel/filings')).json().items as {
        id: string;
        allowedActions: string[];
      }[];
      for (const id of [submitted.json().id, returned.json().id]) {
        const row = listed.find((f) => f.id === id);
        cases.push({
          label: `${username} on ${id === submitted.json().id ? 'submitted' : 'returned'}`,
          record: { id, username },
          offered: row?.allowedActions ?? [],
        });
      }
    }
    const results = await expectPolicyAgreement({
      db: database.db,
      actions: ['acknowledge', 'return', 'revealIdNumber'],
      cases,
      attempt: async (tx, rec, action) => {
        const ctx = await contextOf(rec.username);
        if (action === 'revealIdNumber') return svc.revealFilingIdNumber(tx, ctx, rec.id);
        return svc.decideFiling(
          tx,
          ctx,
          rec.id,
          action === 'return' ? { decision: 'return', reason: '测试' } : { decision: 'acknowledge' },
        );
      },
    });
    // The county acknowledges the submitted filing; the township's own clerk may only reveal.
    expect(results.filter((r) => r.label === 'county.clerk on submitted' && r.offered).map((r) => r.action)).toEqual([
      'acknowledge',
      'return',
      'revealIdNumber',
    ]);
    expect(results.filter((r) => r.label === 'town01.clerk on submitted' && r.offered).map((r) => r.action)).toEqual(['revealIdNumber']);
    expect(results.filter((r) => r.label === 'town02.clerk on submitted' && r.offered)).toEqual([]);
  });

  it('offers the ID reveal on a staff record exactly when the service allows it', async () => {
    const staffId = (
      await database.pool.query(
        "SELECT s.id FROM staff s JOIN orgs o ON o.id = s.org_id WHERE o.code = 'T01' AND s.status = 'active' LIMIT 1",
      )
    ).rows[0].id;
    const cases = [];
    for (const username of ACTORS) {
      const listed = (await (await as(app, username)).get('/api/personnel/staff')).json().items as {
        id: string;
        allowedActions: string[];
      }[];
      cases.push({
        label: username,
        record: { id: staffId, username },
        offered: listed.find((s) => s.id === staffId)?.allowedActions ?? [],
      });
    }
    await expectPolicyAgreement({
      db: database.db,
      actions: ['revealIdNumber'],
      cases,
      attempt: async (tx, rec) => svc.revealStaffIdNumber(tx, await contextOf(rec.username), rec.id),
    });
  });

  it('offers changing a township’s leader in charge exactly to those the service lets assign one', async () => {
    const orgs = (await database.pool.query("SELECT id, code FROM orgs WHERE code IN ('T01', 'T02') ORDER BY code")).rows as {
      id: string;
    }[];
    const cases = [];
    for (const username of ACTORS) {
      const listed = (await (await as(app, username)).get('/api/personnel/leaders')).json().items as {
        orgId: string;
        allowedActions: string[];
      }[];
      for (const org of orgs)
        cases.push({
          label: `${username} on ${org.id}`,
          record: { orgId: org.id, username },
          offered: listed.find((l) => l.orgId === org.id)?.allowedActions ?? [],
        });
    }
    const results = await expectPolicyAgreement({
      db: database.db,
      actions: ['assign'],
      cases,
      attempt: async (tx, rec) =>
        svc.assignLeader(tx as never, await contextOf(rec.username), {
          orgId: rec.orgId,
          name: '测试领导',
          position: '党委委员',
          since: today,
          familiar: false,
          basis: '',
        }),
    });
    expect(results.filter((r) => r.offered).map((r) => r.label.split(' ')[0])).toEqual(['county.admin', 'county.admin']);
  });
});
