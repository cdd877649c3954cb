/** The results export: Excel and A4 landscape PDF read back, the same figures as the JSON; an office's file holds only its own row. */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@township-office/domain/dates';
import { as, testApp } from '../helpers.ts';
import { readPdf } from '../print/pdf-reader.ts';
import type { App } from '../../src/platform/app-types.ts';

let app: App;
type Client = Awaited<ReturnType<typeof as>>;
let admin: Client, town1: Client;
let id = '';
let results: { orgName: string; total: number; rank: number; grade: string }[] = [];

beforeAll(async () => {
  ({ app } = await testApp());
  [admin, town1] = await Promise.all([as(app, 'county.admin'), as(app, 'town01.clerk')]);
  const list = (await admin.get(`/api/assessment/schemes?year=${chinaYear() - 1}`)).json();
  id = list.items.find((i: { targetKind: string }) => i.targetKind === 'township').id;
  results = (await admin.get(`/api/assessment/schemes/${id}/results`)).json().items;
});

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('results export', () => {
  it('Excel: a header with the indicators and one row per township, totals and grades as in the JSON', async () => {
    const r = await admin.get(`/api/assessment/schemes/${id}/results/export?format=xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(r.rawPayload);
    const header = rows.findIndex((row) => row.includes('名次') && row.includes('总分'));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(rows[header]).toContain('分管负责人重视办公室工作情况（5）');
    const body = rows.slice(header + 1).filter((row) => results.some((x) => row.includes(x.orgName)));
    expect(body).toHaveLength(18);
    for (const x of results) {
      const row = body.find((b) => b.includes(x.orgName))!;
      expect(row).toContain(String(x.total));
      expect(row).toContain(x.grade);
      expect(row[0]).toBe(String(x.rank));
    }
  });

  it('PDF: A4 landscape with every township and its total', async () => {
    const r = await admin.get(`/api/assessment/schemes/${id}/results/export?format=pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('pdf');
    const pages = await readPdf(r.rawPayload);
    expect(pages[0]!.width).toBeCloseTo(841.89, 1);
    expect(pages[0]!.height).toBeCloseTo(595.28, 1);
    const text = pages.flatMap((p) => p.items.map((i) => i.str)).join('|');
    expect(text).toContain('考评结果');
    for (const x of results) {
      expect(text).toContain(x.orgName);
      expect(text).toContain(String(x.total));
    }
  });

  it("an office's file holds only its own row", async () => {
    const r = await town1.get(`/api/assessment/schemes/${id}/results/export?format=xlsx`);
    expect(r.statusCode).toBe(200);
    const rows = await sheetOf(r.rawPayload);
    const named = results.filter((x) => rows.some((row) => row.includes(x.orgName)));
    expect(named).toHaveLength(1);
  });

  it('an unknown format is a 400', async () => {
    expect((await admin.get(`/api/assessment/schemes/${id}/results/export?format=doc`)).statusCode).toBe(400);
  });
});
