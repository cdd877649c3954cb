/**
 * Shared shapes of the one print/export mechanism: registers (登记本) as Excel or landscape PDF,
 * single-record forms (笺, 记录) as portrait PDF, and the GB/T 9704-2012 official document.
 * The server renders them (packages/server/src/platform/print, modules/documents/documents.pdf.ts);
 * the web uses `exportFormatSchema` / `ExportFormat` to build its export links.
 */
import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

export const EXPORT_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A file format a register can be rendered to. */
export type RegisterFileFormat = Exclude<ExportFormat, 'json'>;

/**
 * The `format` query parameter every register route shares (`?format=xlsx|pdf`, default json).
 * Extend a route's filter schema with it: `filterSchema.extend(exportFormatSchema.shape).strict()`.
 * An export ignores paging and returns every row the filter selects, up to MAX_EXPORT_ROWS.
 */
export const exportFormatSchema = z.object({ format: z.enum(EXPORT_FORMATS).default('json') }).strict();

/** The most rows one export renders; a route asks the user to narrow the filter beyond this. */
export const MAX_EXPORT_ROWS = 20_000;

/** A register cell. Date objects print as YYYY-MM-DD (China time); null prints empty. */
export type RegisterCell = string | number | Date | null | undefined;

export interface RegisterColumn {
  /** The row field this column shows. */
  key: string;
  /** Column header as printed (zh-CN), e.g. 发文字号. */
  header: string;
  /** Relative width; the columns share the page (PDF) or ~160 characters (Excel) in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface RegisterSpec {
  /** e.g. 发文登记本, 收文登记本, 值班日志, 来信来访登记本. */
  title: string;
  /** The org whose register this is (or 全县 for a county-wide list). */
  orgName: string;
  /** One line saying which rows these are, e.g. "2026年 · 密级：全部 · 渠道：网上". */
  filterSummary?: string;
  columns: RegisterColumn[];
  rows: Record<string, RegisterCell>[];
  /** A closing line under the table, e.g. "合计 120 件". */
  footer?: string;
  /** The print date shown in the header line; defaults to now. */
  printedAt?: Date;
}

/** One labelled box of a form row; `span` is its share of the row (default 1). */
export interface FormCell {
  label: string;
  value?: string | number | null;
  span?: number;
}

/** A ruled grid of labelled boxes, like the paper slip. */
export interface FormGridSection {
  rows: { cells: FormCell[]; /** Minimum height in lines, for boxes filled in by hand. */ minLines?: number }[];
}
/** Running text with an optional heading: minutes, discussion, decisions. */
export interface FormTextSection {
  heading?: string;
  paragraphs: string[];
}
/** Opinion boxes (拟办/批示/签发/核稿意见), each with the signer's name and date in its corner. */
export interface FormOpinionSection {
  opinions: { label: string; text?: string | null; name?: string | null; date?: string | Date | null }[];
}
/** A ruled table with a header row (流转记录): the header repeats on every page the table continues on. */
export interface FormTableSection {
  heading?: string;
  /** Relative widths; a cell's text wraps within its column. */
  columns: { header: string; width: number }[];
  rows: (string | null)[][];
  /** Printed in one row across the table when there are no rows. */
  empty?: string;
}
export type FormSection = FormGridSection | FormTextSection | FormOpinionSection | FormTableSection;

export interface FormSpec {
  /** e.g. 发文笺, 文件处理笺, 会议记录, 接待清单, 卷内目录. */
  title: string;
  orgName: string;
  /** A line under the title, e.g. the 收文编号 or the meeting's date. */
  subtitle?: string;
  sections: FormSection[];
  footer?: string;
}

/** A body paragraph; `level` 1–4 are the headings 一、 （一） 1. （1）, 0 is running text. */
export interface BodyParagraph {
  text: string;
  level?: 0 | 1 | 2 | 3 | 4;
}

/**
 * A document as GB/T 9704-2012 prints it. A plain object: the documents module maps its record
 * onto this; nothing here reads the database. Classified documents never get here (their content
 * never enters the system), so there is no 密级 mark to print.
 */
