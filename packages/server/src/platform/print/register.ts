/**
 * The one register export/print mechanism: every register (发文/收文登记本, 会议记录本, 值班日志,
 * 接待, 信访, 档案, 督办) hands a RegisterSpec to `renderRegister` / `sendRegister` and gets the
 * same A4 landscape PDF and the same Excel sheet. A register route looks like:
 *
 *   querystring: myFilterSchema.extend(exportFormatSchema.shape).strict()
 *   const { format, ...filter } = req.query;
 *   if (format === 'json') return presentPage(await listX(db, req.ctx, filter));
 *   return sendRegister(reply, await registerSpecX(db, req.ctx, filter), format, '发文登记本');
 */
import { loadExcel } from '../excel.ts';
import type { FastifyReply } from 'fastify';
import { isoDate } from '@township-office/domain/dates';
import type { RegisterCell, RegisterColumn, RegisterFileFormat, RegisterSpec } from '@township-office/domain/print';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../audit.ts';
import type { FontConfig } from './fonts.ts';
import { charWidth, MM, newPdf, pdfBuffer, textWidth, wrapText, type Pdf } from './pdf.ts';
import { MIME, sendFile } from './send.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database, for platform code that has only the reply at hand (the export audit); set in app.ts. */
    db: Db;
  }
}

export {
  exportFormatSchema,
  MAX_EXPORT_ROWS,
  type ExportFormat,
  type RegisterSpec,
  type RegisterColumn,
} from '@township-office/domain/print';

/** How a cell prints: Date as YYYY-MM-DD (China time), numbers as written, null as empty. */
export function cellText(value: RegisterCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

/** "年度：2026 · 密级：全部": the filter line from label/value pairs, skipping empty values. */
export function filterSummary(parts: [label: string, value: string | number | null | undefined][]): string {
  return parts
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([l, v]) => `${l}：${v}`)
    .join(' · ');
}

/** Renders a register as an A4 landscape PDF or a one-sheet Excel workbook. */
export async function renderRegister(spec: RegisterSpec, format: RegisterFileFormat, fonts?: FontConfig): Promise<Buffer> {
  if (spec.columns.length === 0) throw new Error('a register needs at least one column');
  return format === 'pdf' ? registerPdf(spec, fonts) : registerXlsx(spec);
}

/**
 * Renders and sends a register with Content-Type and a Chinese file name
 * (`fileBaseName` without extension, e.g. 发文登记本-2026; the extension follows the format).
 */
export async function sendRegister(
  reply: FastifyReply,
  spec: RegisterSpec,
  format: RegisterFileFormat,
  fileBaseName: string,
  fonts?: FontConfig,
) {
  const body = await renderRegister(spec, format, fonts);
  await auditRegisterExport(reply, spec, format, fileBaseName);
  return sendFile(reply, body, `${fileBaseName}.${format}`, MIME[format]);
}

/**
 * Every register export is audited here, once for all registers: who, which register, the filters
 * printed on it and the row count (registers carry personal data: petitioners, visitors, staff).
 * Written after rendering and before sending, so a file never leaves without its audit row.
 */
async function auditRegisterExport(reply: FastifyReply, spec: RegisterSpec, format: RegisterFileFormat, fileBaseName: string) {
  const req = reply.request;
  const ctx = req.ctx ?? { actor: null, ip: req.ip };
  await reply.server.db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'register.export',
      entity: 'register',
      entityId: spec.title,
      after: {
        register: spec.title,
        file: `${fileBaseName}.${format}`,
        format,
        orgName: spec.orgName,
        filters: spec.filterSummary ?? '',
        rows: spec.rows.length,
      },
    }),
  );
}

// ---- PDF ----------------------------------------------------------------------------------

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { x: 15 * MM, top: 14 * MM, bottom: 16 * MM };
const CELL = { size: 9, header: 9.5, pad: 3, leading: 1.4 };

function columnWidths(columns: RegisterColumn[], total: number): number[] {
  const sum = columns.reduce((s, c) => s + Math.max(c.width, 0.1), 0);
  return columns.map((c) => (Math.max(c.width, 0.1) / sum) * total);
}

