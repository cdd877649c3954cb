import { describe, expect, it } from 'vitest';
import { as, login, tableDigest, testApp } from '../helpers.ts';
import { overduePetitionsByOrg } from '../../src/modules/reception/petitions.metrics.ts';

const { app, database } = await testApp();
const clerkS = await login(app, 'town06.clerk');
const clerk = await as(app, 'town06.clerk');
const leader = await as(app, 'town06.leader');
const org = clerkS.me.org.id;

describe('visitor reception (来客接待)', () => {
  it('registers a visit with its reception list, exports it, voids it instead of deleting', async () => {
    const res = await clerk.post('/api/visits', {
      visitDate: '2026-03-12',
      visitingUnit: '邻县县委办',
      visitorNames: ['刘建国', '陈海燕'],
      visitorCount: 3,
      purpose: '考察办公室规范化建设',
      letterRef: '邻委办函〔2026〕8号',
      hostName: '王镇长',
      arrangements: '座谈、参观档案室',
      costItems: [
        { category: 'meals', description: '工作餐', amount: 240.5 },
        { category: 'transport', amount: 60 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ totalCost: 300.5, visitorCount: 3, allowedActions: ['edit', 'void'] });
    const id = res.json().id;
    expect(
      (
        await clerk.post('/api/visits', {
          visitDate: '2026-03-12',
          visitingUnit: 'x',
          visitorNames: ['a', 'b'],
          visitorCount: 1,
          purpose: 'x',
          hostName: 'x',
        })
      ).statusCode,
    ).toBe(400);
    const slip = await clerk.get(`/api/visits/${id}?format=pdf`);
    expect(slip.statusCode).toBe(200);
    expect(slip.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const x = await clerk.get('/api/visits?format=xlsx');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await as(app, 'town07.clerk')).get(`/api/visits/${id}`)).statusCode).toBe(404);
    expect((await clerk.post(`/api/visits/${id}/void`, { reason: '重复登记' })).json().void).toBe(true);
    expect((await clerk.patch(`/api/visits/${id}`, { purpose: 'y' })).statusCode).toBe(409);
    expect((await clerk.get('/api/visits?pageSize=200')).json().items.some((v: { id: string }) => v.id === id)).toBe(false);
  });
});

const petition = (extra: Record<string, unknown> = {}) => ({
  receivedOn: '2026-03-02',
  channel: 'visit',
  petitioners: [{ name: '赵秀英', idNumber: '110101199003071234', phone: '13812345678', address: '某村三组' }],
  subject: '宅基地界址纠纷',
  content: '反映与邻居宅基地界址不清。',
  category: 'land',
  ...extra,
});

