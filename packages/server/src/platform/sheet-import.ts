/**
 * The mechanics every register import shares (issue 12): the one uploaded file of a multipart body
 * (field `file`), the sheet read with exceljs against the template's headers, cells as text or dates,
 * the refusal that names each bad row and column, and the template workbook. The registers' own
 * rules (what a valid row is, duplicates, the insert) live in each module's `*.import.service.ts`.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.ts';
import { z } from 'zod';
import type { Action } from '@township-office/domain/permissions';
import { isStorableText, type Locale } from '@township-office/domain/common';
import { CommonErrors } from '@township-office/domain/errors';
import {
  IMPORT_MAX_ROWS,
  ImportErrors,
  ImportRowErrors,
  importResultOut,
  type ImportColumn,
  type ImportResultOut,
  type ImportRowErrorKey,
  type ImportRowIssue,
} from '@township-office/domain/imports';
import { isoDaySchema } from '@township-office/domain/holidays';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { App } from './app-types.ts';
import type { RequestContext } from './context.ts';
import { AppError } from './errors.ts';
import { messageFor } from './i18n.ts';
import { MIME, sendFile } from './print/send.ts';

/** The one file of the upload, whole; a cut file (over the size limit) is refused, never half-read. */
export async function uploadedFile(req: FastifyRequest, limit: number): Promise<{ fileName: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new AppError(ImportErrors.IMPORT_FILE_MISSING);
  let found: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      // Another field's file is read to its end and dropped: an unread stream would stall the body.
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file') continue;
      if (part.file.truncated || bytes.length > limit)
        throw new AppError(CommonErrors.BODY_TOO_LARGE, { limit: `${Math.round(limit / 1048576)} MB` });
      if (!found) found = { fileName: (part.filename || 'sheet.xlsx').normalize('NFC').slice(0, 200), bytes };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(CommonErrors.BODY_TOO_LARGE, { limit: `${Math.round(limit / 1048576)} MB` });
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: `multipart: ${(err as Error).message}`.slice(0, 120) });
  }
  if (!found || found.bytes.length === 0) throw new AppError(ImportErrors.IMPORT_FILE_MISSING);
  return found;
}

/** A cell as the sheet shows it: text trimmed, a date cell as a Date, a formula as its result. */
export type Cell = string | Date;

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    return '';
  }
  return String(v).trim();
}

export interface SheetRow<K extends string> {
  /** The Excel row number (the header is row 1). */
  row: number;
  cells: Record<K, Cell>;
}

/** Read the first sheet against the template's headers; blank rows are skipped. */
export async function readSheet<K extends string>(bytes: Buffer, columns: readonly ImportColumn<K>[]): Promise<SheetRow<K>[]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(ImportErrors.IMPORT_NOT_XLSX);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(ImportErrors.IMPORT_EMPTY);
  const expected = columns.map((c) => c.header);
  const header = expected.map((_, i) => String(cellValue(ws.getRow(1).getCell(i + 1).value)));
  if (header.join('|') !== expected.join('|')) throw new AppError(ImportErrors.IMPORT_WRONG_COLUMNS, { expected: expected.join('、') });
  if (ws.rowCount - 1 > IMPORT_MAX_ROWS) throw new AppError(ImportErrors.IMPORT_TOO_MANY_ROWS, { limit: IMPORT_MAX_ROWS });
  const rows: SheetRow<K>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const xr = ws.getRow(r);
    const cells = Object.fromEntries(columns.map((c, i) => [c.key, cellValue(xr.getCell(i + 1).value)])) as Record<K, Cell>;
    if (Object.values<Cell>(cells).every((c) => c === '')) continue;
    rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw new AppError(ImportErrors.IMPORT_EMPTY);
  return rows;
}

/** A bad cell, kept as a catalogue key so the refusal speaks the request's language. */
export interface PendingIssue {
  row: number;
  column: string;
  key: ImportRowErrorKey;
  params?: Record<string, string | number>;
}

/** Thrown with every bad cell of the sheet; nothing has been written. */
export class ImportRefused extends Error {
  constructor(readonly issues: PendingIssue[]) {
    super('IMPORT_INVALID_ROWS');
  }
}

export function renderIssues(issues: PendingIssue[], locale: Locale): ImportRowIssue[] {
  return [...issues]
    .sort((a, b) => a.row - b.row)
    .map((i) => ({ row: i.row, column: i.column, message: messageFor(ImportRowErrors[i.key], locale, { column: i.column, ...i.params }) }));
}

/** `{ error: { code, message }, rows: [{ row, column, message }] }` with the catalogued status. */
export function sendImportRefusal(reply: FastifyReply, err: ImportRefused) {
  const locale = reply.request.locale ?? 'zh-CN';
  const def = ImportErrors.IMPORT_INVALID_ROWS;
  return reply.code(def.status).send({
    error: { code: def.code, message: messageFor(def, locale, { count: err.issues.length }) },
    rows: renderIssues(err.issues, locale),
  });
}

/**
 * One row's checks: each reader returns the value or records the issue and returns undefined.
 * `today` bounds dates that cannot lie in the future.
 */
