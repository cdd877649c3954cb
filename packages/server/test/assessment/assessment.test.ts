import { beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import { as, client, login, tableDigest, testApp, type Session } from '../helpers.ts';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';

let app: App;
let database: Database;
type Client = Awaited<ReturnType<typeof as>>;
let adminSession: Session;
let admin: Client, clerk: Client, town1: Client, town1Leader: Client, town2: Client;
const year = chinaYear();

beforeAll(async () => {
  ({ app, database } = await testApp());
  adminSession = await login(app, 'county.admin');
  admin = client(app, adminSession);
  [clerk, town1, town1Leader, town2] = await Promise.all([
    as(app, 'county.clerk'),
    as(app, 'town01.clerk'),
    as(app, 'town01.leader'),
    as(app, 'town02.clerk'),
  ]);
});

async function schemeOf(y: number, kind = 'township') {
  const r = await admin.get(`/api/assessment/schemes?year=${y}`);
  expect(r.statusCode).toBe(200);
  return r.json().items.find((i: { targetKind: string }) => i.targetKind === kind);
}

/** Asserts the call is a 4xx with a zh-CN message and that no business row changed. */
async function refused(call: () => Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>, code?: string) {
  const before = await tableDigest(database);
  const r = await call();
  expect(r.statusCode, JSON.stringify(r.json())).toBeGreaterThanOrEqual(400);
  expect(r.statusCode).toBeLessThan(500);
  if (code) expect(r.json().error.code).toBe(code);
  expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await tableDigest(database)).toBe(before);
  return r.json().error;
}

describe('demo county', () => {
  it("has last year's township scheme final with ranked, graded results for 18 townships and one answered appeal", async () => {
    const s = await schemeOf(year - 1);
    expect(s.status).toBe('final');
    const res = (await admin.get(`/api/assessment/schemes/${s.id}/results`)).json();
    expect(res.final).toBe(true);
    expect(res.items).toHaveLength(18);
    expect(res.items[0].rank).toBe(1);
    expect(res.items.every((i: { grade: string }) => ['优秀', '良好', '合格', '不合格'].includes(i.grade))).toBe(true);
    expect(res.items.filter((i: { grade: string }) => i.grade === '优秀').length).toBeLessThanOrEqual(Math.floor(0.3 * 18));
    const detail = (await admin.get(`/api/assessment/schemes/${s.id}`)).json();
    expect(detail.appeals).toHaveLength(1);
    expect(detail.appeals[0].answer).toBeTruthy();
    const dept = await schemeOf(year - 1, 'county_department');
    expect(dept.status).toBe('final');
  });

  it("has this year's scheme published with the 5% leader indicator, live measured scores and pending manual items", async () => {
    const s = await schemeOf(year);
    expect(s.status).toBe('published');
    const d = (await admin.get(`/api/assessment/schemes/${s.id}`)).json();
    expect(d.weightSum).toBe(100);
    expect(d.indicators.find((i: { name: string }) => i.name === '分管负责人重视办公室工作情况').weight).toBe(5);
    expect(d.indicators[0]).toEqual(
      expect.objectContaining({ code: '1', parentCode: null, name: '办文办会', weight: 25, method: 'manual', metric: null }),
    );
    const res = (await admin.get(`/api/assessment/schemes/${s.id}/results`)).json();
    expect(res.final).toBe(false);
    const pending = res.items.flatMap((i: { scores: { pending: boolean }[] }) => i.scores.filter((x) => x.pending));
    expect(pending.length).toBeGreaterThan(0);
    const measured = res.items[0].scores.find((x: { code: string }) => x.code === '4.1');
    expect(measured.basis).toMatch(/值班日志完整率 \d+\/\d+/);
  });
});

describe('visibility of results', () => {
  it('an office sees only its own item; asking for another office is a 404', async () => {
    const s = await schemeOf(year - 1);
    const mine = (await town1.get(`/api/assessment/schemes/${s.id}/results`)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].orgId).toBe((await town1.get('/api/me')).json().org.id);
    const other = (await town2.get('/api/me')).json().org.id;
    await refused(() => town1.get(`/api/assessment/schemes/${s.id}/results?orgId=${other}`), 'NOT_FOUND');
  });
  it('an office does not see a draft', async () => {
    const r = await admin.post('/api/assessment/schemes', { year: 2031, targetKind: 'township', title: '草稿', copyFromSchemeId: null });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ id: expect.any(String), status: 'draft' });
    expect((await town1.get(`/api/assessment/schemes/${r.json().id}`)).statusCode).toBe(404);
    expect((await town1.get('/api/assessment/schemes?year=2031')).json().items).toEqual([]);
  });
});