const DAY_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * The proportional widths, but a column holding dates (2026-12-02, or a date and time) is never
 * narrower than its longest date on one line: a date wrapped as "2026-12-0 / 2" misreads (issue 12).
 * The width a date column gains is taken from the other columns in proportion.
 */
function registerColumnWidths(doc: Pdf, spec: RegisterSpec, total: number): number[] {
  const widths = columnWidths(spec.columns, total);
  const need = spec.columns.map((c) => {
    let widest = 0;
    for (const r of spec.rows) {
      const v = cellText(r[c.key]);
      if (!DAY_PREFIX.test(v)) continue;
      // Only the date part must stay whole; a time after it may go to the next line.
      widest = Math.max(widest, textWidth(doc, 'song', CELL.size, v.length <= 16 ? v : v.slice(0, 10)));
    }
    return widest ? widest + 2 * CELL.pad + 1 : 0;
  });
  const short = widths.map((w, i) => Math.max(0, need[i]! - w));
  const extra = short.reduce((a, b) => a + b, 0);
  if (extra === 0) return widths;
  const donors = widths.reduce((a, w, i) => (short[i] ? a : a + w), 0);
  if (donors <= extra) return widths;
  return widths.map((w, i) => (short[i] ? need[i]! : w - (w / donors) * extra));
}

interface LaidRow {
  lines: string[][];
  height: number;
}

function layRow(doc: Pdf, texts: string[], widths: number[], role: 'song' | 'heading', size: number, maxLines: number): LaidRow {
  const lineH = size * CELL.leading;
  const lines = texts.map((t, i) => {
    const wrapped = wrapText(t, widths[i]! - 2 * CELL.pad, (u) => textWidth(doc, role, size, u));
    // A single row never outgrows a page: cut it and say so with an ellipsis.
    return wrapped.length > maxLines ? [...wrapped.slice(0, maxLines - 1), `${wrapped[maxLines - 1]}…`] : wrapped;
  });
  const n = Math.max(1, ...lines.map((l) => l.length));
  return { lines, height: n * lineH + 2 * CELL.pad };
}

function drawRow(
  doc: Pdf,
  row: LaidRow,
  y: number,
  widths: number[],
  columns: RegisterColumn[],
  role: 'song' | 'heading',
  size: number,
  header: boolean,
) {
  const lineH = size * CELL.leading;
  let x = MARGIN.x;
  doc.lineWidth(0.5).strokeColor('#000');
  if (header)
    doc
      .rect(MARGIN.x, y, PAGE.width - 2 * MARGIN.x, row.height)
      .fillColor('#ececec')
      .fill();
  doc.fillColor('#000').font(role).fontSize(size);
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!;
    doc.rect(x, y, w, row.height).stroke();
    const align = header ? 'center' : (columns[i]!.align ?? 'left');
    const lines = row.lines[i]!;
    // Short cells sit in the vertical middle of a tall row, as on a ruled paper register.
    const top = y + CELL.pad + (row.height - 2 * CELL.pad - lines.length * lineH) / 2;
    lines.forEach((line, k) => {
      const lw = textWidth(doc, role, size, line);
      const lx = align === 'left' ? x + CELL.pad : align === 'right' ? x + w - CELL.pad - lw : x + (w - lw) / 2;
      doc.text(line, lx, top + k * lineH + (lineH - size) / 2, { lineBreak: false });
    });
    x += w;
  }
}

function drawPageHead(doc: Pdf, spec: RegisterSpec, printed: string): number {
  const title = spec.title;
  doc.font('title').fontSize(18).fillColor('#000');
  doc.text(title, (PAGE.width - textWidth(doc, 'title', 18, title)) / 2, MARGIN.top, { lineBreak: false });
  const y = MARGIN.top + 30;
  const left = [`单位：${spec.orgName}`, spec.filterSummary].filter(Boolean).join('　　');
  const right = `打印日期：${printed}`;
  doc.font('song').fontSize(9.5);
  const maxLeft = PAGE.width - 2 * MARGIN.x - textWidth(doc, 'song', 9.5, right) - 20;
  const leftLine = wrapText(left, maxLeft, (u) => textWidth(doc, 'song', 9.5, u))[0] ?? '';
  doc.text(leftLine, MARGIN.x, y, { lineBreak: false });
  doc.text(right, PAGE.width - MARGIN.x - textWidth(doc, 'song', 9.5, right), y, { lineBreak: false });
  return y + 18;
}