export class RowReader<K extends string> {
  readonly issues: PendingIssue[] = [];
  constructor(
    private readonly columns: readonly ImportColumn<K>[],
    private readonly today: string,
  ) {}

  header(key: K): string {
    return this.columns.find((c) => c.key === key)!.header;
  }

  fail(row: number, key: K, issue: ImportRowErrorKey, params?: Record<string, string | number>): undefined {
    this.issues.push({ row, column: this.header(key), key: issue, ...(params ? { params } : {}) });
    return undefined;
  }

  text(r: SheetRow<K>, key: K, max: number, required = false): string | undefined {
    const raw = r.cells[key];
    const s: string = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
    if (s === '') return required ? this.fail(r.row, key, 'REQUIRED') : undefined;
    if (!isStorableText(s)) return this.fail(r.row, key, 'BAD_TEXT');
    if (Array.from(s).length > max) return this.fail(r.row, key, 'TOO_LONG', { max });
    return s;
  }

  /** A day as 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or an Excel date cell. */
  day(r: SheetRow<K>, key: K, required = false, opts: { notFuture?: boolean } = {}): string | undefined {
    const raw = r.cells[key];
    if (raw === '') return required ? this.fail(r.row, key, 'REQUIRED') : undefined;
    let s: string | undefined;
    if (raw instanceof Date) s = Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
    else {
      const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw);
      if (m) s = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    }
    if (!s || !isoDaySchema.safeParse(s).success) return this.fail(r.row, key, 'BAD_DATE');
    if (opts.notFuture && s > this.today) return this.fail(r.row, key, 'FUTURE_DATE');
    return s;
  }

  int(r: SheetRow<K>, key: K, fallback?: number, max = 100_000): number | undefined {
    const raw = r.cells[key];
    if (raw === '') return fallback ?? this.fail(r.row, key, 'REQUIRED');
    const n = Number(raw);
    if (raw instanceof Date || !Number.isInteger(n) || n < 1 || n > max) return this.fail(r.row, key, 'BAD_NUMBER');
    return n;
  }

  amount(r: SheetRow<K>, key: K): number | undefined {
    const raw = r.cells[key];
    if (raw === '') return 0;
    const n = Number(raw);
    if (raw instanceof Date || !Number.isFinite(n) || n < 0 || n > 1_000_000) return this.fail(r.row, key, 'BAD_AMOUNT');
    return Math.round(n * 100) / 100;
  }

  /** A label from a fixed list (密级, 紧急程度…), blank meaning `blank`. */
  choice<V extends string>(r: SheetRow<K>, key: K, labels: Record<string, V>, blank?: V): V | undefined {
    const raw = r.cells[key];
    const s: string = raw instanceof Date ? '' : raw;
    if (s === '' && blank !== undefined) return blank;
    if (s in labels) return labels[s];
    return this.fail(r.row, key, s === '' ? 'REQUIRED' : 'UNKNOWN_VALUE', { allowed: Object.keys(labels).join('、') });
  }
}

/** The template: the headers in the paper book's order, required ones bold, each with its hint as a cell note. */
export async function templateWorkbook(sheetName: string, columns: readonly ImportColumn[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 12 }));
  const head = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.font = { bold: !!c.required, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.note = `${c.required ? '必填。' : ''}${c.hint}`;
    ws.getColumn(i + 1).numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetImportRoute {
  /** `/api/registers/{register}/template.xlsx` and `/api/registers/{register}/import`. */
  register: string;
  tags: string[];
  /** The template's download name. */
  fileName: string;
  template(): Promise<Buffer>;
  run(db: Db, ctx: RequestContext, file: { fileName: string; bytes: Buffer }): Promise<ImportResultOut>;
  /** The permission the import needs (the service checks it again). */
  action: Action;
}

const xlsxFile = z.unknown().describe('an .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');

/**
 * A register's template and import routes. The import answers 201 `{ imported, batchId }`, or 422
 * `{ error: { code, message }, rows: [{ row, column, message }] }` (importRefusalOut) with nothing
 * imported; a file that is not the template gets its catalogued error.
 */
export function registerSheetImportRoutes(app: App, deps: { db: Db; config: Config }, routes: readonly SheetImportRoute[]) {
  for (const r of routes) {
    app.get(
      `/api/registers/${r.register}/template.xlsx`,
      {
        config: { action: 'business.read' },
        schema: { tags: r.tags, summary: `the ${r.register} register's import template`, response: { 200: xlsxFile } },
      },
      async (_req, reply) => sendFile(reply, await r.template(), r.fileName, MIME.xlsx),
    );
  }
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 2, fields: 5 } });
    for (const r of routes) {
      scope.post(
        `/api/registers/${r.register}/import`,
        {
          config: { action: r.action },
          schema: {
            tags: r.tags,
            summary: `import the ${r.register} register from Excel (multipart field "file"): all rows or none`,
            consumes: ['multipart/form-data'],
            response: { 201: importResultOut },
          },
        },
        async (req, reply) => {
          const file = await uploadedFile(req, deps.config.maxUploadBytes);
          try {
            return reply.code(201).send(await r.run(deps.db, req.ctx, file));
          } catch (err) {
            if (err instanceof ImportRefused) return sendImportRefusal(reply, err);
            throw err;
          }
        },
      );
    }
  });
}
