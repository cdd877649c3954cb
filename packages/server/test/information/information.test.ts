import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { infoPointsByOrg } from '../../src/modules/information/information.metrics.ts';
import { as, tableDigest, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const month = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date()));

const town = await as(app, 'town05.clerk');
const town2 = await as(app, 'town06.clerk');
const county = await as(app, 'county.clerk');
const admin = await as(app, 'county.admin');

async function submit(c = town, title = '东坪镇开展防汛演练') {
  const res = await c.post('/api/info/items', {
    title,
    content: '今日上午，镇防汛指挥部组织开展防汛应急演练，参演人员120余人。',
    kind: 'news',
    urgency: 'none',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orgId: string; status: string; allowedActions: string[] };
}

describe('submission and review', () => {
  it('a township submits; the county adopts at two levels and points add up', async () => {
    const item = await submit();
    expect(item.status).toBe('submitted');
    expect(item.allowedActions).toContain('withdraw');
    const res = await county.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_bulletin', 'city_bulletin'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'adopted', points: 25 });
    const more = await county.post(`/api/info/items/${item.id}/adoptions`, { level: 'city_special' });
    expect(more.json().points).toBe(75);
    const own = await town.get(`/api/info/items/${item.id}`);
    expect(
      own
        .json()
        .adoptions.map((a: { level: string }) => a.level)
        .sort(),
    ).toEqual(['city_bulletin', 'city_special', 'county_bulletin']);
  });

  it('refuses adopting twice at the same level with 409, nothing written', async () => {
    const item = await submit();
    await county.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] });
    const before = await tableDigest(database);
    const res = await county.post(`/api/info/items/${item.id}/adoptions`, { level: 'county_bulletin' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INFO_ALREADY_ADOPTED_AT_LEVEL');
    expect(res.json().error.message).toContain('县委信息刊物采用');
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses points for a non-adopted item with 409, nothing written', async () => {
    const item = await submit();
    const rej = await county.post(`/api/info/items/${item.id}/review`, { decision: 'reject', note: '内容较为常规，暂不采用。' });
    expect(rej.json()).toMatchObject({ status: 'not_adopted', points: 0 });
    const before = await tableDigest(database);
    const res = await county.post(`/api/info/items/${item.id}/adoptions`, { level: 'county_bulletin' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INFO_NOT_ADOPTED');
    const again = await county.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] });
    expect(again.statusCode).toBe(409);
    expect(await tableDigest(database)).toBe(before);
  });

  it('the database itself refuses an adoption row for an item that is not adopted', async () => {
    const item = await submit();
    const user = (await database.pool.query("SELECT id FROM users WHERE username = 'county.clerk'")).rows[0].id;
    await expect(
      database.pool.query('INSERT INTO info_adoptions (org_id, item_id, level, points, adopted_by) VALUES ($1, $2, $3, 5, $4)', [
        item.orgId,
        item.id,
        'county_bulletin',
        user,
      ]),
    ).rejects.toThrow(/not adopted/);
  });

  it("hides another township's item (404) and keeps lists to the own org", async () => {
    const item = await submit();
    expect((await town2.get(`/api/info/items/${item.id}`)).statusCode).toBe(404);
    const list = await town2.get('/api/info/items?pageSize=200');
    expect(list.json().items.every((i: { orgId: string }) => i.orgId !== item.orgId)).toBe(true);
    expect((await county.get(`/api/info/items/${item.id}`)).statusCode).toBe(200);
  });

  it('gates by role: a township cannot review, the county cannot submit', async () => {
    const item = await submit();
    expect((await town.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] })).statusCode).toBe(403);
    expect(
      (await county.post('/api/info/items', { title: '某某信息', content: '内容内容内容内容内容内容', kind: 'news' })).statusCode,
    ).toBe(403);
  });

  it('withdraws only while awaiting review', async () => {
    const item = await submit();
    expect((await town.post(`/api/info/items/${item.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await town.post(`/api/info/items/${item.id}/withdraw`)).statusCode).toBe(409);
    expect((await county.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] })).statusCode).toBe(
      409,
    );
  });
});

describe('ranking, point table and metric', () => {
  it('moves a township up when its item is adopted, and shows a township only its own row', async () => {
    const before = (await county.get(`/api/info/ranking?year=${year}&month=${month}`)).json();
    const mine = (await town2.get(`/api/info/ranking?year=${year}&month=${month}`)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.of).toBe(18);
    const orgId = mine.mine.orgId;
    const rowBefore = before.items.find((r: { orgId: string }) => r.orgId === orgId);
    const pointsBefore = rowBefore.points;
    const item = await submit(town2, '西河镇创新开展网格化治理');
    await county.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_instruction', 'city_instruction'] });
    const after = (await county.get(`/api/info/ranking?year=${year}&month=${month}`)).json();
    const row = after.items.find((r: { orgId: string }) => r.orgId === orgId);
    // adoption points move by exactly the table's figures; the extra item may also meet the month's quota
    expect(row.adoptionPoints).toBe(rowBefore.adoptionPoints + 110);
    expect(row.points).toBeGreaterThanOrEqual(pointsBefore + 110);
    // Unranked before (no points: no place), ranked after; or higher than it was.
    if (rowBefore.rank === null) expect(row.rank).toBeGreaterThanOrEqual(1);
    else expect(row.rank).toBeLessThan(rowBefore.rank === 1 ? 2 : rowBefore.rank);
    const metric = await infoPointsByOrg(database.db, year);
    expect(metric.find((m) => m.orgId === orgId)!.points).toBeGreaterThanOrEqual(110);
    expect(metric).toHaveLength(18);
  });

  it('a configured point table applies to later adoptions only', async () => {
    const cfg = (await admin.get(`/api/info/config/${year}`)).json();
    expect(cfg.points.county_bulletin).toBe(5);
    const put = await admin.put(`/api/info/config/${year}`, { ...cfg, year: undefined, points: { ...cfg.points, county_bulletin: 7 } });
    expect(put.statusCode, put.body).toBe(200);
    const item = await submit();
    const res = await county.post(`/api/info/items/${item.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] });
    expect(res.json().points).toBe(7);
    expect((await county.put(`/api/info/config/${year}`, { ...cfg, year: undefined })).statusCode).toBe(403);
  });

  it('has a year of demo submissions with adoptions', async () => {
    const r = (await county.get(`/api/info/ranking?year=${year - 1}`)).json();
    expect(r.items).toHaveLength(18);
    expect(r.items.every((x: { items: number; adopted: number }) => x.items >= 60 && x.adopted > 10)).toBe(true);
  });
});