async function registerPdf(spec: RegisterSpec, fonts?: FontConfig): Promise<Buffer> {
  const doc = newPdf({ layout: 'landscape', title: spec.title, fonts, bufferPages: true });
  const printed = isoDate(spec.printedAt ?? new Date());
  const widths = registerColumnWidths(doc, spec, PAGE.width - 2 * MARGIN.x);
  const bottom = PAGE.height - MARGIN.bottom;
  const header = layRow(
    doc,
    spec.columns.map((c) => c.header),
    widths,
    'heading',
    CELL.header,
    4,
  );
  const maxLines = Math.floor((bottom - MARGIN.top - 48 - header.height - 2 * CELL.pad) / (CELL.size * CELL.leading));

  let y = drawPageHead(doc, spec, printed);
  drawRow(doc, header, y, widths, spec.columns, 'heading', CELL.header, true);
  y += header.height;
  for (const r of spec.rows) {
    const row = layRow(
      doc,
      spec.columns.map((c) => cellText(r[c.key])),
      widths,
      'song',
      CELL.size,
      maxLines,
    );
    if (y + row.height > bottom) {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      y = drawPageHead(doc, spec, printed);
      drawRow(doc, header, y, widths, spec.columns, 'heading', CELL.header, true);
      y += header.height;
    }
    drawRow(doc, row, y, widths, spec.columns, 'song', CELL.size, false);
    y += row.height;
  }
  if (spec.rows.length === 0) {
    const empty = '（无记录）';
    doc
      .font('song')
      .fontSize(CELL.size)
      .text(empty, (PAGE.width - textWidth(doc, 'song', CELL.size, empty)) / 2, y + 6, { lineBreak: false });
    y += 20;
  }
  if (spec.footer) {
    if (y + 20 > bottom) {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      y = drawPageHead(doc, spec, printed);
    }
    doc
      .font('song')
      .fontSize(9.5)
      .text(spec.footer, MARGIN.x, y + 6, { lineBreak: false });
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = `第 ${i + 1} 页 共 ${range.count} 页`;
    doc.font('song').fontSize(9);
    doc.text(label, (PAGE.width - textWidth(doc, 'song', 9, label)) / 2, PAGE.height - MARGIN.bottom + 5 * MM, { lineBreak: false });
  }
  // Warm the width cache for the digits of the page label so later registers are not slower.
  charWidth(doc, 'song', 9, '0');
  return pdfBuffer(doc);
}

// ---- Excel --------------------------------------------------------------------------------

const EXCEL_TOTAL_CHARS = 160;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

async function registerXlsx(spec: RegisterSpec): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'township-office';
  wb.created = spec.printedAt ?? new Date();
  const n = spec.columns.length;
  const ws = wb.addWorksheet(sheetName(spec.title), {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  const sum = spec.columns.reduce((s, c) => s + Math.max(c.width, 0.1), 0);
  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(6, Math.round((Math.max(c.width, 0.1) / sum) * EXCEL_TOTAL_CHARS));
  });

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: 'SimSun', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  ws.mergeCells(2, 1, 2, n);
  const info = ws.getCell(2, 1);
  info.value = [`单位：${spec.orgName}`, spec.filterSummary, `打印日期：${isoDate(spec.printedAt ?? new Date())}`]
    .filter(Boolean)
    .join('　　');
  info.font = { name: 'SimSun', size: 10 };
  info.alignment = { horizontal: 'left', vertical: 'middle' };

  const head = ws.getRow(3);
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'SimHei', size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFECECEC' } };
  });
  head.height = 22;

  spec.rows.forEach((r, k) => {
    const row = ws.getRow(4 + k);
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = r[c.key];
      // Dates go in as text so every spreadsheet shows YYYY-MM-DD, never a serial number.
      cell.value = typeof v === 'number' ? v : cellText(v);
      cell.font = { name: 'SimSun', size: 10 };
      cell.alignment = { horizontal: c.align ?? 'left', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
  });

  if (spec.footer) {
    const at = 4 + spec.rows.length;
    ws.mergeCells(at, 1, at, n);
    const cell = ws.getCell(at, 1);
    cell.value = spec.footer;
    cell.font = { name: 'SimSun', size: 10 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
