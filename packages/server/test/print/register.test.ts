/** The one register mechanism, read back: 120 rows to PDF (pdfjs) and Excel (exceljs), and the download headers. */
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterSpec } from '@township-office/domain/print';
import { renderRegister, sendRegister, exportFormatSchema, filterSummary } from '../../src/platform/print/register.ts';
import { contentDisposition } from '../../src/platform/print/send.ts';
import { readPdf, type ReadPage } from './pdf-reader.ts';
import { testDatabase } from '../helpers.ts';

const rows = Array.from({ length: 120 }, (_, i) => ({
  number: `清委办发〔2026〕${i + 1}号`,
  title: `关于做好第${i + 1}批乡镇办公室规范化建设检查工作的通知${i % 10 === 0 ? '（标题较长，在登记本的单元格内需要自动换行显示，不能被截断）' : ''}`,
  type: '通知',
  writtenAt: new Date(Date.UTC(2026, 0, 1 + i, 2)),
  copies: (i % 5) + 1,
  note: i % 7 === 0 ? null : '网上',
}));

const spec: RegisterSpec = {
  title: '发文登记本',
  orgName: '中共清溪县委办公室',
  filterSummary: filterSummary([
    ['年度', 2026],
    ['密级', '全部'],
    ['渠道', null],
  ]),
  columns: [
    { key: 'number', header: '发文字号', width: 3 },
    { key: 'title', header: '标题', width: 8 },
    { key: 'type', header: '文种', width: 1.2, align: 'center' },
    { key: 'writtenAt', header: '成文日期', width: 2, align: 'center' },
    { key: 'copies', header: '份数', width: 1, align: 'right' },
    { key: 'note', header: '备注', width: 2 },
  ],
  rows,
  footer: '合计 120 件',
  printedAt: new Date('2026-03-01T01:00:00Z'),
};

describe('register PDF', () => {
  let pages: ReadPage[];
  let size: number;
  beforeAll(async () => {
    const buf = await renderRegister(spec, 'pdf');
    size = buf.length;
    pages = await readPdf(buf);
  });

  it('prints A4 landscape pages of tens of KB', () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(841.89, 1);
      expect(p.height).toBeCloseTo(595.28, 1);
    }
    expect(size / pages.length).toBeLessThan(40_000);
  });

  it('repeats title, org line and header row on every page, numbered 第 n 页 共 N 页', () => {
    pages.forEach((p, i) => {
      const texts = p.items.map((t) => t.str);
      expect(texts).toContain('发文登记本');
      expect(texts).toContain('单位：中共清溪县委办公室');
      expect(texts).toContain('年度：2026 · 密级：全部');
      expect(texts).toContain('打印日期：2026-03-01');
      for (const h of ['发文字号', '标题', '文种', '成文日期', '份数', '备注']) expect(texts).toContain(h);
      expect(texts).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
  });

  it('prints every row exactly once, dates as YYYY-MM-DD, wrapped titles whole', () => {
    const all = pages.flatMap((p) => p.items.map((t) => t.str));
    for (let i = 1; i <= 120; i++) expect(all.filter((t) => t === `清委办发〔2026〕${i}号`)).toHaveLength(1);
    expect(all).toContain('2026-01-01');
    expect(all).toContain('2026-04-30');
    // A wrapped title comes back as consecutive lines that join to the whole title.
    const joined = pages.map((p) => p.items.map((t) => t.str).join('')).join('');
    expect(joined).toContain(rows[0]!.title);
    expect(all[all.length - 1] === '合计 120 件' || all.includes('合计 120 件')).toBe(true);
  });
});

describe('register PDF dates', () => {
  it('keeps a date on one line even in a narrow column (issue 12: "2026-12-0 / 2")', async () => {
    const narrow: RegisterSpec = {
      ...spec,
      columns: [
        { key: 'number', header: '发文字号', width: 3 },
        { key: 'title', header: '标题', width: 30 },
        { key: 'writtenAt', header: '成文日期', width: 1 },
        { key: 'note', header: '备注', width: 1 },
      ],
      rows: rows.slice(0, 10).map((r) => ({ ...r, writtenAt: `2026-12-${String(10 + (r.copies ?? 0)).padStart(2, '0')}` })),
    };
    const read = await readPdf(await renderRegister(narrow, 'pdf'));
    const texts = read.flatMap((p) => p.items.map((t) => t.str));
    for (const r of narrow.rows) expect(texts).toContain(r.writtenAt as string);
    expect(texts.some((t) => /^2026-12-\d$/.test(t))).toBe(false);
  });
});

describe('register Excel', () => {
  it('writes one sheet: merged title, bold bordered header, frozen, every row, dates as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderRegister(spec, 'xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('发文登记本');
    expect(ws.getCell('A1').value).toBe('发文登记本');
    expect(ws.getCell('F1').isMerged).toBe(true);
    expect(ws.getCell('A3').value).toBe('发文字号');
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('B3').border?.bottom?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(2).width! > ws.getColumn(3).width!).toBe(true);
    for (let i = 0; i < 120; i++) expect(ws.getCell(4 + i, 1).value).toBe(`清委办发〔2026〕${i + 1}号`);
    expect(ws.getCell('D4').value).toBe('2026-01-01');
    expect(ws.getCell('E4').value).toBe(1);
    expect(ws.getCell('F4').value).toBe('');
    expect(ws.getCell(124, 1).value).toBe('合计 120 件');
    expect(ws.pageSetup.orientation).toBe('landscape');
  });
});

describe('sending a register', () => {
  it('answers with the content type and the Chinese file name plus an ASCII fallback, and audits each export', async () => {
    // sendRegister audits every export through the app's database (app.ts decorates it).
    const database = await testDatabase('bare');
    const app = Fastify();
    app.decorate('db', database.db);
    app.get('/r', async (req, reply) => {
      const { format } = exportFormatSchema.parse(req.query);
      if (format === 'json') return { items: spec.rows.length };
      return sendRegister(reply, { ...spec, rows: spec.rows.slice(0, 3) }, format, '发文登记本-2026');
    });
    const xlsx = await app.inject({ url: '/r?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="download_2026.xlsx"; filename*=UTF-8''${encodeURIComponent('发文登记本-2026.xlsx')}`,
    );
    const pdf = await app.inject({ url: '/r?format=pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.inject({ url: '/r' })).json()).toEqual({ items: 120 });
    expect(() => exportFormatSchema.parse({ format: 'csv' })).toThrow();
    const audited = await database.pool.query<{ file: string; rows: number }>(
      "SELECT after->>'file' AS file, (after->>'rows')::int AS rows FROM audit_log WHERE action = 'register.export' ORDER BY id",
    );
    expect(audited.rows).toEqual([
      { file: '发文登记本-2026.xlsx', rows: 3 },
      { file: '发文登记本-2026.pdf', rows: 3 },
    ]);
    await app.close();
  });

  it('keeps header-breaking characters out of the file name', () => {
    expect(contentDisposition('a"b\r\nc.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a_b__c.pdf`);
    expect(contentDisposition("收文(1)'s.pdf", 'inline')).toContain(`filename*=UTF-8''%E6%94%B6%E6%96%87%281%29%27s.pdf`);
  });
});
