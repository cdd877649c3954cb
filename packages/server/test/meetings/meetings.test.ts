import { describe, expect, it } from 'vitest';
import { as, login, tableDigest, testApp } from '../helpers.ts';
import { liftSummaryLists } from '../../src/modules/documents/documents.formats.ts';
import { exchangeMeetingsInYear, overdueFollowUpsByOrg } from '../../src/modules/meetings/meetings.metrics.ts';

const { app, database } = await testApp();

async function people(username: string) {
  const s = await login(app, username);
  return { id: s.me.id as string, org: s.me.org.id };
}

const clerk = await as(app, 'town02.clerk');
const leader = await as(app, 'town02.leader');
const clerkMe = await people('town02.clerk');
const leaderMe = await people('town02.leader');

function draft(extra: Record<string, unknown> = {}) {
  return {
    kind: 'party_committee',
    title: '党委会（第3次）',
    startsAt: '2026-03-10T09:00:00+08:00',
    place: '镇政府三楼会议室',
    hostUserId: leaderMe.id,
    recorderUserId: clerkMe.id,
    attendees: ['王建国', '李海燕'],
    absentees: [{ name: '张志强', reason: '出差' }],
    items: [{ title: '春季防火工作', discussion: '讨论了春季森林防火部署。', decisions: ['成立防火专班，3月15日前到位', '开展隐患排查'] }],
    ...extra,
  };
}