export interface OfficialDocumentInput {
  /** 发文机关标志, e.g. 中共清溪县委办公室文件 or 清溪县人民政府办公室. */
  issuerName: string;
  /**
   * 联合行文 (GB/T 9704 7.2.4): the issuers' names, the lead org first, stacked; `issuerSuffix`
   * ("文件") is set to their right, centred on them. When given, `issuerName` is only the PDF's label.
   */
  issuers?: string[];
  issuerSuffix?: string;
  /** 联合行文 署名: the lead org first, the others below it (7.3.5); replaces `signatureName`. */
  signatureNames?: string[];
  /** 发文字号, e.g. 清委办发〔2026〕12号. Absent on a draft (printed as a blank line). */
  docNumber?: string | null;
  /** 签发人: pass it for upward documents (to a higher org, whatever the type); shown right of the 发文字号 (7.2.6). */
  signer?: string | null;
  /** 份号, printed top-left in 6 digits. */
  copyNo?: string | number | null;
  /** 紧急程度: printed top-left as 特急 / 加急. */
  urgency?: 'none' | 'urgent' | 'extra_urgent';
  title: string;
  /** 主送机关, e.g. 各乡镇党委、政府; a full-width colon is added when missing. */
  mainRecipients?: string | null;
  /**
   * 正文: paragraphs, or one text with a paragraph per line. The heading level of a paragraph is
   * read from its prefix (一、 （一） 1. （1）) unless given.
   */
  body: string | (string | BodyParagraph)[];
  /** 附件说明 */
  attachments?: { name: string }[];
  /** 署名 (发文机关署名) */
  signatureName: string;
  /**
   * The issuing org's seal picture (PNG bytes), when it has one: 署名, 成文日期 and the seal follow
   * GB/T 9704-2012 7.3.5.1 (加盖印章的公文); without it, 7.3.5.2 (不加盖印章的公文).
   */
  seal?: Uint8Array | null;
  /**
   * 联合行文: each issuer's seal, in the order of `signatureNames`. With all of them (and the 署名
   * fitting one row) the seals are placed per 7.3.5.1; otherwise the joint document is set as 7.3.5.2.
   */
  issuerSeals?: (Uint8Array | null)[];
  /** 成文日期: a Date or YYYY-MM-DD; printed as 2026年1月5日. */
  writtenDate: string | Date;
  /** 附注, printed in brackets under the date. */
  note?: string | null;
  /** 抄送机关 */
  copyTo?: string[];
  /** 印发机关 */
  printedBy: string;
  /** 印发日期: printed as 2026年1月5日印发. */
  printedDate: string | Date;
  /**
   * 文种 (one of DOC_TYPES). 函, 命令(令) and 纪要 select the special formats of GB/T 9704 chapter 10
   * (10.1 信函格式, 10.2 命令（令）格式, 10.3 纪要格式); any other type, or none, prints the standard format.
   */
  docType?: string | null;
  /** 命令（令）格式: 签发人职务, printed two characters left of the 签发人 name (7.3.5.3). */
  signerTitle?: string | null;
  /** 纪要格式 (10.3): 出席 names (with their units where wanted), in order. */
  attendees?: string[];
  /** 纪要格式 (10.3): 请假 names, e.g. "张三（出差）". */
  absentees?: string[];
  /** 纪要格式 (10.3): 列席 names. */
  observers?: string[];
}

/**
 * The query every register list shares: a page of JSON, or the whole selection as a file.
 * Extend it with the register's filters: `registerQuerySchema.extend({ year: …, q: … }).strict()`.
 */
export const registerQuerySchema = pageQuerySchema.extend(exportFormatSchema.shape);
export type RegisterQuery = z.infer<typeof registerQuerySchema>;

/**
 * The `response` schema of a route that sends a file (PDF, Excel, OFD, an attachment, an event
 * stream): the body is not JSON, so nothing is validated; the schema documents the operation in
 * OpenAPI. `response: { 200: fileResponse('application/pdf') }`.
 */
export function fileResponse(mime: string) {
  return z.unknown().meta({ description: `a file (${mime})`, format: 'binary' });
}
