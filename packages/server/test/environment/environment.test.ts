import { describe, expect, it } from 'vitest';
import { as, tableDigest, testApp } from '../helpers.ts';
import { chinaYear } from '@township-office/domain/dates';

const { app, database } = await testApp();
const year = chinaYear();
const orgIdOf = async (code: string): Promise<string> =>
  (await database.pool.query('SELECT id FROM orgs WHERE code = $1', [code])).rows[0].id;

describe('funding', () => {
  it('gives the average per township and the year-on-year change', async () => {
    const s = (await (await as(app, 'county.admin')).get(`/api/environment/expenses?year=${year}`)).json();
    expect(s.townships).toHaveLength(18);
    expect(s.average).toBe(12500);
    expect(s.previousAverage).toBeLessThan(12500);
    expect(s.yearOnYear).toBeGreaterThan(0);
  });

  it('refuses negative expenses and another township’s record, writing nothing', async () => {
    const clerk = await as(app, 'town03.clerk');
    const own = await orgIdOf('T03');
    const before = await tableDigest(database);
    const neg = await clerk.put('/api/environment/expenses', { orgId: own, year, category: 'telephone', amountYuan: -5 });
    expect(neg.statusCode).toBe(400);
    const other = await clerk.put('/api/environment/expenses', { orgId: await orgIdOf('T04'), year, category: 'telephone', amountYuan: 5 });
    expect(other.statusCode).toBe(404);
    expect(await tableDigest(database)).toBe(before);
    const ok = await clerk.put('/api/environment/expenses', { orgId: own, year, category: 'other', amountYuan: 321.5 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().amountYuan).toBe(321.5);
  });
});

describe('rooms, equipment, rules, posts', () => {
  it('turns a missing room into a gap on the township page, saying what to do', async () => {
    const clerk = await as(app, 'town06.clerk');
    const orgId = await orgIdOf('T06');
    expect((await clerk.put('/api/environment/rooms', { orgId, kind: 'archive', status: 'built', areaM2: null })).statusCode).toBe(400);
    const res = await clerk.put('/api/environment/rooms', { orgId, kind: 'archive', status: 'missing', areaM2: null });
    expect(res.statusCode, res.body).toBe(200);
    const page = (await clerk.get(`/api/dashboard/townships/${orgId}?year=${year}`)).json();
    const gap = page.gaps.find((g: { column: string }) => g.column === 'rooms');
    expect(gap.value).toBe('2/3');
    expect(gap.advice).toContain('档案室');
  });

  it('lists six rules per township and lets a township adopt a new version of one', async () => {
    const clerk = await as(app, 'town02.clerk');
    const orgId = await orgIdOf('T02');
    expect((await clerk.get('/api/environment/rules')).json().items).toHaveLength(6);
    const res = await clerk.post('/api/environment/rules', {
      orgId,
      kind: 'duty',
      title: '东坪镇党政办公室值班制度（修订）',
      body: '第一条 实行24小时值班和领导带班制度。',
      adoptedOn: `${year}-05-01`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const rules = (await clerk.get('/api/environment/rules')).json().items;
    expect(rules).toHaveLength(6);
    expect(rules.find((r: { kind: string }) => r.kind === 'duty').title).toContain('修订');
  });

  it('assigns a post only to a filed staff member of the same township', async () => {
    const clerk = await as(app, 'town02.clerk');
    const orgId = await orgIdOf('T02');
    const foreign = (await (await as(app, 'county.admin')).get(`/api/personnel/staff?orgId=${await orgIdOf('T05')}`)).json().items[0];
    const before = await tableDigest(database);
    const res = await clerk.post('/api/environment/posts', { orgId, post: 'archives', staffId: foreign.id, since: `${year}-01-01` });
    expect(res.statusCode).toBe(422);
    expect(await tableDigest(database)).toBe(before);
  });

  it('refuses equipment with negative counts', async () => {
    const clerk = await as(app, 'town02.clerk');
    expect(
      (await clerk.put('/api/environment/equipment', { orgId: await orgIdOf('T02'), computers: -1, printers: 1, docSystemAccess: true }))
        .statusCode,
    ).toBe(400);
  });
});