describe('meeting minutes', () => {
  it('records, finalises (recorder), confirms (host), then refuses edits; amendments are kept and audited', async () => {
    const created = await clerk.post('/api/meetings', draft());
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({
      status: 'draft',
      hostUserId: leaderMe.id,
      recorderName: expect.any(String),
      allowedActions: expect.arrayContaining(['edit', 'finalise']),
    });

    expect((await clerk.patch(`/api/meetings/${m.id}`, { place: '镇政府二楼会议室' })).json().place).toBe('镇政府二楼会议室');
    // Only the recorder finalises; only the host confirms.
    expect((await leader.post(`/api/meetings/${m.id}/finalise`)).json().error.code).toBe('MEETING_NOT_RECORDER');
    expect((await clerk.post(`/api/meetings/${m.id}/confirm`)).json().error.code).toBe('MEETING_NOT_FINALISED');
    expect((await clerk.post(`/api/meetings/${m.id}/finalise`)).json().status).toBe('finalised');
    expect((await clerk.post(`/api/meetings/${m.id}/confirm`)).statusCode).toBe(403);
    const confirmed = await leader.post(`/api/meetings/${m.id}/confirm`);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', allowedActions: expect.arrayContaining(['amend']) });

    const before = await tableDigest(database);
    const edit = await clerk.patch(`/api/meetings/${m.id}`, { title: '改过的标题' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('MEETING_NOT_DRAFT');
    expect(await tableDigest(database)).toBe(before);

    const amended = await clerk.post(`/api/meetings/${m.id}/amendments`, { reason: '漏记列席人员', nonVoting: ['赵德胜'] });
    expect(amended.statusCode).toBe(201);
    expect(amended.json()).toMatchObject({
      nonVoting: ['赵德胜'],
      amendmentCount: 1,
      amendments: [{ reason: '漏记列席人员', before: { nonVoting: [] } }],
    });
    const audit = await database.pool.query(`SELECT action FROM audit_log WHERE entity = 'meeting' AND entity_id = $1 ORDER BY seq`, [
      m.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'meeting.create',
      'meeting.update',
      'meeting.finalise',
      'meeting.confirm',
      'meeting.amend',
    ]);
  });

  it('keeps another township out (404) and refuses a host from another org', async () => {
    const m = (await clerk.post('/api/meetings', draft())).json();
    const other = await as(app, 'town03.clerk');
    expect((await other.get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/meetings/${m.id}`, { place: 'x' })).statusCode).toBe(404);
    const list = (await other.get('/api/meetings?pageSize=200')).json();
    expect(list.items.every((x: { orgId: string }) => x.orgId !== clerkMe.org)).toBe(true);
    const foreignHost = await people('town03.leader');
    const bad = await clerk.post('/api/meetings', draft({ hostUserId: foreignHost.id }));
    expect(bad.statusCode).toBe(422);
    // The county sees every township's minutes.
    expect((await (await as(app, 'county.clerk')).get(`/api/meetings/${m.id}`)).statusCode).toBe(200);
  });
});

describe('follow-up of decisions (督办)', () => {
  it('turns a decision into a follow-up, records progress, closes it; overdue ones are flagged', async () => {
    const m = (await clerk.post('/api/meetings', draft())).json();
    expect(
      (
        await clerk.post('/api/follow-ups', {
          meetingId: m.id,
          itemIndex: 0,
          decisionIndex: 0,
          ownerName: '王建国',
          deadline: '2026-03-15',
        })
      ).json().error.code,
    ).toBe('FOLLOW_UP_NEEDS_FINAL');
    await clerk.post(`/api/meetings/${m.id}/finalise`);
    expect(
      (
        await clerk.post('/api/follow-ups', {
          meetingId: m.id,
          itemIndex: 0,
          decisionIndex: 5,
          ownerName: '王建国',
          deadline: '2026-03-15',
        })
      ).statusCode,
    ).toBe(422);
    const f = await clerk.post('/api/follow-ups', {
      meetingId: m.id,
      itemIndex: 0,
      decisionIndex: 0,
      ownerName: '王建国',
      ownerUnit: '应急办',
      deadline: '2020-03-15',
    });
    expect(f.statusCode).toBe(201);
    expect(f.json()).toMatchObject({ decisionText: '成立防火专班，3月15日前到位', overdue: true, status: 'open' });
    expect(
      (
        await clerk.post('/api/follow-ups', { meetingId: m.id, itemIndex: 0, decisionIndex: 0, ownerName: 'x', deadline: '2026-03-15' })
      ).json().error.code,
    ).toBe('FOLLOW_UP_EXISTS');

    const id = f.json().id;
    expect((await clerk.get('/api/follow-ups?overdue=true&pageSize=200')).json().items.some((x: { id: string }) => x.id === id)).toBe(true);
    const overdue = await overdueFollowUpsByOrg(database.db, '2026-01-01');
    expect(overdue.find((o) => o.orgId === clerkMe.org)!.overdue).toBeGreaterThanOrEqual(1);

    expect((await clerk.post(`/api/follow-ups/${id}/progress`, { note: '专班已组建', on: '2026-03-12' })).json().progress).toHaveLength(1);
    const closed = await clerk.post(`/api/follow-ups/${id}/close`, { result: '专班到位并开展巡查', closedOn: '2026-03-14' });
    expect(closed.json()).toMatchObject({ status: 'closed', overdue: false, allowedActions: [] });
    expect((await clerk.post(`/api/follow-ups/${id}/close`, { result: 'again', closedOn: '2026-03-14' })).statusCode).toBe(409);
  });
});

describe('the county 业务交流会', () => {
  it('is a meeting of the county office with township attendees, counted per year', async () => {
    const county = await as(app, 'county.clerk');
    const countyLeader = await people('county.leader');
    const countyClerk = await people('county.clerk');
    const orgs = (await county.get('/api/orgs'))
      .json()
      .items.filter((o: { kind: string }) => o.kind === 'township')
      .map((o: { id: string }) => o.id);
    const res = await county.post(
      '/api/meetings',
      draft({
        kind: 'exchange',
        title: '全县乡镇办公室业务交流会',
        startsAt: '2031-06-18T09:00:00+08:00',
        hostUserId: countyLeader.id,
        recorderUserId: countyClerk.id,
        attendingOrgIds: orgs,
      }),
    );
    expect(res.statusCode).toBe(201);
    const year = await exchangeMeetingsInYear(database.db, 2031);
    expect(year).toEqual([{ meetingId: res.json().id, date: '2031-06-18', townshipOrgIds: orgs }]);
    expect(
      (
        await county.post(
          '/api/meetings',
          draft({ kind: 'topical', hostUserId: countyLeader.id, recorderUserId: countyClerk.id, attendingOrgIds: orgs }),
        )
      ).statusCode,
    ).toBe(422);
  });
});

describe('register export', () => {
  it('exports the minutes register and the follow-up register through the shared mechanism', async () => {
    const xlsx = await clerk.get('/api/meetings?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await clerk.get('/api/follow-ups?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The minutes themselves print as the standard form.
    const one = (await clerk.get('/api/meetings?pageSize=1')).json().items[0].id;
    const form = await clerk.get(`/api/meetings/${one}?format=pdf`);
    expect(form.statusCode).toBe(200);
    expect(form.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('documents from the registers', () => {
  it('drafts a 纪要 from finalised minutes and an upward report from an incident, through the documents module', async () => {
    const m = (await clerk.post('/api/meetings', draft())).json();
    const county = (await clerk.get('/api/orgs')).json().items.find((o: { kind: string }) => o.kind === 'county_office').id;
    expect((await clerk.post(`/api/meetings/${m.id}/draft-summary`, { mainRecipientOrgIds: [county] })).json().error.code).toBe(
      'SUMMARY_NEEDS_FINAL',
    );
    await clerk.post(`/api/meetings/${m.id}/finalise`);
    const doc = await clerk.post(`/api/meetings/${m.id}/draft-summary`, { mainRecipientOrgIds: [county] });
    expect(doc.statusCode).toBe(201);
    expect(doc.json()).toMatchObject({ docType: '纪要', title: '党委会（第3次）纪要' });
    expect((await clerk.get(`/api/documents/${doc.json().documentId}`)).statusCode).toBe(200);
    // GB/T 9704 10.3: the drafted 纪要 closes with the meeting's 出席 and 请假, which its print lifts into the lists
    // (the PDF route itself only serves a numbered document).
    const body = (await clerk.get(`/api/documents/${doc.json().documentId}`)).json().body as string;
    expect(liftSummaryLists(body)).toMatchObject({ attendees: ['王建国', '李海燕'], absentees: ['张志强（出差）'] });
    const e = (await clerk.post('/api/duty/log', { at: '2026-03-06T23:40:00+08:00', kind: 'incident', content: '某村山体滑坡' })).json();
    const report = await clerk.post(`/api/duty/log/${e.id}/draft-report`);
    expect(report.json()).toMatchObject({ docType: '报告' });
  });
});
