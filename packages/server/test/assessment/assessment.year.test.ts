/**
 * The rest of the assessment's year (issue 10): the self-assessment confirmed by the office's leader
 * in charge, a change after publication as a new version with a reason (the offices notified), the
 * grades with the cap on the share of 优秀 (hand-computed cases, then applied at final), the county
 * averages beside an office's scores and an office's totals over the years, and the precomputed
 * standings following every score at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assignGrades, excellentCap, DEFAULT_GRADES, averageScores } from '@township-office/domain/assessment';
import { chinaYear } from '@township-office/domain/dates';
import { as, login, tableDigest, testApp, type Session } from '../helpers.ts';
import type { App } from '../../src/platform/app-types.ts';
import type { Database } from '../../src/db/client.ts';

let app: App;
let database: Database;
type Client = Awaited<ReturnType<typeof as>>;
let admin: Client, clerk: Client, town1: Client, town1Leader: Client, town2: Client, town2Leader: Client;
let adminSession: Session;
const year = chinaYear();
let id = '';
let t1 = '';
let t2 = '';

type Json = { statusCode: number; json(): { error: { code: string; message: string } } };

/** A 4xx in zh-CN (and English when asked), with no business row changed. */
async function refused(call: () => Promise<Json>, code?: string) {
  const before = await tableDigest(database);
  const r = await call();
  expect(r.statusCode, JSON.stringify(r.json())).toBeGreaterThanOrEqual(400);
  expect(r.statusCode).toBeLessThan(500);
  if (code) expect(r.json().error.code).toBe(code);
  expect(await tableDigest(database)).toBe(before);
  return r.json().error;
}

async function schemeOf(y: number) {
  const r = await admin.get(`/api/assessment/schemes?year=${y}`);
  return r.json().items.find((i: { targetKind: string }) => i.targetKind === 'township');
}

beforeAll(async () => {
  ({ app, database } = await testApp());
  adminSession = await login(app, 'county.admin');
  [admin, clerk, town1, town1Leader, town2, town2Leader] = await Promise.all([
    as(app, 'county.admin'),
    as(app, 'county.clerk'),
    as(app, 'town01.clerk'),
    as(app, 'town01.leader'),
    as(app, 'town02.clerk'),
    as(app, 'town02.leader'),
  ]);
  t1 = (await town1.get('/api/me')).json().org.id;
  t2 = (await town2.get('/api/me')).json().org.id;
  const cur = await schemeOf(year);
  const r = await admin.post('/api/assessment/schemes', {
    year: year + 5,
    targetKind: 'township',
    title: '年度考评（测试）',
    copyFromSchemeId: cur.id,
  });
  expect(r.statusCode).toBe(201);
  id = r.json().id;
}, 120_000);

describe('grades: the cap on the share of 优秀, by hand', () => {
  const rows = (totals: number[]) => {
    const sorted = totals.map((t, i) => ({ id: `o${i}`, total: t }));
    const rank = (t: number) => 1 + totals.filter((x) => x > t).length;
    return sorted.map((r) => ({ ...r, rank: rank(r.total) }));
  };
  it('ten offices, cap 30%: three 优秀, the fourth at 90 falls to 良好', () => {
    const g = assignGrades(rows([95, 93, 91, 90, 89, 85, 80, 75, 60, 59]), DEFAULT_GRADES);
    expect([...g.values()]).toEqual(['优秀', '优秀', '优秀', '良好', '良好', '良好', '良好', '合格', '合格', '不合格']);
  });
  it('offices tied at the cap boundary are all kept out rather than exceed it', () => {
    const g = assignGrades(rows([95, 92, 92, 92, 70]), { ...DEFAULT_GRADES, excellentShare: 0.4 });
    // cap = floor(0.4 × 5) = 2; the three at 92 share rank 2, taking all would make 4.
    expect([...g.values()]).toEqual(['优秀', '良好', '良好', '良好', '合格']);
  });
  it('a cap of 0 leaves no 优秀; a score under the threshold is never 优秀 whatever the cap', () => {
    expect([...assignGrades(rows([99, 98]), { ...DEFAULT_GRADES, excellentShare: 0 }).values()]).toEqual(['良好', '良好']);
    expect([...assignGrades(rows([89.99, 70]), { ...DEFAULT_GRADES, excellentShare: 1 }).values()]).toEqual(['良好', '合格']);
  });
  it('the cap is the floor of share × offices, without floating-point loss (29% of 100 is 29)', () => {
    expect(excellentCap(100, 0.29)).toBe(29);
    expect(excellentCap(18, 0.3)).toBe(5);
    expect(excellentCap(18, 0.1)).toBe(1);
  });
  it('averages by code over the offices', () => {
    expect(
      averageScores(
        [{ scores: [{ code: '1', score: 20 }] }, { scores: [{ code: '1', score: 25 }] }, { scores: [{ code: '1', score: 22.5 }] }],
        ['1', '9'],
      ),
    ).toEqual([{ code: '1', average: 22.5 }]);
  });
});