describe('letters and visits (信访)', () => {
  it('masks ID numbers and phones; only the case handlers may reveal them, and each reveal is audited', async () => {
    const p = (await clerk.post('/api/petitions', petition())).json();
    expect(p).toMatchObject({
      status: 'registered',
      dueKind: 'accept',
      dueOn: '2026-03-17',
      isHandler: true,
      petitioners: [{ idNumber: '1101**********1234', phone: '138****5678' }],
    });
    expect(JSON.stringify((await clerk.get('/api/petitions?pageSize=200')).json())).not.toContain('13812345678');

    const before = await tableDigest(database);
    const auditBefore = (await database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'petition.reveal'`)).rows[0].n;
    const denied = await leader.post(`/api/petitions/${p.id}/reveal`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('PETITION_NOT_HANDLER');
    expect(await tableDigest(database)).toBe(before);
    expect((await (await as(app, 'county.clerk')).post(`/api/petitions/${p.id}/reveal`)).statusCode).toBe(403);
    expect((await (await as(app, 'town07.clerk')).get(`/api/petitions/${p.id}`)).statusCode).toBe(404);

    const shown = await clerk.post(`/api/petitions/${p.id}/reveal`);
    expect(shown.json().petitioners[0]).toMatchObject({ idNumber: '110101199003071234', phone: '13812345678' });
    const audit = await database.pool.query(
      `SELECT actor_username, after FROM audit_log WHERE action = 'petition.reveal' AND entity_id = $1`,
      [p.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_username).toBe('town06.clerk');
    expect(JSON.stringify(audit.rows[0].after)).not.toContain('13812345678');
    expect(auditBefore).toBe(0);
  });

  it('accepts, extends once by at most 30 days, closes, then takes 复查 and 复核 and nothing after', async () => {
    const p = (await clerk.post('/api/petitions', petition())).json();
    const accepted = await clerk.post(`/api/petitions/${p.id}/accept`, { decidedOn: '2026-03-10', notifiedOn: '2026-03-10' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', dueKind: 'handle', dueOn: '2026-05-09' });

    const ext = { reason: '涉及多部门调查', approvedBy: '王镇长', approvedOn: '2026-05-01', notifiedOn: '2026-05-02' };
    const before = await tableDigest(database);
    const tooLong = await clerk.post(`/api/petitions/${p.id}/extend`, { days: 31, ...ext });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.code).toBe('PETITION_EXTENSION_TOO_LONG');
    expect(await tableDigest(database)).toBe(before);
    expect((await clerk.post(`/api/petitions/${p.id}/extend`, { days: 30, ...ext })).json()).toMatchObject({
      extensionDays: 30,
      dueOn: '2026-06-08',
    });
    const second = await clerk.post(`/api/petitions/${p.id}/extend`, { days: 5, ...ext });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('PETITION_ALREADY_EXTENDED');

    const closed = await clerk.post(`/api/petitions/${p.id}/close`, {
      closedOn: '2026-06-01',
      result: '经调解双方达成协议',
      answerNotifiedOn: '2026-06-02',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', dueOn: null, overdue: false });
    expect(
      (await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'review', requestedOn: '2026-07-05', organ: '县信访局' })).json()
        .error.code,
    ).toBe('PETITION_REVIEW_TOO_LATE');
    expect(
      (await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'review', requestedOn: '2026-06-20', organ: '县信访局' })).json(),
    ).toMatchObject({ status: 'review_requested', dueOn: '2026-07-20' });
    await clerk.post(`/api/petitions/${p.id}/review-answer`, { stage: 'review', answeredOn: '2026-07-10', result: '维持原处理意见' });
    await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'rereview', requestedOn: '2026-07-20', organ: '市信访局' });
    expect(
      (await clerk.post(`/api/petitions/${p.id}/review-answer`, { stage: 'rereview', answeredOn: '2026-08-01', result: '维持' })).json()
        .status,
    ).toBe('rereviewed');
    expect(
      (await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'review', requestedOn: '2026-08-05', organ: 'x' })).json().error
        .code,
    ).toBe('PETITION_FINAL');
    const again = await clerk.post('/api/petitions', petition({ previousPetitionId: p.id }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PETITION_FINAL');
    const detail = (await clerk.get(`/api/petitions/${p.id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      'registered',
      'accept',
      'extend',
      'close',
      'review_request',
      'review_answer',
      'rereview_request',
      'rereview_answer',
    ]);
  });

  it('refuses steps in the wrong state and dates out of order', async () => {
    const p = (await clerk.post('/api/petitions', petition())).json();
    expect(
      (await clerk.post(`/api/petitions/${p.id}/close`, { closedOn: '2026-04-01', result: 'x', answerNotifiedOn: '2026-04-01' }))
        .statusCode,
    ).toBe(409);
    expect((await clerk.post(`/api/petitions/${p.id}/accept`, { decidedOn: '2026-03-01', notifiedOn: '2026-03-01' })).statusCode).toBe(422);
    const rejected = await clerk.post(`/api/petitions/${p.id}/reject`, {
      decidedOn: '2026-03-05',
      notifiedOn: '2026-03-06',
      reason: '属于诉讼程序，告知向法院起诉',
    });
    expect(rejected.json()).toMatchObject({ status: 'not_accepted', dueOn: null });
  });

  it('flags overdue cases for the township and the county, and counts by category, channel and month', async () => {
    await clerk.post('/api/petitions', petition({ receivedOn: '2025-01-02', subject: '逾期未受理的来信', channel: 'letter' }));
    const overdue = (await clerk.get('/api/petitions?overdue=true&pageSize=200')).json();
    expect(overdue.items.some((x: { subject: string; overdue: boolean }) => x.subject === '逾期未受理的来信' && x.overdue)).toBe(true);
    const byOrg = await overduePetitionsByOrg(database.db, '2026-12-31');
    expect(byOrg.find((o) => o.orgId === org)!.overdue).toBeGreaterThanOrEqual(1);
    const county = await as(app, 'county.clerk');
    expect((await county.get('/api/petitions/overdue-by-org')).json().items.find((o: { orgId: string }) => o.orgId === org)).toBeTruthy();
    const stats = (await clerk.get('/api/petitions/stats?year=2026')).json();
    expect(stats.byCategory.find((c: { key: string }) => c.key === 'land').count).toBeGreaterThanOrEqual(3);
    expect(stats.byMonth.find((m: { key: string }) => m.key === '3').count).toBeGreaterThanOrEqual(3);
    const pdf = await clerk.get('/api/petitions?format=pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