describe('bulletins', () => {
  it('compiles adopted items into an issue numbered per year and prints it', async () => {
    const a = await submit();
    const b = await submit(town2);
    for (const it of [a, b]) await county.post(`/api/info/items/${it.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] });
    const res = await county.post('/api/info/bulletins', { itemIds: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(201);
    const bulletin = res.json();
    expect(bulletin.numberText).toMatch(new RegExp(`^${year}年第\\d+期$`));
    const list = (await county.get(`/api/info/bulletins?year=${year}`)).json().items;
    const numbers = list.map((x: { number: number }) => x.number).sort((x: number, y: number) => x - y);
    expect(numbers).toEqual(numbers.map((_: number, i: number) => i + 1));
    const pdf = await county.get(`/api/info/bulletins/${bulletin.id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // the same item cannot appear in a second issue
    const before = await tableDigest(database);
    const again = await county.post('/api/info/bulletins', { itemIds: [a.id] });
    expect(again.statusCode).toBe(409);
    expect(await tableDigest(database)).toBe(before);
  });

  it('dispatches a bulletin through the documents flow as a draft notice, once', async () => {
    const a = await submit();
    await county.post(`/api/info/items/${a.id}/review`, { decision: 'adopt', levels: ['county_bulletin'] });
    const b = (await county.post('/api/info/bulletins', { itemIds: [a.id] })).json();
    const orgs = (await county.get('/api/orgs'))
      .json()
      .items.filter((o: { kind: string }) => o.kind === 'township')
      .map((o: { id: string }) => o.id);
    const res = await county.post(`/api/info/bulletins/${b.id}/dispatch`, { recipientOrgIds: orgs });
    expect(res.statusCode, res.body).toBe(200);
    const docId = res.json().documentId;
    const doc = await county.get(`/api/documents/${docId}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.json()).toMatchObject({ status: 'draft', title: b.title });
    expect((await county.post(`/api/info/bulletins/${b.id}/dispatch`, { recipientOrgIds: orgs })).statusCode).toBe(409);
  });

  it('refuses a non-adopted item in a bulletin', async () => {
    const a = await submit();
    const before = await tableDigest(database);
    const res = await county.post('/api/info/bulletins', { itemIds: [a.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INFO_BULLETIN_ITEM_NOT_ADOPTED');
    expect(await tableDigest(database)).toBe(before);
  });
});

describe('research', () => {
  it('topic, report, evaluation; no second report, no second grade', async () => {
    const topic = await county.post('/api/research/topics', {
      title: '乡镇信息报送工作调研',
      description: '',
      deadline: `${year + 1}-01-31`,
    });
    expect(topic.statusCode, topic.body).toBe(201);
    const rep = await town.post(`/api/research/topics/${topic.json().id}/reports`, {
      title: '关于信息报送工作的调研报告',
      content: '一、基本情况。二、存在问题。三、对策建议。',
    });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(
      (await town.post(`/api/research/topics/${topic.json().id}/reports`, { title: '再报一次', content: '一、基本情况。二、存在问题。' }))
        .statusCode,
    ).toBe(409);
    expect((await town2.get(`/api/research/reports/${rep.json().id}`)).statusCode).toBe(404);
    const ev = await county.post(`/api/research/reports/${rep.json().id}/evaluate`, { grade: 'good', comment: '分析较为深入。' });
    expect(ev.json()).toMatchObject({ grade: 'good', allowedActions: [] });
    expect(
      (await county.post(`/api/research/reports/${rep.json().id}/evaluate`, { grade: 'excellent', comment: '再评一次。' })).statusCode,
    ).toBe(409);
  });

  it('refuses a report after the deadline', async () => {
    const topic = await county.post('/api/research/topics', { title: '过期课题', deadline: `${year - 1}-01-31` });
    const res = await town.post(`/api/research/topics/${topic.json().id}/reports`, {
      title: '迟交的报告',
      content: '一、基本情况。二、存在问题。',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RESEARCH_TOPIC_CLOSED');
  });
});

describe('bad payloads', () => {
  it('never answers 5xx and changes no row', async () => {
    const item = await submit();
    const before = await tableDigest(database);
    const junk = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.dictionary(
        fc.constantFrom(
          'title',
          'content',
          'kind',
          'urgency',
          'decision',
          'levels',
          'level',
          'note',
          'itemIds',
          'grade',
          'comment',
          'deadline',
          'points',
          'x',
        ),
        fc.anything(),
      ),
      fc.record({
        decision: fc.constantFrom('adopt', 'reject', 'x'),
        levels: fc.array(fc.string(), { maxLength: 3 }),
        note: fc.oneof(fc.string({ maxLength: 1 }), fc.integer()),
      }),
    );
    const targets = [
      (b: unknown) => town.post('/api/info/items', b),
      (b: unknown) => county.post(`/api/info/items/${item.id}/review`, b),
      (b: unknown) => county.post(`/api/info/items/${item.id}/adoptions`, b),
      (b: unknown) => county.post('/api/info/bulletins', b),
      (b: unknown) => admin.put(`/api/info/config/${year}`, b),
      (b: unknown) => county.post('/api/research/topics', b),
      (b: unknown) => county.post('/api/research/reports/00000000-0000-0000-0000-000000000000/evaluate', b),
      (b: unknown) => county.post('/api/info/items/not-a-uuid/review', b),
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), junk, async (t, body) => {
        const res = await targets[t]!(body === undefined ? {} : body);
        if (res.statusCode >= 500 || res.statusCode < 400) throw new Error(`target ${t} answered ${res.statusCode}: ${res.body}`);
      }),
      { numRuns: 150 },
    );
    const q = await county.get('/api/info/items?year=abc&month=13');
    expect(q.statusCode).toBe(400);
    expect(await tableDigest(database)).toBe(before);
  });
});
