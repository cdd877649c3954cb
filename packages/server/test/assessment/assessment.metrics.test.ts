/**
 * The metrics added to the library, each against records built here whose expected figure is
 * worked out by hand in the comments. 2020 holds no demo records, so town01's figures for that
 * year come from this file's records alone; rooms and rules are counted for an office made here.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, testApp } from '../helpers.ts';
import { METRIC_COMPUTE } from '../../src/modules/assessment/assessment.metrics-library.ts';
import type { Database } from '../../src/db/client.ts';
import type { App } from '../../src/platform/app-types.ts';

let app: App;
let database: Database;
type Client = Awaited<ReturnType<typeof as>>;
let town: Client;
let townOrg = '';
const YEAR = 2020;

beforeAll(async () => {
  ({ app, database } = await testApp());
  town = await as(app, 'town01.clerk');
  townOrg = (await town.get('/api/me')).json().org.id;
});

const ok = (r: { statusCode: number; body: string }) => {
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};

describe('petitions_on_time (信访按期办结率)', () => {
  it('closed within 60 days of acceptance ÷ accepted cases closed in the year or due in it: 1 of 3', async () => {
    const me = (await town.get('/api/me')).json();
    const petition = async (receivedOn: string, decidedOn: string, closedOn: string | null) => {
      const p = ok(
        await town.post('/api/petitions', {
          receivedOn,
          channel: 'letter',
          petitioners: [{ name: '甲', phone: '13800000000' }],
          subject: '道路维修',
          content: '村道损坏',
          category: 'other',
          handlerUserIds: [me.id],
        }),
      ).json();
      ok(await town.post(`/api/petitions/${p.id}/accept`, { decidedOn, notifiedOn: decidedOn }));
      if (closedOn) ok(await town.post(`/api/petitions/${p.id}/close`, { closedOn, result: '已办结', answerNotifiedOn: closedOn }));
    };
    await petition('2020-03-01', '2020-03-05', '2020-04-20'); // due 2020-05-04: on time
    await petition('2020-06-01', '2020-06-02', '2020-09-15'); // due 2020-08-01: late
    await petition('2020-10-01', '2020-10-02', null); // due 2020-12-01, still open at the year's end: counts, late
    await petition('2020-12-01', '2020-12-05', null); // due 2021-02-03: not yet due, not counted
    const v = (await METRIC_COMPUTE.petitions_on_time(database.db, YEAR)).get(townOrg);
    expect(v).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
  });
});

describe('follow_ups_on_time (督办按期办结率)', () => {
  it('closed by the deadline ÷ closed in the year or overdue in it: 1 of 4', async () => {
    const s = await as(app, 'town01.leader');
    const leader = (await s.get('/api/me')).json();
    const me = (await town.get('/api/me')).json();
    const m = ok(
      await town.post('/api/meetings', {
        kind: 'other',
        title: '党委会',
        startsAt: '2019-11-01T09:00:00+08:00',
        place: '会议室',
        hostUserId: leader.id,
        recorderUserId: me.id,
        items: [{ title: '议题', decisions: ['甲', '乙', '丙', '丁', '戊'] }],
      }),
    ).json();
    ok(await town.post(`/api/meetings/${m.id}/finalise`));
    const followUp = async (decisionIndex: number, deadline: string, closedOn: string | null) => {
      const f = ok(await town.post('/api/follow-ups', { meetingId: m.id, itemIndex: 0, decisionIndex, ownerName: '王', deadline })).json();
      if (closedOn) ok(await town.post(`/api/follow-ups/${f.id}/close`, { result: '已落实', closedOn }));
    };
    await followUp(0, '2020-04-01', '2020-03-20'); // on time
    await followUp(1, '2020-05-01', '2020-06-01'); // late
    await followUp(2, '2020-07-01', null); // overdue at the year's end: counts, late
    await followUp(3, '2019-12-01', '2020-01-10'); // closed in 2020 after last year's deadline: counts, late
    await followUp(4, '2021-03-01', null); // due next year: not counted
    const v = (await METRIC_COMPUTE.follow_ups_on_time(database.db, YEAR)).get(townOrg);
    expect(v).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });
});

describe('rooms_in_use and rules_in_force', () => {
  let org = '';
  beforeAll(async () => {
    org = randomUUID();
    await database.pool.query(
      `INSERT INTO orgs (id, parent_id, kind, name, code, sort_order) SELECT $1, parent_id, 'township', '试点镇', 'T99', 99 FROM orgs WHERE id = $2`,
      [org, townOrg],
    );
    // Rooms: office built, reception missing, archive renovated → 2 of the 3 in use.
    for (const [kind, status] of [
      ['office', 'built'],
      ['reception', 'missing'],
      ['archive', 'renovated'],
    ])
      await database.pool.query(
        `INSERT INTO rooms (org_id, kind, status, area_m2) VALUES ($1, $2, $3, CASE WHEN $3 = 'missing' THEN NULL ELSE 20 END)`,
        [org, kind, status],
      );
    // Rules: attendance and duty in force, study superseded → 2 of the 6 kinds in force.
    for (const [kind, state] of [
      ['attendance', 'in_force'],
      ['duty', 'in_force'],
      ['study', 'superseded'],
    ])
      await database.pool.query(
        `INSERT INTO township_rules (org_id, kind, title, body, adopted_on, state, superseded_at)
         VALUES ($1, $2, '工作制度', '本制度自印发之日起施行。', '2020-01-01', $3, CASE WHEN $3 = 'superseded' THEN now() END)`,
        [org, kind, state],
      );
  });
  it('rooms: 2 of 3', async () => {
    expect((await METRIC_COMPUTE.rooms_in_use(database.db, YEAR)).get(org)).toEqual({ value: 0.6667, numerator: 2, denominator: 3 });
  });
  it('rules: 2 kinds of 6', async () => {
    expect((await METRIC_COMPUTE.rules_in_force(database.db, YEAR)).get(org)).toEqual({ value: 0.3333, numerator: 2, denominator: 6 });
  });
});