describe('versions: a change after publication', () => {
  let indicators: Record<string, unknown>[] = [];
  it('a draft has no version and cannot be revised; publication is version 1', async () => {
    const d = (await admin.get(`/api/assessment/schemes/${id}`)).json();
    expect(d.version).toBe(0);
    indicators = d.indicators;
    await refused(() => admin.post(`/api/assessment/schemes/${id}/revisions`, { reason: '调整', indicators }), 'ASSESSMENT_NOT_REVISABLE');
    const p = await admin.post(`/api/assessment/schemes/${id}/publish`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().version).toBe(1);
    const v = (await town1.get(`/api/assessment/schemes/${id}/versions`)).json();
    expect(v.items).toHaveLength(1);
    expect(v.items[0]).toEqual(expect.objectContaining({ version: 1, indicators: expect.any(Array) }));
  });
  it('PUT indicators stays for drafts; a bad revision is refused with nothing written', async () => {
    await refused(() => admin.put(`/api/assessment/schemes/${id}/indicators`, { indicators }), 'ASSESSMENT_NOT_DRAFT');
    const at95 = indicators.map((i) => (i.code === '7' ? { ...i, weight: 0 } : i));
    const e = await refused(
      () => admin.post(`/api/assessment/schemes/${id}/revisions`, { reason: '调低', indicators: at95 }),
      'ASSESSMENT_WEIGHTS_NOT_100',
    );
    expect(e.message).toContain('95');
    await refused(
      () => admin.post(`/api/assessment/schemes/${id}/revisions`, { reason: '没改', indicators }),
      'ASSESSMENT_REVISION_UNCHANGED',
    );
    await refused(() => admin.post(`/api/assessment/schemes/${id}/revisions`, { reason: '  ', indicators }));
    await refused(() => admin.post(`/api/assessment/schemes/${id}/revisions`, { indicators }));
    await refused(() => admin.post(`/api/assessment/schemes/${id}/revisions`, { reason: 'x', indicators, extra: 1 }));
    await refused(
      () =>
        admin.post(`/api/assessment/schemes/${id}/revisions`, {
          reason: '未知口径',
          indicators: indicators.map((i) => (i.code === '4.1' ? { ...i, metric: 'no_such' } : i)),
        }),
      'ASSESSMENT_UNKNOWN_METRIC',
    );
    await refused(() => town1.post(`/api/assessment/schemes/${id}/revisions`, { reason: '乡镇改', indicators }), 'FORBIDDEN_ROLE');
    const en = await app.inject({
      method: 'POST',
      url: `/api/assessment/schemes/${id}/revisions`,
      headers: { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken, 'accept-language': 'en' },
      payload: { reason: 'same', indicators },
    });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toMatch(/same indicators/);
  });
  it('a revision with its reason is version 2, audited, and the offices hear of it', async () => {
    const changed = indicators.map((i) =>
      i.code === '2.1' ? { ...i, weight: 10 } : i.code === '2.2' ? { ...i, weight: 10, description: '调研报告两篇以上' } : i,
    );
    const r = await admin.post(`/api/assessment/schemes/${id}/revisions`, { reason: '按征求意见提高调研报告分值', indicators: changed });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().version).toBe(2);
    expect(r.json().indicators.find((i: { code: string }) => i.code === '2.2').weight).toBe(10);
    const v = (await town1.get(`/api/assessment/schemes/${id}/versions`)).json().items;
    expect(v.map((x: { version: number }) => x.version)).toEqual([1, 2]);
    expect(v[1].reason).toBe('按征求意见提高调研报告分值');
    expect(v[0].indicators.find((i: { code: string }) => i.code === '2.2').weight).toBe(8);
    const audit = await database.pool.query("SELECT after FROM audit_log WHERE action = 'assessment.scheme.amend' AND entity_id = $1", [
      id,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.reason).toBe('按征求意见提高调研报告分值');
    const n = (await town1.get('/api/notifications')).json().items;
    expect(n.some((x: { kind: string; title: string }) => x.kind === 'assessment.revision' && x.title.includes('第2版'))).toBe(true);
    // The county's own staff are not an assessed office.
    expect((await clerk.get('/api/notifications')).json().items.some((x: { kind: string }) => x.kind === 'assessment.revision')).toBe(
      false,
    );
  });
});