describe('a year of a scheme', () => {
  let id: string;
  it('copies last year, fails to publish at 95, is fixed, opens consultation', async () => {
    const last = await schemeOf(year - 1);
    const r = await admin.post('/api/assessment/schemes', {
      year: year + 1,
      targetKind: 'township',
      title: '新年度细则',
      copyFromSchemeId: last.id,
    });
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    const d = (await admin.get(`/api/assessment/schemes/${id}`)).json();
    const indicators = d.indicators.map(({ description, rule, ...i }: Record<string, unknown>) => ({ ...i, description, rule }));
    const at95 = indicators.map((i: { code: string; weight: number }) => (i.code === '7' ? { ...i, weight: 0 } : i));
    // sub-item 7 has no children, so only the top-level sum changes: 95
    expect((await admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators: at95 })).statusCode).toBe(200);
    const err = await refused(
      () => app.inject({ method: 'POST', url: `/api/assessment/schemes/${id}/publish`, headers: adminHeaders() }),
      'ASSESSMENT_WEIGHTS_NOT_100',
    );
    expect(err.message).toContain('95');
    expect((await admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators })).statusCode).toBe(200);
    const open = await admin.post(`/api/assessment/schemes/${id}/open-consultation`, {});
    expect(open.statusCode).toBe(200);
    expect(open.json().status).toBe('consultation');
  });
  it('a township leader comments; publishing waits for the answer; the county answers and publishes', async () => {
    const c = await town1Leader.post(`/api/assessment/schemes/${id}/comments`, {
      code: '7',
      text: '建议将分管负责人指标细化为批办及时、听取汇报两项。',
    });
    expect(c.statusCode).toBe(201);
    await refused(() => admin.post(`/api/assessment/schemes/${id}/publish`), 'ASSESSMENT_COMMENTS_UNANSWERED');
    expect(
      (await admin.post(`/api/assessment/comments/${c.json().id}/answer`, { adopted: false, answer: '今年暂不细分，明年研究。' }))
        .statusCode,
    ).toBe(200);
    const p = await app.inject({ method: 'POST', url: `/api/assessment/schemes/${id}/publish`, headers: adminHeaders() });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().status).toBe('published');
    expect(p.json().comments[0].answer).toBe('今年暂不细分，明年研究。');
  });
  it('indicators cannot change after publication', async () => {
    await refused(() => admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators: [] }), 'ASSESSMENT_NOT_DRAFT');
  });
  it('scores, notice, appeal, answer, final', async () => {
    const t1 = (await town1.get('/api/me')).json().org.id;
    await refused(
      () => clerk.post(`/api/assessment/schemes/${id}/scores`, { orgId: t1, code: '7', score: 6, reason: '超出分值' }),
      'ASSESSMENT_SCORE_RANGE',
    );
    await refused(
      () => clerk.post(`/api/assessment/schemes/${id}/scores`, { orgId: t1, code: '4.1', score: 1, reason: '测算项' }),
      'ASSESSMENT_NOT_SCORABLE',
    );
    expect((await admin.post(`/api/assessment/schemes/${id}/open-self-assessment`)).statusCode).toBe(200);
    expect(
      (await town1.post(`/api/assessment/schemes/${id}/self-reports`, { code: '6.2', evidence: '三室照片、设备清单' })).statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/assessment/schemes/${id}/start-scoring`)).statusCode).toBe(200);
    await refused(() => admin.post(`/api/assessment/schemes/${id}/open-notice`), 'ASSESSMENT_SCORES_MISSING');
    const orgs = (await admin.get(`/api/assessment/schemes/${id}/results`)).json().items.map((i: { orgId: string }) => i.orgId);
    const marks = [
      ['2.2', 7],
      ['3.1', 14],
      ['6.2', 6],
      ['7', 5],
    ] as const;
    // The first office one score at a time, the others as one score sheet.
    for (const [code, score] of marks)
      expect((await clerk.post(`/api/assessment/schemes/${id}/scores`, { orgId: orgs[0], code, score, reason: '核定' })).statusCode).toBe(
        200,
      );
    const sheet = orgs.slice(1).flatMap((orgId: string) => marks.map(([code, score]) => ({ orgId, code, score, reason: '核定' })));
    // One entry over the indicator's points refuses the whole sheet.
    await refused(
      () =>
        clerk.post(`/api/assessment/schemes/${id}/score-sheet`, { entries: [...sheet, { orgId: t1, code: '7', score: 9, reason: '超' }] }),
      'ASSESSMENT_SCORE_RANGE',
    );
    await refused(
      () => clerk.post(`/api/assessment/schemes/${id}/score-sheet`, { entries: [...sheet, sheet[0]] }),
      'ASSESSMENT_DUPLICATE_SCORE',
    );
    await refused(() => town1.post(`/api/assessment/schemes/${id}/score-sheet`, { entries: sheet }), 'FORBIDDEN_ROLE');
    const saved = await clerk.post(`/api/assessment/schemes/${id}/score-sheet`, { entries: sheet });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ count: (orgs.length - 1) * marks.length });
    const one = await database.pool.query("SELECT after FROM audit_log WHERE action = 'assessment.scores' AND entity_id = $1", [id]);
    expect(one.rows).toHaveLength(1);
    expect(one.rows[0].after.scores).toHaveLength(sheet.length);
    expect((await admin.post(`/api/assessment/schemes/${id}/open-notice`, { closesOn: '2099-12-31' })).statusCode).toBe(200);
    const ap = await town1.post(`/api/assessment/schemes/${id}/appeals`, { code: '3.1', reason: '本年信访件全部按期办结。' });
    expect(ap.statusCode).toBe(201);
    await refused(() => admin.post(`/api/assessment/schemes/${id}/finalise`), 'ASSESSMENT_APPEALS_OPEN');
    expect(
      (await clerk.post(`/api/assessment/appeals/${ap.json().id}/answer`, { answer: '属实，调整为满分。', newScore: 15 })).statusCode,
    ).toBe(200);
    const mine = (await town1.get(`/api/assessment/schemes/${id}/results`)).json().items[0];
    expect(mine.scores.find((s: { code: string }) => s.code === '3.1').score).toBe(15);
    const f = await admin.post(`/api/assessment/schemes/${id}/finalise`);
    expect(f.statusCode).toBe(200);
    expect(f.json().status).toBe('final');
    const res = (await admin.get(`/api/assessment/schemes/${id}/results`)).json();
    expect(res.final).toBe(true);
    expect(res.items.every((i: { grade: string | null }) => i.grade !== null)).toBe(true);
    // scoring a final scheme
    await refused(
      () => clerk.post(`/api/assessment/schemes/${id}/scores`, { orgId: t1, code: '7', score: 4, reason: '改分' }),
      'ASSESSMENT_NOT_SCORING',
    );
    // an appeal after the window
    await refused(() => town1.post(`/api/assessment/schemes/${id}/appeals`, { code: '7', reason: '再申诉' }), 'ASSESSMENT_APPEAL_WINDOW');
  });
  it('every write was audited', async () => {
    const r = await database.pool.query("SELECT action FROM audit_log WHERE entity_id = $1 OR (after->>'schemeId') = $1 ORDER BY seq", [
      id,
    ]);
    const actions = r.rows.map((x) => x.action);
    for (const a of [
      'assessment.scheme.create',
      'assessment.scheme.indicators',
      'assessment.scheme.openConsultation',
      'assessment.scheme.publish',
      'assessment.comment.create',
      'assessment.score',
      'assessment.scores',
      'assessment.appeal.create',
      'assessment.scheme.finalise',
    ])
      expect(actions).toContain(a);
  });
});

describe('bad input to a draft: clear 4xx, nothing written', () => {
  let id: string;
  const base = { code: 'A', parentCode: null, name: '甲', weight: 100, method: 'manual', metric: null };
  beforeAll(async () => {
    id = (await admin.post('/api/assessment/schemes', { year: 2032, targetKind: 'township', title: '校验', copyFromSchemeId: null })).json()
      .id;
  });
  it('negative weight', async () => {
    await refused(
      () => admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators: [{ ...base, weight: -5 }] }),
      'ASSESSMENT_NEGATIVE_WEIGHT',
    );
  });
  it('unknown parent', async () => {
    await refused(
      () => admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators: [base, { ...base, code: 'B', parentCode: 'Z' }] }),
      'ASSESSMENT_UNKNOWN_PARENT',
    );
  });
  it('unknown metric', async () => {
    await refused(
      () => admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators: [{ ...base, method: 'measured', metric: 'no_such' }] }),
      'ASSESSMENT_UNKNOWN_METRIC',
    );
  });
  it('weights not 100 at publish (a POST with no body)', async () => {
    expect((await admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators: [{ ...base, weight: 95 }] })).statusCode).toBe(200);
    const err = await refused(
      () => app.inject({ method: 'POST', url: `/api/assessment/schemes/${id}/publish`, headers: adminHeaders() }),
      'ASSESSMENT_WEIGHTS_NOT_100',
    );
    expect(err.message).toContain('95');
  });
  it('English messages', async () => {
    const r = await app.inject({
      method: 'PUT',
      url: `/api/assessment/schemes/${id}/indicators`,
      headers: { ...adminHeaders(), 'accept-language': 'en' },
      payload: { indicators: [{ ...base, weight: -1 }] },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/negative weight/);
  });
  it('a township may not create or edit schemes', async () => {
    await refused(
      () => town1.post('/api/assessment/schemes', { year: 2033, targetKind: 'township', title: 'x', copyFromSchemeId: null }),
      'FORBIDDEN_ROLE',
    );
  });
  it('a duplicate year and group', async () => {
    await refused(
      () => admin.post('/api/assessment/schemes', { year: 2032, targetKind: 'township', title: '重复', copyFromSchemeId: null }),
      'ASSESSMENT_DUPLICATE_SCHEME',
    );
  });
});

/** The county admin's headers, for calls made without the client (no body at all, another language). */
function adminHeaders(): Record<string, string> {
  return { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken };
}
