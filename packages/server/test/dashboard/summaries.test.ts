/**
 * The dashboard from its per-year summary rows equals the dashboard measured live, on the demo
 * county: before any refresh (every row measured), after the refresh (every row kept), after writes
 * through the API (the writing transaction marked the township; only it is measured again), and
 * after the next refresh.
 */
import { describe, expect, it } from 'vitest';
import { chinaToday, chinaYear } from '@township-office/domain/dates';
import { dashboardRepository } from '../../src/modules/dashboard/dashboard.repository.ts';
import { countyGridOf, liveDashboard, refreshSummaries, summarisedDashboard } from '../../src/modules/dashboard/dashboard.service.ts';
import { as, testApp } from '../helpers.ts';

const { app, database } = await testApp();
const db = database.db;
const year = chinaYear();

async function county() {
  const root = (await database.pool.query(`SELECT id FROM orgs WHERE kind = 'county'`)).rows[0].id as string;
  return dashboardRepository.townshipsOfCounty(db, root);
}

async function compare(y = year) {
  const townships = await county();
  const live = await liveDashboard(db, y, townships);
  const kept = await summarisedDashboard(db, y, townships);
  expect(kept.dashboard).toEqual(live);
  return kept.measured;
}

describe('dashboard summaries', () => {
  it('equal the live figures without rows, after a refresh, after it, after writes and after the next refresh', async () => {
    // The seed refreshed the summaries last: every row is kept.
    expect(await compare()).toBe(0);
    // Without rows, every township is measured; the refresh writes ten years of rows.
    await database.pool.query('DELETE FROM dashboard_summaries');
    expect(await compare()).toBe(18);
    const first = await refreshSummaries(db);
    expect(first.rows).toBe(18 * 10);
    expect(Number((await database.pool.query('SELECT count(*) FROM dashboard_dirty')).rows[0].count)).toBe(0);
    expect(await compare()).toBe(0);
    expect(await compare(year - 1)).toBe(0);

    // A township's clerk changes its equipment; the county office records an expense of another.
    const clerk = await as(app, 'town01.clerk');
    const own = (await clerk.get('/api/me')).json().org.id as string;
    const before = (await clerk.get(`/api/dashboard/townships/${own}?year=${year}`)).json();
    const eq = await clerk.put('/api/environment/equipment', { orgId: own, computers: 0, printers: 0, docSystemAccess: false });
    expect(eq.statusCode, eq.body).toBe(200);
    const marks = (await database.pool.query('SELECT DISTINCT org_id FROM dashboard_dirty')).rows.map((r) => r.org_id);
    expect(marks).toEqual([own]);
    expect(await compare()).toBe(1);
    const after = (await (await as(app, 'county.admin')).get(`/api/dashboard/county?year=${year}`)).json();
    const row = after.rows.find((r: { orgId: string }) => r.orgId === own);
    expect(row.cells.equipment.status).toBe('gap');
    expect(before.row.cells.equipment.status).toBe('ok');

    const second = await refreshSummaries(db);
    expect(second.rows).toBe(10);
    expect(await compare()).toBe(0);
    expect(await compare(year - 1)).toBe(0);
  });

  it('mark every township when a county-wide record changes, and a row of another day is measured again', async () => {
    await refreshSummaries(db);
    expect(await compare()).toBe(0);
    await database.pool.query(`UPDATE rule_documents SET title = title`);
    expect(await compare()).toBe(18);
    await refreshSummaries(db);
    expect(await compare()).toBe(0);
    // Tomorrow every row is of another day: read as stale until the refresh of that day.
    const tomorrow = new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
    const townships = await county();
    expect((await summarisedDashboard(db, year, townships, tomorrow)).measured).toBe(18);
  });

  it('are spliced as stored text into GET /api/dashboard/county, which equals the live computation', async () => {
    await refreshSummaries(db);
    const townships = await county();
    const root = (await database.pool.query(`SELECT id, name FROM orgs WHERE kind = 'county'`)).rows[0] as { id: string; name: string };
    const admin = await as(app, 'county.admin');
    const expectLive = async () => {
      const res = await admin.get(`/api/dashboard/county?year=${year}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ county: { id: root.id, name: root.name }, ...(await liveDashboard(db, year, townships)) });
      return res.body;
    };
    // Every row kept: the cells in the answer are the stored text, character for character.
    expect((await countyGridOf(db, root.id, year)).measured).toBe(0);
    const body = await expectLive();
    const stored = (await database.pool.query(`SELECT cells FROM dashboard_summaries WHERE year = $1`, [year])).rows;
    expect(stored).toHaveLength(18);
    for (const r of stored) expect(body).toContain(`"cells":${r.cells as string}`);
    // One township marked by a write: measured now, spliced beside the kept ones, still equal.
    await database.pool.query(`UPDATE equipment SET computers = computers + 1 WHERE org_id = $1`, [townships[3]!.id]);
    await expectLive();
    expect((await countyGridOf(db, root.id, year)).measured).toBe(1);
    // A county-wide mark: every township measured now, still equal.
    await database.pool.query(`UPDATE rule_documents SET title = title`);
    await expectLive();
    expect((await countyGridOf(db, root.id, year)).measured).toBe(18);
  });

  it('keep a mark written while the refresh measures for the next refresh', async () => {
    await refreshSummaries(db);
    const marks = await dashboardRepository.readMarks(db);
    expect(marks.marks).toEqual([]);
    // A write lands after the refresh has read the marks: its mark is not among those removed.
    const town = (await county())[2]!;
    await database.pool.query(`UPDATE equipment SET printers = printers + 1 WHERE org_id = $1`, [town.id]);
    await dashboardRepository.removeMarks(
      db,
      marks.marks.map((m) => m.id),
    );
    expect(await compare()).toBe(1);
  });
});