describe('self-assessment confirmed by the leader in charge', () => {
  it('cannot be sent before the self-assessment step', async () => {
    await refused(() => town1.post(`/api/assessment/schemes/${id}/self-assessment`, { summary: '总结' }), 'ASSESSMENT_BAD_STEP');
    expect((await admin.post(`/api/assessment/schemes/${id}/open-self-assessment`)).statusCode).toBe(200);
  });
  it('bad summaries: clear 4xx, nothing written', async () => {
    for (const body of [
      {},
      { summary: '' },
      { summary: '   ' },
      { summary: 'a\u0000b' },
      { summary: 'x'.repeat(4001) },
      { summary: 1 },
      null,
    ])
      await refused(() => town1.post(`/api/assessment/schemes/${id}/self-assessment`, body));
    await refused(() => town1.post(`/api/assessment/schemes/${id}/self-assessment`, { summary: '总结', orgId: t2 }));
    await refused(() => clerk.post(`/api/assessment/schemes/${id}/self-assessment`, { summary: '县里代写' }), 'FORBIDDEN_ROLE');
  });
  it('nothing to confirm before the summary; only the leader in charge confirms', async () => {
    await refused(() => town1Leader.post(`/api/assessment/schemes/${id}/self-assessment/confirm`), 'ASSESSMENT_SELF_SUMMARY_MISSING');
    const sent = await town1.post(`/api/assessment/schemes/${id}/self-assessment`, { summary: '全年办文办会规范，值班日志逐日记录。' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().items).toEqual([expect.objectContaining({ orgId: t1, state: 'unconfirmed', confirmedAt: null })]);
    await refused(() => town1.post(`/api/assessment/schemes/${id}/self-assessment/confirm`), 'FORBIDDEN_ROLE');
    await refused(() => town2Leader.post(`/api/assessment/schemes/${id}/self-assessment/confirm`), 'ASSESSMENT_SELF_SUMMARY_MISSING');
    // The leader's workbench asks for the confirmation.
    const wb = (await town1Leader.get('/api/workbench')).json();
    expect(JSON.stringify(wb)).toContain('assessment.confirmSelf');
    // The county scorer sees it flagged: sent, not confirmed; the others missing.
    const all = (await clerk.get(`/api/assessment/schemes/${id}/self-assessments`)).json().items;
    expect(all).toHaveLength(18);
    expect(all.find((x: { orgId: string }) => x.orgId === t1).state).toBe('unconfirmed');
    expect(all.filter((x: { state: string }) => x.state === 'missing')).toHaveLength(17);
  });
  it('the leader confirms (a POST with no body); a second confirmation is refused', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/assessment/schemes/${id}/self-assessment/confirm`,
      headers: await headersOf('town01.leader'),
    });
    expect(r.statusCode, r.body).toBe(200);
    const mine = r.json().items[0];
    expect(mine.state).toBe('confirmed');
    expect(mine.confirmedByName).toBeTruthy();
    await refused(() => town1Leader.post(`/api/assessment/schemes/${id}/self-assessment/confirm`), 'ASSESSMENT_SELF_CONFIRMED');
    const audit = await database.pool.query(
      "SELECT action FROM audit_log WHERE action LIKE 'assessment.selfAssessment.%' AND entity_id = $1 ORDER BY seq",
      [id],
    );
    expect(audit.rows.map((x) => x.action)).toEqual(['assessment.selfAssessment.submit', 'assessment.selfAssessment.confirm']);
    expect(JSON.stringify((await town1Leader.get('/api/workbench')).json())).not.toContain('assessment.confirmSelf');
  });
  it('an office sees only its own; new evidence asks for the confirmation again', async () => {
    const own = (await town2.get(`/api/assessment/schemes/${id}/self-assessments`)).json().items;
    expect(own).toEqual([expect.objectContaining({ orgId: t2, state: 'missing' })]);
    expect(
      (await town1.post(`/api/assessment/schemes/${id}/self-reports`, { code: '6.2', evidence: '三室照片、设备清单' })).statusCode,
    ).toBe(200);
    const mine = (await town1.get(`/api/assessment/schemes/${id}/self-assessments`)).json().items[0];
    expect(mine.state).toBe('unconfirmed');
    expect((await town1Leader.post(`/api/assessment/schemes/${id}/self-assessment/confirm`)).statusCode).toBe(200);
  });
});

describe('grades applied at final, averages and history', () => {
  it('grade settings: out of order refused, the cap set', async () => {
    await refused(() => admin.put(`/api/assessment/schemes/${id}/grades`, { goodMin: 95 }), 'ASSESSMENT_GRADE_ORDER');
    await refused(() => admin.put(`/api/assessment/schemes/${id}/grades`, { excellentShare: 1.5 }));
    await refused(() => admin.put(`/api/assessment/schemes/${id}/grades`, { zzz: 1 }));
    await refused(() => town1.put(`/api/assessment/schemes/${id}/grades`, { excellentShare: 1 }), 'FORBIDDEN_ROLE');
    const r = await admin.put(`/api/assessment/schemes/${id}/grades`, { excellentShare: 0.1, excellentMin: 30, goodMin: 20, passMin: 10 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().grades).toEqual({ excellentShare: 0.1, excellentMin: 30, goodMin: 20, passMin: 10 });
  });
  it('the standings follow a score at once; the averages are over every office, also on an office’s page', async () => {
    const before = (await town1.get(`/api/assessment/schemes/${id}/results`)).json();
    expect(before.items).toHaveLength(1);
    expect(before.items[0].scores.find((x: { code: string }) => x.code === '7').pending).toBe(true);
    expect((await admin.post(`/api/assessment/schemes/${id}/start-scoring`)).statusCode).toBe(200);
    const orgs = (await admin.get(`/api/assessment/schemes/${id}/results`)).json().items.map((i: { orgId: string }) => i.orgId);
    // Distinct totals: each office gets its own leader's score (5, 4.75, …) and the same elsewhere.
    const entries = orgs.flatMap((orgId: string, n: number) => [
      { orgId, code: '2.2', score: 10, reason: '核定' },
      { orgId, code: '3.1', score: 15, reason: '核定' },
      { orgId, code: '6.2', score: 6, reason: '核定' },
      { orgId, code: '7', score: Math.max(0, 5 - n * 0.25), reason: '核定' },
    ]);
    expect((await clerk.post(`/api/assessment/schemes/${id}/score-sheet`, { entries })).statusCode).toBe(200);
    const all = (await admin.get(`/api/assessment/schemes/${id}/results`)).json();
    const mine = (await town1.get(`/api/assessment/schemes/${id}/results`)).json();
    const own = all.items.find((i: { orgId: string }) => i.orgId === t1);
    expect(mine.items[0].total).toBe(own.total);
    expect(mine.items[0].scores.find((x: { code: string }) => x.code === '7').pending).toBe(false);
    // Averages by hand from the county's view.
    const top = ['1', '2', '3', '4', '5', '6', '7'];
    for (const code of top) {
      const v = all.items.map((i: { scores: { code: string; score: number }[] }) => i.scores.find((x) => x.code === code)!.score);
      const avg = Math.round((v.reduce((a: number, b: number) => a + b, 0) / v.length) * 100) / 100;
      expect(mine.averages.find((a: { code: string }) => a.code === code).average, code).toBe(avg);
    }
    expect(mine.averages).toEqual(all.averages);
  });
  it('final: at most floor(10% × 18) = 1 office is 优秀, the rest graded by the thresholds', async () => {
    expect((await admin.post(`/api/assessment/schemes/${id}/open-notice`)).statusCode).toBe(200);
    expect((await admin.post(`/api/assessment/schemes/${id}/finalise`)).statusCode).toBe(200);
    await refused(() => admin.put(`/api/assessment/schemes/${id}/grades`, { excellentShare: 0.5 }), 'ASSESSMENT_GRADES_FINAL');
    const res = (await admin.get(`/api/assessment/schemes/${id}/results`)).json();
    expect(res.final).toBe(true);
    const byRank = [...res.items].sort((a, b) => a.rank - b.rank);
    const excellent = byRank.filter((i) => i.grade === '优秀');
    // The cap is one office: the leader alone is 优秀 (offices tied at the top would all be kept out).
    const topTied = byRank.filter((i) => i.rank === 1).length;
    expect(excellent).toHaveLength(topTied === 1 ? 1 : 0);
    if (topTied === 1) expect(excellent[0].rank).toBe(1);
    for (const i of byRank.filter((x) => x.grade !== '优秀'))
      expect(i.grade).toBe(i.total >= 20 ? '良好' : i.total >= 10 ? '合格' : '不合格');
  });
  it("history: the office's total, rank and grade per year beside the county's mean", async () => {
    const h = (await town1.get('/api/assessment/history')).json();
    expect(h.orgId).toBe(t1);
    const years = h.items.map((i: { year: number }) => i.year);
    expect(years).toEqual([...years].sort());
    expect(years).toEqual(expect.arrayContaining([year - 1, year, year + 5]));
    const last = h.items.find((i: { year: number }) => i.year === year - 1);
    const lastScheme = await schemeOf(year - 1);
    const lastRes = (await admin.get(`/api/assessment/schemes/${lastScheme.id}/results`)).json().items;
    const mineLast = lastRes.find((i: { orgId: string }) => i.orgId === t1);
    expect(last).toEqual(expect.objectContaining({ total: mineLast.total, rank: mineLast.rank, grade: mineLast.grade, offices: 18 }));
    const mean = Math.round((lastRes.reduce((a: number, i: { total: number }) => a + i.total, 0) / lastRes.length) * 100) / 100;
    expect(last.average).toBe(mean);
    const now = h.items.find((i: { year: number }) => i.year === year);
    expect(now.status).toBe('published');
    expect(now.grade).toBeNull();
    // The county names the office; an office may not read another's.
    expect((await admin.get(`/api/assessment/history?orgId=${t1}`)).json()).toEqual(h);
    await refused(() => town1.get(`/api/assessment/history?orgId=${t2}`), 'NOT_FOUND');
    await refused(() => town1.get('/api/assessment/history?orgId=nope'));
  });
});

async function headersOf(username: string): Promise<Record<string, string>> {
  const s = await login(app, username);
  return { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
}
