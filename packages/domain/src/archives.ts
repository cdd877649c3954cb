/**
 * 档案管理 to DA/T 22-2015 (归档文件整理规则): items (件), their classification (year, retention,
 * org unit or subject — never both), item numbers per group, the archival code (档号), the archive
 * stamp (归档章), the catalogue (归档文件目录), lending, retention expiry and transfer. Pure rules.
 */
import { z } from 'zod';
import { safeString, sortQuery } from './common.ts';

export const RETENTIONS = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const RETENTION_LABELS: Record<Retention, string> = { Y: '永久', D30: '定期30年', D10: '定期10年' };
const RETENTION_YEARS: Record<Retention, number | null> = { Y: null, D30: 30, D10: 10 };

/** 机构 (org unit) or 问题 (subject): an org classifies by one of them, never both. */
export const CLASS_KINDS = ['unit', 'subject'] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];
export const CLASS_KIND_LABELS: Record<ClassKind, string> = { unit: '机构', subject: '问题' };

export const FONDS_CODE_RE = /^[A-Z0-9]{1,12}$/;
export const CLASS_CODE_RE = /^[A-Z0-9]{1,12}$/;

export interface ArchivalCodeParts {
  /** 全宗号, e.g. Z109 */
  fondsCode: string;
  year: number;
  retention: Retention;
  /** 机构(问题)代码, e.g. BGS */
  classCode: string;
  /** 件号, from 1 */
  itemNo: number;
}

/** `全宗号-WS·年度-保管期限代码-机构(问题)代码-件号`, 件号 zero-padded to four digits: Z109-WS·2026-Y-BGS-0001. */
export function formatArchivalCode(p: ArchivalCodeParts): string {
  if (!FONDS_CODE_RE.test(p.fondsCode)) throw new RangeError(`bad 全宗号: ${p.fondsCode}`);
  if (!CLASS_CODE_RE.test(p.classCode)) throw new RangeError(`bad 机构(问题)代码: ${p.classCode}`);
  if (!Number.isInteger(p.year) || p.year < 1000 || p.year > 9999) throw new RangeError(`bad year: ${p.year}`);
  if (!(RETENTIONS as readonly string[]).includes(p.retention)) throw new RangeError(`bad retention: ${p.retention}`);
  if (!Number.isInteger(p.itemNo) || p.itemNo < 1 || p.itemNo > 9999) throw new RangeError(`bad 件号: ${p.itemNo}`);
  return `${p.fondsCode}-WS·${p.year}-${p.retention}-${p.classCode}-${String(p.itemNo).padStart(4, '0')}`;
}

const CODE_RE = /^([A-Z0-9]{1,12})-WS·(\d{4})-(Y|D30|D10)-([A-Z0-9]{1,12})-(\d{4})$/;

/** The inverse of formatArchivalCode; null for anything that is not a well-formed code. */
export function parseArchivalCode(code: string): ArchivalCodeParts | null {
  const m = CODE_RE.exec(code);
  if (!m) return null;
  const itemNo = Number(m[5]);
  if (itemNo < 1) return null;
  return { fondsCode: m[1]!, year: Number(m[2]), retention: m[3] as Retention, classCode: m[4]!, itemNo };
}

/** The last year an item must be kept; null for permanent. Retention counts whole years after the item's year. */
export function retentionExpiryYear(year: number, retention: Retention): number | null {
  const n = RETENTION_YEARS[retention];
  return n === null ? null : year + n;
}

/** Due for appraisal (鉴定) in `asOfYear`: its retention has run out by the end of the previous year. */
export function isRetentionExpired(year: number, retention: Retention, asOfYear: number): boolean {
  const last = retentionExpiryYear(year, retention);
  return last !== null && last < asOfYear;
}

/** GB/T 9704 text block: 22 lines of 28 characters. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Lines a text takes on the grid: each paragraph indented two characters, wrapped at 28. */
export function gridLines(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const chars = [...('\u3000\u3000' + p.trim())];
    for (let i = 0; i < chars.length; i += CHARS_PER_LINE) out.push(chars.slice(i, i + CHARS_PER_LINE).join(''));
  }
  return out;
}

/** Pages a component prints on: its heading lines plus the wrapped text, at least one page. */
export function componentPages(headingLines: number, paragraphs: readonly string[]): number {
  return Math.max(1, Math.ceil((headingLines + gridLines(paragraphs).length) / LINES_PER_PAGE));
}

