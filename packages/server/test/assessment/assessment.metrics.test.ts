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

const ok = <R extends { statusCode: number; body: string }>(r: R): R => {
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r;
};

describe('petitions_on_time (信访按期办结率)', () => {
  it('closed within 60 days of acceptance ÷ accepted cases closed in the year or due in it: 1 of 4', async () => {
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
    // Cases of the year before: one still open whose period ends in this year counts (late); one
    // closed last year does not (the query reads only the cases that can count).
    await petition('2019-11-01', '2019-11-10', null); // due 2020-01-09, open: counts, late
    await petition('2019-05-01', '2019-05-02', '2019-06-20'); // closed in 2019: not counted
    const v = (await METRIC_COMPUTE.petitions_on_time(database.db, YEAR)).get(townOrg);
    expect(v).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
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

describe('the team: staff filings, training coverage, rotations, posts to persons', () => {
  let org = '';
  const staff: Record<string, string> = {};
  const q = (text: string, values: unknown[]) => database.pool.query(text, values);
  beforeAll(async () => {
    org = randomUUID();
    await q(
      `INSERT INTO orgs (id, parent_id, kind, name, code, sort_order) SELECT $1, parent_id, 'township', '试点乡', 'T98', 98 FROM orgs WHERE id = $2`,
      [org, townOrg],
    );
    // A, B, C active in this office; D left in June; E belongs to town01.
    const person = async (key: string, orgId: string, n: number, left: string | null) => {
      const id = randomUUID();
      staff[key] = id;
      await q(
        `INSERT INTO staff (id, org_id, id_number, name, gender, birth_date, ethnicity, political_status, education, post, office_role, phone, start_date, status, left_on)
         VALUES ($1, $2, $3, $4, 'female', '1990-01-01', '汉族', 'masses', 'bachelor', '科员', '工作人员', '13800000000', '2015-01-01', $5, $6)`,
        [id, orgId, `5100001990010100${n}X`.slice(0, 17) + 'X', `人员${key}`, left ? 'left' : 'active', left],
      );
    };
    await person('A', org, 1, null);
    await person('B', org, 2, null);
    await person('C', org, 3, null);
    await person('D', org, 4, '2020-06-01');
    await person('E', townOrg, 5, null);
  });

  it('staff filings on time: filed in 2020 (China time) and not late ÷ filed in 2020 = 2 of 3', async () => {
    // One open filing per person (a constraint), so each filing names another of the four.
    for (const [k, at, late] of [
      ['A', '2020-03-01T10:00:00+08:00', false],
      ['B', '2020-07-01T10:00:00+08:00', false],
      ['C', '2020-01-01T00:30:00+08:00', true], // 2019-12-31 in UTC, 2020 in China: counts, late
      ['D', '2019-12-31T23:30:00+08:00', false], // 2019 in China: not counted
    ] as const)
      await q(
        `INSERT INTO staff_filings (org_id, staff_id, kind, change_date, filed_at, deadline_days, late) VALUES ($1, $2, 'particulars', '2020-01-01', $3, 30, $4)`,
        [org, staff[k], at, late],
      );
    expect((await METRIC_COMPUTE.staff_filings_on_time(database.db, YEAR)).get(org)).toEqual({
      value: 0.6667,
      numerator: 2,
      denominator: 3,
    });
  });

  it('training coverage: active staff who attended a held 2020 session ÷ active staff = 1 of 3', async () => {
    const session = async (heldOn: string, state: string, who: string[]) => {
      const id = randomUUID();
      await q(
        `INSERT INTO training_sessions (id, org_id, held_on, topic, organiser, state) VALUES ($1, $2, $3, '公文写作', '县委办', $4)`,
        [id, townOrg, heldOn, state],
      );
      for (const k of who)
        await q(`INSERT INTO training_attendance (session_id, org_id, staff_id) VALUES ($1, $2, $3)`, [id, org, staff[k]]);
    };
    await session('2020-05-01', 'held', ['A', 'D']); // A counts; D has left
    await session('2020-06-01', 'cancelled', ['B']); // cancelled: B does not count
    await session('2019-05-01', 'held', ['C']); // last year: C does not count
    expect((await METRIC_COMPUTE.training_coverage(database.db, YEAR)).get(org)).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
  });

  it('rotations: 2020 rotations not cancelled = 2', async () => {
    for (const [k, year, quarter, state] of [
      ['A', 2020, 1, 'confirmed'],
      ['B', 2020, 2, 'confirmed'],
      ['C', 2020, 3, 'cancelled'],
      ['A', 2019, 4, 'confirmed'],
    ] as const)
      await q(
        `INSERT INTO rotations (org_id, staff_id, year, quarter, period_start, period_end, state) VALUES ($1, $2, $3, $4, '2020-01-01', '2020-01-31', $5)`,
        [org, staff[k], year, quarter, state],
      );
    expect((await METRIC_COMPUTE.rotations_taken(database.db, YEAR)).get(org)).toEqual({ value: 2, numerator: 2, denominator: null });
  });

  it("posts to persons: posts held now by the office's own active staff ÷ 3 = 1 of 3", async () => {
    for (const [post, k, until] of [
      ['writing', 'A', null], // counts
      ['duty_reception', 'D', null], // D has left: does not count
      ['archives', 'E', null], // E is another township's: does not count
      ['archives', 'B', '2020-01-01'], // ended: does not count
    ] as const)
      await q(`INSERT INTO post_assignments (org_id, post, staff_id, since, until) VALUES ($1, $2, $3, '2019-01-01', $4)`, [
        org,
        post,
        staff[k],
        until,
      ]);
    expect((await METRIC_COMPUTE.posts_assigned(database.db, YEAR)).get(org)).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
  });
});
