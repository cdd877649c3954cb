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
    await clerk.post(`/api/petitions/${p.id}/review-answer`, {
      stage: 'review',
      answeredOn: '2026-07-10',
      notifiedOn: '2026-07-12',
      result: '维持原处理意见',
    });
    await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'rereview', requestedOn: '2026-07-20', organ: '市信访局' });
    expect(
      (
        await clerk.post(`/api/petitions/${p.id}/review-answer`, {
          stage: 'rereview',
          answeredOn: '2026-08-01',
          notifiedOn: '2026-08-03',
          result: '维持',
        })
      ).json().status,
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

/**
 * The rules as 信访工作条例 (2022) has them, each through the API. Read with the search tool (corpus
 * pages): 第二十三条 with its 第三款 (szft.gov.cn post_12403598), the 复查/复核 text (gdwsxf.gd.gov.cn
 * post_3962125), 民法典 第二百零三条 (neixun.cn). The demo's holiday calendar holds 2026's National Day
 * (1–7 October) and 劳动节 with Saturday 9 May worked.
 */
describe('信访工作条例 (2022) rules through the API', () => {
  const close = async (id: string, closedOn: string, answerNotifiedOn: string) => {
    await clerk.post(`/api/petitions/${id}/accept`, { decidedOn: '2026-03-05', notifiedOn: '2026-03-05' });
    return clerk.post(`/api/petitions/${id}/close`, { closedOn, result: '已调处并书面答复', answerNotifiedOn });
  };

  it('records a written notice later than 15 days, flags it and counts it against the office (第二十三条)', async () => {
    const p = (await clerk.post('/api/petitions', petition({ subject: '告知逾期的来信' }))).json();
    expect(p.noticeDueOn).toBe('2026-03-17');
    // Decided in time (day 10), but the notice reached the petitioner on day 18: recorded, and late.
    const r = await clerk.post(`/api/petitions/${p.id}/accept`, { decidedOn: '2026-03-12', notifiedOn: '2026-03-20' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'accepted', noticeLate: true, notifiedOn: '2026-03-20' });
    const onTime = (await clerk.post('/api/petitions', petition({ subject: '按时告知的来信' }))).json();
    expect(
      (await clerk.post(`/api/petitions/${onTime.id}/accept`, { decidedOn: '2026-03-16', notifiedOn: '2026-03-17' })).json().noticeLate,
    ).toBe(false);
    const late = (await clerk.get('/api/petitions?noticeLate=true&pageSize=200')).json();
    expect(late.items.map((x: { subject: string }) => x.subject)).toContain('告知逾期的来信');
    expect(late.items.map((x: { subject: string }) => x.subject)).not.toContain('按时告知的来信');
    const stats = (await clerk.get('/api/petitions/stats?year=2026')).json();
    expect(stats.figures.noticeLate).toBeGreaterThanOrEqual(1);
    expect(stats.figures.total).toBe(stats.total);
  });

  it('moves a period ending in the National Day holiday to the first working day after it (民法典 第二百零三条)', async () => {
    // 16 Sep + 15 days = 1 Oct, inside the holiday (1–7 Oct): the notice is due on Thu 8 Oct.
    const p = (await clerk.post('/api/petitions', petition({ receivedOn: '2026-09-16' }))).json();
    expect(p).toMatchObject({ dueKind: 'accept', dueOn: '2026-10-08', noticeDueOn: '2026-10-08' });
  });

  it('POST /api/petitions/{id}/review-request: 30 days from the answer’s receipt, whatever the closing date (第三十五条)', async () => {
    const p = (await clerk.post('/api/petitions', petition())).json();
    // Closed on 1 Apr, but the petitioner received the written answer on 25 Apr.
    expect((await close(p.id, '2026-04-01', '2026-04-25')).json().reviewRequestDueOn).toBe('2026-05-25');
    const before = await tableDigest(database);
    const late = await clerk.post(`/api/petitions/${p.id}/review-request`, {
      stage: 'review',
      requestedOn: '2026-05-26',
      organ: '县信访局',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('PETITION_REVIEW_TOO_LATE');
    expect(late.json().error.message).toContain('第三十五条');
    expect(await tableDigest(database)).toBe(before);
    // 49 days after the closing, 25 after the receipt: accepted.
    const ok = await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'review', requestedOn: '2026-05-20', organ: '县信访局' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'review_requested', dueKind: 'review_answer', dueOn: '2026-06-22' });
  });

  it('runs the 复核 window from the receipt of the 复查 answer, and pauses its 30 days for a hearing (第三十六条)', async () => {
    const p = (await clerk.post('/api/petitions', petition())).json();
    await close(p.id, '2026-04-01', '2026-04-02');
    await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'review', requestedOn: '2026-04-10', organ: '县信访局' });
    const noReceipt = await clerk.post(`/api/petitions/${p.id}/review-answer`, {
      stage: 'review',
      answeredOn: '2026-05-06',
      result: '维持',
    });
    expect(noReceipt.statusCode).toBe(400);
    const reviewed = await clerk.post(`/api/petitions/${p.id}/review-answer`, {
      stage: 'review',
      answeredOn: '2026-05-06',
      notifiedOn: '2026-05-20',
      result: '维持原处理意见',
    });
    // 20 May + 30 = 19 Jun, 端午节 (19–21 Jun): the window ends on Mon 22 Jun.
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', reviewAnswerNotifiedOn: '2026-05-20', rereviewRequestDueOn: '2026-06-22' });
    const rereview = await clerk.post(`/api/petitions/${p.id}/review-request`, {
      stage: 'rereview',
      requestedOn: '2026-06-22',
      organ: '市信访局',
    });
    expect(rereview.json()).toMatchObject({ status: 'rereview_requested', dueOn: '2026-07-22' });
    expect((await clerk.post(`/api/petitions/${p.id}/hearing`, { startedOn: '2026-07-02', endedOn: '2026-07-01' })).statusCode).toBe(400);
    expect((await clerk.post(`/api/petitions/${p.id}/hearing`)).statusCode).toBe(400);
    const heard = await clerk.post(`/api/petitions/${p.id}/hearing`, { startedOn: '2026-07-01', endedOn: '2026-07-03', note: '公开听证' });
    expect(heard.json()).toMatchObject({ rereviewHearingDays: 3, dueOn: '2026-07-27', rereviewAnswerDueOn: '2026-07-27' });
    // 22 Jul + 3 = Sat 25 Jul: Mon 27 Jul.
    const audit = await database.pool.query(`SELECT after FROM audit_log WHERE action = 'petition.hearing' AND entity_id = $1`, [p.id]);
    expect(audit.rows[0].after).toMatchObject({ rereviewHearingDays: 3 });
  });

  it('after 复核 refuses the same facts and grounds, and takes a new case with new facts (第三十六条)', async () => {
    const p = (await clerk.post('/api/petitions', petition())).json();
    await close(p.id, '2026-04-01', '2026-04-02');
    await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'review', requestedOn: '2026-04-10', organ: '县信访局' });
    await clerk.post(`/api/petitions/${p.id}/review-answer`, {
      stage: 'review',
      answeredOn: '2026-04-20',
      notifiedOn: '2026-04-21',
      result: '维持',
    });
    await clerk.post(`/api/petitions/${p.id}/review-request`, { stage: 'rereview', requestedOn: '2026-04-25', organ: '市信访局' });
    await clerk.post(`/api/petitions/${p.id}/review-answer`, {
      stage: 'rereview',
      answeredOn: '2026-05-06',
      notifiedOn: '2026-05-07',
      result: '维持',
    });
    const same = await clerk.post('/api/petitions', petition({ receivedOn: '2026-06-01', previousPetitionId: p.id }));
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('PETITION_FINAL');
    expect(same.json().error.message).toContain('第三十六条');
    const fresh = await clerk.post(
      '/api/petitions',
      petition({ receivedOn: '2026-06-01', previousPetitionId: p.id, newFacts: '新测绘成果显示界址与原认定不一致' }),
    );
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json()).toMatchObject({ status: 'registered', previousPetitionId: p.id, newFacts: '新测绘成果显示界址与原认定不一致' });
  });

  it('takes an objection to a transferred case within 5 working days, and returns it when the organ agrees (第二十三条第三款)', async () => {
    expect((await clerk.post('/api/petitions', petition({ source: 'transferred' }))).statusCode).toBe(400);
    // Received Wed 30 Sep: 8 Oct (after the holiday) is the 1st working day … Tue 13 Oct is the 5th (Sat 10 Oct worked: the 3rd).
    const t = (
      await clerk.post('/api/petitions', petition({ receivedOn: '2026-09-30', source: 'transferred', transferredBy: '县信访局' }))
    ).json();
    expect(t).toMatchObject({ source: 'transferred', transferredBy: '县信访局', objectionDueOn: '2026-10-13' });
    expect(t.allowedActions).toContain('object');
    const late = await clerk.post(`/api/petitions/${t.id}/objection`, { objectedOn: '2026-10-14', reason: '不属本镇职权' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('PETITION_OBJECTION_TOO_LATE');
    const objected = await clerk.post(`/api/petitions/${t.id}/objection`, { objectedOn: '2026-10-13', reason: '属县自然资源局职权' });
    expect(objected.json()).toMatchObject({ status: 'objected', objectedOn: '2026-10-13', dueOn: null });
    const returned = await clerk.post(`/api/petitions/${t.id}/objection-result`, { decidedOn: '2026-10-15', agreed: true });
    expect(returned.json()).toMatchObject({ status: 'returned', objectionAgreed: true, allowedActions: ['reveal'] });

    const direct = (await clerk.post('/api/petitions', petition())).json();
    expect(direct.allowedActions).not.toContain('object');
    const refused = await clerk.post(`/api/petitions/${direct.id}/objection`, { objectedOn: '2026-03-03', reason: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PETITION_OBJECTION_DIRECT');

    // Refused by the organ: the office takes the case up again, the 15-day notice still counted from receipt.
    const back = (await clerk.post('/api/petitions', petition({ source: 'assigned', transferredBy: '县委办' }))).json();
    await clerk.post(`/api/petitions/${back.id}/objection`, { objectedOn: '2026-03-04', reason: '不属本镇职权' });
    const r = await clerk.post(`/api/petitions/${back.id}/objection-result`, { decidedOn: '2026-03-06', agreed: false });
    expect(r.json()).toMatchObject({ status: 'registered', dueKind: 'accept', dueOn: '2026-03-17', objectionAgreed: false });
  });

  it('refuses bad payloads on the new steps with 400 and writes nothing', async () => {
    const p = (await clerk.post('/api/petitions', petition({ source: 'transferred', transferredBy: '县信访局' }))).json();
    const before = await tableDigest(database);
    for (const [path, body] of [
      ['objection', undefined],
      ['objection', { objectedOn: '2026-02-30', reason: 'x' }],
      ['objection', { objectedOn: '2026-03-03', reason: 'x\u0000' }],
      ['objection-result', { decidedOn: '2026-03-03', agreed: 'yes' }],
      ['hearing', { startedOn: '2026-03-03' }],
      ['review-answer', { stage: 'review', answeredOn: '2026-03-03', notifiedOn: 'x', result: 'x' }],
    ] as const) {
      const r = await clerk.post(`/api/petitions/${p.id}/${path}`, body as never);
      expect(r.statusCode, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
    expect((await clerk.post('/api/petitions', petition({ source: 'elsewhere' }))).statusCode).toBe(400);
    expect(await tableDigest(database)).toBe(before);
    // Another township's case answers 404.
    expect(
      (await (await as(app, 'town07.clerk')).post(`/api/petitions/${p.id}/objection`, { objectedOn: '2026-03-03', reason: 'x' }))
        .statusCode,
    ).toBe(404);
  });
});