/** The parts of an item in the order DA/T 22 files them. */
export const COMPONENT_ROLES = ['reply', 'final', 'drafting_slip', 'processing_slip', 'document', 'record'] as const;
export type ComponentRole = (typeof COMPONENT_ROLES)[number];
export const COMPONENT_LABELS: Record<ComponentRole, string> = {
  reply: '复文',
  final: '正本',
  drafting_slip: '发文笺（签发稿）',
  processing_slip: '文件处理笺',
  document: '来文',
  record: '文件',
};

/** 正本 before the signed draft; the processing slip before the incoming document; a reply before the document it answers. */
export function orderComponents<T extends { role: ComponentRole }>(parts: readonly T[]): T[] {
  const rank = (r: ComponentRole) => COMPONENT_ROLES.indexOf(r);
  return [...parts].sort((a, b) => rank(a.role) - rank(b.role));
}

// ---- payloads ----
const isoDate = safeString()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), '不是有效日期 / not a calendar date');
const year = z.coerce.number().int().min(1949).max(2100);
const classCode = safeString().trim().regex(CLASS_CODE_RE);

export const archiveConfigSchema = z
  .object({
    fondsCode: safeString().trim().regex(FONDS_CODE_RE),
    scheme: z.enum(CLASS_KINDS),
    classes: z
      .array(z.object({ kind: z.enum(CLASS_KINDS), code: classCode, name: safeString().trim().min(1).max(30) }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type ArchiveConfigInput = z.infer<typeof archiveConfigSchema>;

export const CLASSIFICATION_LEVELS = ['none', 'confidential', 'secret', 'top_secret'] as const;

export const archiveItemCreateSchema = z
  .object({
    retention: z.enum(RETENTIONS),
    classCode,
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('outgoing'), id: z.uuid() }).strict(),
      z.object({ kind: z.literal('incoming'), id: z.uuid() }).strict(),
      z
        .object({
          kind: z.literal('manual'),
          year,
          docNumber: safeString().trim().max(60).optional(),
          responsible: safeString().trim().min(1).max(60),
          title: safeString().trim().min(2).max(200),
          date: isoDate,
          classification: z.enum(CLASSIFICATION_LEVELS).default('none'),
          pages: z.number().int().min(1).max(2000),
          remark: safeString().trim().max(200).optional(),
        })
        .strict(),
    ]),
  })
  .strict();
export type ArchiveItemCreate = z.infer<typeof archiveItemCreateSchema>;

export const archiveBatchSchema = z
  .object({
    year,
    retention: z.enum(RETENTIONS),
    classCode,
    sources: z
      .array(z.object({ kind: z.enum(['outgoing', 'incoming']), id: z.uuid() }).strict())
      .min(1)
      .max(2000),
  })
  .strict();
export type ArchiveBatch = z.infer<typeof archiveBatchSchema>;

/** A catalogue is one group: year, retention, and either an org unit or a subject. */
export const catalogueQuerySchema = z
  .object({
    year,
    retention: z.enum(RETENTIONS),
    unitCode: classCode.optional(),
    subjectCode: classCode.optional(),
    orgId: z.uuid().optional(),
    format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
  })
  .strict()
  .refine((q) => !(q.unitCode && q.subjectCode), {
    message: '机构与问题只能选其一 / give an org unit or a subject, not both',
    path: ['subjectCode'],
  })
  .refine((q) => q.unitCode || q.subjectCode, { message: '请指定机构或问题 / give an org unit or a subject', path: ['unitCode'] });
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/**
 * The archives list's orders: the catalogue's (year newest first, then retention, class and 件号:
 * the 归档文件目录's order, the register's usual), or by 档号 (archival code) as written on the files.
 */
export const ARCHIVE_ITEM_SORTS = ['catalogue', 'code'] as const;
export type ArchiveItemSort = (typeof ARCHIVE_ITEM_SORTS)[number];

export const archiveListQuerySchema = z
  .object({
    year: year.optional(),
    retention: z.enum(RETENTIONS).optional(),
    classCode: classCode.optional(),
    orgId: z.uuid().optional(),
    sort: sortQuery(ARCHIVE_ITEM_SORTS, 'catalogue'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ArchiveListQuery = z.infer<typeof archiveListQuerySchema>;

export const annotationCreateSchema = z
  .object({ field: safeString().trim().max(30).optional(), note: safeString().trim().min(2).max(1000) })
  .strict();
export const loanCreateSchema = z
  .object({
    itemId: z.uuid(),
    borrower: safeString().trim().min(1).max(40),
    borrowerOrg: safeString().trim().max(60).optional(),
    purpose: safeString().trim().min(2).max(200),
    dueOn: isoDate,
  })
  .strict();
export type LoanCreate = z.infer<typeof loanCreateSchema>;
export const transferCreateSchema = z.object({ year, receiver: safeString().trim().min(2).max(60).default('县档案馆') }).strict();
