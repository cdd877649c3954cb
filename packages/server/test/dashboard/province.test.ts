/**
 * The province view (issue 14): the demo province above the demo county and a second county of two
 * townships; a third county outside the province. Province roles see their counties, drill into a
 * county's grid and a township's standing; county users see neither the province view nor
 * another county; nobody sees a county outside their province.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import { systemContext } from '../../src/platform/context.ts';
import { seedDemoProvince } from '../../src/seed/demo-province.ts';
import { refreshSummaries } from '../../src/modules/dashboard/dashboard.service.ts';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const year = chinaYear();
const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
let qx: string;
let second: string;
let outside: string;
let outsideTownship: string;

beforeAll(async () => {
  qx = (await q(`SELECT id FROM orgs WHERE code = 'QX'`)).rows[0].id;
  const actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system:test',
    displayName: 'test',
    role: 'system_admin' as const,
    orgId: qx,
  };
  const province = await seedDemoProvince(database.db, systemContext(actor, 'test'));
  second = (
    await q(`INSERT INTO orgs (parent_id, kind, name, code, sort_order) VALUES ($1, 'county', '白石县', 'BSX', 1) RETURNING id`, [
      province.id,
    ])
  ).rows[0].id;
  await q(
    `INSERT INTO orgs (parent_id, kind, name, code, sort_order) VALUES ($1, 'township', '白石镇', 'BS01', 1), ($1, 'township', '石桥乡', 'BS02', 2)`,
    [second],
  );
  outside = (await q(`INSERT INTO orgs (kind, name, code, sort_order) VALUES ('county', '远山县', 'YSX', 9) RETURNING id`)).rows[0].id;
  outsideTownship = (
    await q(`INSERT INTO orgs (parent_id, kind, name, code, sort_order) VALUES ($1, 'township', '远山镇', 'YS01', 1) RETURNING id`, [
      outside,
    ])
  ).rows[0].id;
});

describe('GET /api/dashboard/province', () => {
  it('groups the province’s counties, each the totals of its own county grid', async () => {
    for (const user of ['province.admin', 'province.viewer']) {
      const p = await as(app, user);
      const res = await p.get(`/api/dashboard/province?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.province.name).toBe('青原省');
      expect(d.counties.map((c: { name: string }) => c.name)).toEqual(['清溪县', '白石县']);
      const grid = (await p.get(`/api/dashboard/county?year=${year}&countyId=${qx}`)).json();
      expect(grid.county).toEqual({ id: qx, name: '清溪县' });
      const line = d.counties[0];
      expect(line.townships).toBe(18);
      expect(grid.rows).toHaveLength(18);
      expect(line.allMet).toBe(grid.rows.filter((r: { gaps: number }) => r.gaps === 0).length);
      expect(line.gaps).toBe(grid.rows.reduce((a: number, r: { gaps: number }) => a + r.gaps, 0));
      for (const col of Object.keys(line.standards))
        expect(line.standards[col], col).toBe(
          grid.rows.filter((r: { cells: Record<string, { status: string }> }) => r.cells[col]!.status === 'ok').length,
        );
      expect(line.standards.rooms).toBe(18);
      // The new county has no records yet: two townships, every one with gaps.
      expect(d.counties[1]).toMatchObject({ id: second, townships: 2, allMet: 0 });
    }
  });

  it('reads the summary rows: after a refresh nothing is measured, and the figures do not change', async () => {
    const p = await as(app, 'province.admin');
    const before = (await p.get(`/api/dashboard/province?year=${year}`)).json();
    await refreshSummaries(database.db);
    const after = (await p.get(`/api/dashboard/province?year=${year}`)).json();
    expect(after.measuredNow).toBe(0);
    expect({ ...after, measuredNow: 0 }).toEqual({ ...before, measuredNow: 0 });
    // A write marks one township: it alone is measured, and its county's line follows it.
    const t01 = (await q(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id;
    await q(`UPDATE equipment SET doc_system_access = false WHERE org_id = $1`, [t01]);
    const marked = (await p.get(`/api/dashboard/province?year=${year}`)).json();
    expect(marked.measuredNow).toBe(1);
    expect(marked.counties[0].standards.equipment).toBe(after.counties[0].standards.equipment - 1);
    const grid = (await p.get(`/api/dashboard/county?year=${year}&countyId=${qx}`)).json();
    expect(marked.counties[0].allMet).toBe(grid.rows.filter((r: { gaps: number }) => r.gaps === 0).length);
    expect(marked.counties[0].gaps).toBe(grid.rows.reduce((a: number, r: { gaps: number }) => a + r.gaps, 0));
  });

  it('drills into a county and a township of the province, and no further', async () => {
    const p = await as(app, 'province.admin');
    const noCounty = await p.get(`/api/dashboard/county?year=${year}`, { 'accept-language': 'en' });
    expect(noCounty.statusCode).toBe(400);
    expect(noCounty.json().error.code).toBe('DASHBOARD_COUNTY_REQUIRED');
    expect(noCounty.json().error.message).toContain('Choose a county');
    const grid = (await p.get(`/api/dashboard/county?year=${year}&countyId=${second}`)).json();
    expect(grid.rows.map((r: { name: string }) => r.name)).toEqual(['白石镇', '石桥乡']);
    const town = grid.rows[0].orgId;
    const standing = await p.get(`/api/dashboard/townships/${town}?year=${year}`);
    expect(standing.statusCode, standing.body).toBe(200);
    expect(standing.json().township.name).toBe('白石镇');
    const qxTown = (await q(`SELECT id FROM orgs WHERE code = 'T02'`)).rows[0].id;
    expect((await p.get(`/api/dashboard/townships/${qxTown}?year=${year}`)).json().township.name).toBe('东坪镇');
    // A county or township outside the province: 404, as any other org's record.
    expect((await p.get(`/api/dashboard/county?year=${year}&countyId=${outside}`)).statusCode).toBe(404);
    expect((await p.get(`/api/dashboard/townships/${outsideTownship}?year=${year}`)).statusCode).toBe(404);
    expect((await p.get(`/api/dashboard/county/charts?year=${year}&countyId=${second}`)).statusCode).toBe(200);
    // The province roles read no county's business records.
    for (const url of ['/api/documents', '/api/personnel/staff', '/api/search?q=通知', '/api/workbench'])
      expect((await p.get(url)).statusCode, url).toBe(403);
  });

  it('is not the county’s: county users get 403 for it and 404 for another county', async () => {
    for (const user of ['county.admin', 'county.clerk', 'county.leader']) {
      const c = await as(app, user);
      expect((await c.get(`/api/dashboard/province?year=${year}`)).statusCode, user).toBe(403);
      const own = (await c.get(`/api/dashboard/county?year=${year}`)).json();
      expect(own.county.name).toBe('清溪县');
      expect(own.rows).toHaveLength(18);
      expect((await c.get(`/api/dashboard/county?year=${year}&countyId=${qx}`)).statusCode).toBe(200);
      expect((await c.get(`/api/dashboard/county?year=${year}&countyId=${second}`)).statusCode).toBe(404);
      const other = (await q(`SELECT id FROM orgs WHERE code = 'BS01'`)).rows[0].id;
      expect((await c.get(`/api/dashboard/townships/${other}?year=${year}`)).statusCode).toBe(404);
    }
    expect((await (await as(app, 'town01.clerk')).get(`/api/dashboard/province?year=${year}`)).statusCode).toBe(403);
  });
});
