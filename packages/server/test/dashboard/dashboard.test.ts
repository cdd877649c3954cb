import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedSteps } from '../../src/seed/index.ts';
import { as, testApp } from '../helpers.ts';
import { chinaYear } from '@township-office/domain/dates';
import { cellDrill } from '@township-office/domain/dashboard';

const { app } = await testApp();
const year = chinaYear();
// Online share is the documents module's measurement of its own seeded records.
const documentsSeeded =
  fs.existsSync(new URL('../../src/modules/documents/documents.metrics.ts', import.meta.url)) &&
  seedSteps.some((s) => /document/i.test(s.name));

describe('GET /api/dashboard/county for the demo county', () => {
  it('reproduces the article’s figures from the records', async () => {
    const county = await as(app, 'county.admin');
    const res = await county.get(`/api/dashboard/county?year=${year}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.townships).toBe(18);
    expect(d.leadersInCharge).toEqual({ assigned: 18, familiar: 18 });
    expect(d.filedStaff).toBe(42);
    expect(d.staffPerTownship).toEqual({ min: 2, max: 3, within: 18 });
    expect(d.trainingSessions).toBe(3);
    expect(d.trainedAtLeastOnce.total).toBe(42);
    expect(d.trainedAtLeastOnce.trained).toBe(d.trainedAtLeastOnce.total);
    expect(d.leadersTrained.trained).toBe(18);
    expect(d.rotationsByQuarter).toHaveLength(4);
    for (const n of d.rotationsByQuarter) expect(n === 2 || n === 3).toBe(true);
    expect(d.threeRoomsComplete).toBe(18);
    expect(d.avgOfficeExpenseYuan).toBe(12500);
    expect(d.avgOfficeExpenseYuanPreviousYear).toBeLessThan(12500);
    expect(d.expenseYearOnYear).toBeGreaterThan(0);
    expect(d.townshipsWithAllSixRules).toBe(18);
    expect(d.tenProhibitionsAcknowledged).toBe(18);
    if (documentsSeeded) expect(d.onlineShare).toBeGreaterThan(0.9);
    else expect(d.onlineShare).toBeNull();
  });

  it('shows last year’s rotations and a lower expense average too', async () => {
    const d = (await (await as(app, 'county.clerk')).get(`/api/dashboard/county?year=${year - 1}`)).json();
    for (const n of d.rotationsByQuarter) expect([2, 3]).toContain(n);
    expect(d.avgOfficeExpenseYuan).toBeLessThan(12500);
  });

  it('gives one row per township with a status and a drill-down target in every standard column', async () => {
    const d = (await (await as(app, 'county.admin')).get(`/api/dashboard/county?year=${year}`)).json();
    expect(d.rows).toHaveLength(18);
    const keys = [
      'leader',
      'staff',
      'filings',
      'training',
      'rotation',
      'posts',
      'rooms',
      'equipment',
      'rules',
      'onlineShare',
      'dutyLogs',
      'overdue',
    ];
    for (const row of d.rows) {
      expect(Object.keys(row.cells).sort()).toEqual([...keys].sort());
      for (const k of ['leader', 'staff', 'filings', 'training', 'posts', 'rooms', 'equipment', 'rules'])
        expect(row.cells[k].status, `${row.name} ${k}`).toBe('ok');
      // No address per cell: the page behind it is made from the township, the column and the year.
      expect(Object.keys(row.cells.staff).sort()).toEqual(['status', 'value']);
      expect(cellDrill(row.orgId, 'staff', year)).toBe(`/supervision/townships/${row.orgId}?tab=staff&year=${year}`);
    }
    // A cell's API lists exactly the records it counts.
    const row = d.rows[0];
    const api = d.columns.find((c: { key: string }) => c.key === 'staff').api.replace('{orgId}', row.orgId);
    expect(api).toBe(`/api/personnel/staff?orgId=${row.orgId}`);
    const staff = (await (await as(app, 'county.admin')).get(api)).json();
    expect(`${staff.items.length} 名`).toBe(row.cells.staff.value);
  });

  it('is the county’s: a township clerk gets 403, and sees only its own standing', async () => {
    const clerk = await as(app, 'town02.clerk');
    expect((await clerk.get(`/api/dashboard/county?year=${year}`)).statusCode).toBe(403);
    const me = (await clerk.get('/api/me')).json();
    const own = await clerk.get(`/api/dashboard/townships/${me.org.id}?year=${year}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().township.name).toBe('东坪镇');
    const county = (await (await as(app, 'county.admin')).get(`/api/dashboard/county?year=${year}`)).json();
    const other = county.rows.find((r: { name: string }) => r.name === '西河镇');
    expect((await clerk.get(`/api/dashboard/townships/${other.orgId}?year=${year}`)).statusCode).toBe(404);
  });

  it('returns chart series', async () => {
    const c = (await (await as(app, 'county.admin')).get(`/api/dashboard/county/charts?year=${year}`)).json();
    expect(c.expensesByTownship).toHaveLength(18);
    expect(c.staffStructure.reduce((a: number, r: { n: number }) => a + r.n, 0)).toBe(42);
  });

  it('prints the county overview to PDF and exports it to Excel through the shared register print', async () => {
    const county = await as(app, 'county.admin');
    const pdf = await county.get(`/api/dashboard/county/export?year=${year}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await county.get(`/api/dashboard/county/export?year=${year}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('城关镇');
    expect(text).toContain('清溪经济开发区');
    expect((await (await as(app, 'town01.clerk')).get(`/api/dashboard/county/export?year=${year}&format=pdf`)).statusCode).toBe(403);
  });
});
