import { describe, expect, it } from 'vitest';
import { as, login, tableDigest, testApp } from '../helpers.ts';
import { dutyLogByDay, dutyLogDaysKept } from '../../src/modules/duty/duty.metrics.ts';

const { app, database } = await testApp();
const clerkS = await login(app, 'town04.clerk');
const leaderS = await login(app, 'town04.leader');
const clerk = await as(app, 'town04.clerk');
const leader = await as(app, 'town04.leader');
const county = await as(app, 'county.clerk');
const countyAdmin = await as(app, 'county.admin');
const org = clerkS.me.org.id;

describe('roster', () => {
  it('generates a month from a daily rotation, edits a day by hand, refuses a day without a leader', async () => {
    const gen = await clerk.post('/api/duty/roster/generate', {
      from: '2035-03-01',
      to: '2035-03-31',
      mode: 'daily',
      leaders: ['王镇长', '李书记'],
      staff: ['张三', '李四', '王五'],
      staffPerDay: 1,
    });
    expect(gen.statusCode).toBe(201);
    const days = gen.json().items;
    expect(days).toHaveLength(31);
    expect(days.slice(0, 3).map((d: { leaderName: string; staffNames: string[] }) => [d.leaderName, d.staffNames[0]])).toEqual([
      ['王镇长', '张三'],
      ['李书记', '李四'],
      ['王镇长', '王五'],
    ]);

    const before = await tableDigest(database);
    const bad = await clerk.put('/api/duty/roster/2035-03-05', { leaderName: '', staffNames: ['张三'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('ROSTER_NEEDS_LEADER');
    expect(await tableDigest(database)).toBe(before);

    expect((await clerk.put('/api/duty/roster/2035-03-05', { leaderName: '赵副镇长', staffNames: ['张三'] })).json()).toMatchObject({
      leaderName: '赵副镇长',
      source: 'manual',
    });
    // Re-generating keeps the day edited by hand.
    await clerk.post('/api/duty/roster/generate', {
      from: '2035-03-01',
      to: '2035-03-31',
      mode: 'weekly',
      leaders: ['王镇长'],
      staff: ['张三'],
    });
    const month = (await clerk.get('/api/duty/roster?from=2035-03-01&to=2035-03-31')).json().items;
    expect(month.find((d: { day: string }) => d.day === '2035-03-05').leaderName).toBe('赵副镇长');
    expect(month.find((d: { day: string }) => d.day === '2035-03-06').leaderName).toBe('王镇长');
  });

  it('takes a swap request and applies it when the leader approves', async () => {
    const swap = await clerk.post('/api/duty/swaps', {
      day: '2035-03-06',
      role: 'staff',
      fromName: '张三',
      toName: '李四',
      reason: '外出培训',
    });
    expect(swap.statusCode).toBe(201);
    expect((await clerk.post(`/api/duty/swaps/${swap.json().id}/approve`)).statusCode).toBe(403);
    expect((await leader.post(`/api/duty/swaps/${swap.json().id}/approve`)).json().status).toBe('approved');
    const day = (await clerk.get('/api/duty/roster?from=2035-03-06&to=2035-03-06')).json().items[0];
    expect(day).toMatchObject({ staffNames: ['李四'], source: 'swap' });
    expect((await leader.post(`/api/duty/swaps/${swap.json().id}/reject`)).statusCode).toBe(409);
    expect(
      (await clerk.post('/api/duty/swaps', { day: '2035-03-06', role: 'staff', fromName: '不在班', toName: '李四', reason: 'x' }))
        .statusCode,
    ).toBe(422);
  });

  it('has holiday rosters submitted to the county, which sees who has not', async () => {
    const h = await countyAdmin.post('/api/calendar/holidays', {
      name: '劳动节',
      startsOn: '2035-05-01',
      endsOn: '2035-05-05',
      makeupWorkdays: [],
    });
    expect(h.statusCode).toBe(201);
    expect(h.json().rosterDueOn).toBe('2035-04-26');
    const id = h.json().id;
    // Issue 9: the same holiday again was a VALIDATION_FAILED with an English detail inside a Chinese answer.
    const again = { name: '劳动节', startsOn: '2035-05-01', endsOn: '2035-05-05', makeupWorkdays: [] };
    const zh = await countyAdmin.post('/api/calendar/holidays', again);
    expect(zh.statusCode).toBe(409);
    expect(zh.json().error.code).toBe('HOLIDAY_EXISTS');
    expect(zh.json().error.message).toBe('节假日“劳动节”（2035-05-01 起）已在日历中，无需重复添加。');
    const en = await countyAdmin.post('/api/calendar/holidays', again, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('The holiday "劳动节" starting 2035-05-01 is already in the calendar.');
    expect(
      (await countyAdmin.get('/api/calendar/holidays?year=2035')).json().items.filter((x: { name: string }) => x.name === '劳动节'),
    ).toHaveLength(1);
    expect((await clerk.post(`/api/duty/holidays/${id}/submit`, {})).json().error.code).toBe('ROSTER_DAY_MISSING');
    await clerk.post('/api/duty/roster/generate', {
      from: '2035-05-01',
      to: '2035-05-05',
      mode: 'daily',
      leaders: ['王镇长'],
      staff: ['张三'],
    });
    const sub = await clerk.post(`/api/duty/holidays/${id}/submit`, {});
    expect(sub.statusCode).toBe(201);
    expect(sub.json().late).toBe(false);
    expect((await clerk.post(`/api/duty/holidays/${id}/submit`, {})).statusCode).toBe(409);
    const status = (await county.get(`/api/duty/holidays/${id}/submissions`)).json();
    expect(status.items.find((o: { orgId: string }) => o.orgId === org).submitted).toBe(true);
    expect(status.missing).toBe(status.items.length - 1);
    expect((await clerk.get(`/api/duty/holidays/${id}/submissions`)).statusCode).toBe(403);
  });
});

describe('duty log, incidents and handover', () => {
  it('logs a call; an incident reported upward notifies the county office on duty', async () => {
    const call = await clerk.post('/api/duty/log', {
      at: '2035-03-06T10:15:00+08:00',
      kind: 'phone',
      callerUnit: '县应急局',
      callerName: '周科长',
      callerPhone: '0571-1234567',
      content: '通知明日防汛会商',
      handling: '已报带班领导',
      result: '已落实',
    });
    expect(call.statusCode).toBe(201);
    expect(call.json()).toMatchObject({ day: '2035-03-06', kind: 'phone' });
    expect(
      (await clerk.post('/api/duty/log', { at: '2035-03-06T11:00:00+08:00', kind: 'phone', content: 'x', reportUpward: true })).statusCode,
    ).toBe(422);

    await countyAdmin.post('/api/duty/roster/generate', {
      from: '2035-03-06',
      to: '2035-03-06',
      mode: 'daily',
      leaders: ['县委办带班'],
      staff: ['县委办值班员'],
    });
    const incident = await clerk.post('/api/duty/log', {
      at: '2035-03-06T23:40:00+08:00',
      kind: 'incident',
      content: '某村山体滑坡，无人员伤亡',
      handling: '已组织转移',
      reportUpward: true,
    });
    expect(incident.statusCode).toBe(201);
    const reports = (await county.get('/api/duty/incident-reports')).json().items;
    expect(reports.find((r: { entry: { id: string } }) => r.entry.id === incident.json().id)).toMatchObject({
      notifiedNames: ['县委办带班', '县委办值班员'],
    });
    expect((await clerk.post(`/api/duty/log/${incident.json().id}/report`)).statusCode).toBe(409);
    expect((await (await as(app, 'town05.clerk')).post(`/api/duty/log/${incident.json().id}/report`)).statusCode).toBe(404);

    const byDay = await dutyLogByDay(database.db, '2035-03-06', '2035-03-07');
    expect(byDay.filter((d) => d.orgId === org)).toEqual([
      { orgId: org, day: '2035-03-06', kept: true, entries: 2 },
      { orgId: org, day: '2035-03-07', kept: false, entries: 0 },
    ]);
    const api = await county.get('/api/duty/completeness?from=2035-03-06&to=2035-03-06');
    expect(api.json().items).toHaveLength(18);
    expect((await clerk.get('/api/duty/completeness?from=2035-03-06&to=2035-03-06')).statusCode).toBe(403);
    const kept = await dutyLogDaysKept(database.db, new Date().getFullYear());
    expect(kept).toHaveLength(18);
    expect(kept[0]!.daysExpected).toBeGreaterThanOrEqual(kept[0]!.daysKept);
  });

  it('hands over with both confirming; the same person twice is refused', async () => {
    expect(
      (await clerk.post('/api/duty/handovers', { day: '2035-03-06', outgoingUserId: clerkS.me.id, incomingUserId: clerkS.me.id }))
        .statusCode,
    ).toBe(422);
    const h = await clerk.post('/api/duty/handovers', {
      day: '2035-03-06',
      outgoingUserId: clerkS.me.id,
      incomingUserId: leaderS.me.id,
      outstanding: '滑坡点夜间巡查',
    });
    expect(h.statusCode).toBe(201);
    const id = h.json().id;
    expect((await clerk.post(`/api/duty/handovers/${id}/confirm`)).json()).toMatchObject({ complete: false });
    const before = await tableDigest(database);
    const twice = await clerk.post(`/api/duty/handovers/${id}/confirm`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('HANDOVER_ALREADY_CONFIRMED');
    expect(await tableDigest(database)).toBe(before);
    expect((await county.post(`/api/duty/handovers/${id}/confirm`)).statusCode).toBe(404);
    expect((await leader.post(`/api/duty/handovers/${id}/confirm`)).json()).toMatchObject({ complete: true });
  });

  it('exports the duty log and the roster', async () => {
    const x = await clerk.get('/api/duty/log?format=xlsx&from=2035-03-01&to=2035-03-31');
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const p = await clerk.get('/api/duty/roster?from=2035-03-01&to=2035-03-31&format=pdf');
    expect(p.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
