/**
 * Bringing the past in (issue 12): old registers kept in Excel — the 收文登记本, the 发文登记本, the
 * visitor register and the meeting minutes' index — imported all rows or none. Every row is checked
 * first; a refusal names each bad row and column (the sheet's own Chinese header) with a message in
 * the user's language. Each register's columns follow the paper book's order; the template a
 * register offers is exactly these headers, so a filled template imports.
 */
import { z } from 'zod';
import { safeString } from './common.ts';
import { defineErrors } from './errors.ts';

/** Upper bound of one sheet: a county's decade of one register fits (issue 12 asks for 10,000-row sheets). */
export const IMPORT_MAX_ROWS = 20_000;

export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
  width?: number;
  /** What the template's second line says about the column (an example or the allowed values). */
  hint: string;
}

/** The 收文登记本, in the paper book's order. */
export const INCOMING_IMPORT_COLUMNS = [
  { key: 'serial', header: '收文编号', width: 14, hint: '收〔2024〕1号；空则按年度顺序编号' },
  { key: 'receivedDate', header: '收文日期', required: true, width: 12, hint: '2024-03-05' },
  { key: 'senderName', header: '来文机关', required: true, width: 20, hint: '本县单位名称或外单位全称' },
  { key: 'docNumber', header: '来文字号', width: 18, hint: '清委办发〔2024〕12号' },
  { key: 'title', header: '标题', required: true, width: 36, hint: '不超过 200 字' },
  { key: 'docType', header: '文种', width: 8, hint: '通知、函、纪要……' },
  { key: 'classification', header: '密级', width: 8, hint: '空（非密）、秘密、机密、绝密' },
  { key: 'copies', header: '份数', width: 6, hint: '正整数，空则 1' },
  { key: 'urgency', header: '紧急程度', width: 8, hint: '空、加急、特急' },
  { key: 'proposal', header: '拟办', width: 20, hint: '拟办意见' },
  { key: 'instruction', header: '批示', width: 20, hint: '领导批示' },
  { key: 'deadline', header: '办理时限', width: 12, hint: '2024-03-20' },
  { key: 'closedDate', header: '办结日期', width: 12, hint: '2024-03-18；空则为未办结' },
] as const satisfies readonly ImportColumn[];

/** The 发文登记本, in the paper book's order. */
export const OUTGOING_IMPORT_COLUMNS = [
  { key: 'docNumber', header: '发文字号', required: true, width: 18, hint: '清委办发〔2024〕12号' },
  { key: 'title', header: '标题', required: true, width: 36, hint: '不超过 200 字' },
  { key: 'docType', header: '文种', required: true, width: 8, hint: '通知、报告、请示、函、纪要……' },
  { key: 'classification', header: '密级', width: 8, hint: '空（非密）、秘密、机密、绝密' },
  { key: 'urgency', header: '紧急程度', width: 8, hint: '空、加急、特急' },
  { key: 'drafter', header: '拟稿人', width: 10, hint: '姓名' },
  { key: 'signer', header: '签发人', required: true, width: 10, hint: '姓名' },
  { key: 'writtenDate', header: '成文日期', required: true, width: 12, hint: '2024-03-05' },
  { key: 'mainRecipients', header: '主送', required: true, width: 24, hint: '本县单位名称，顿号分隔；外单位照写' },
  { key: 'copyRecipients', header: '抄送', width: 20, hint: '同上' },
  { key: 'copies', header: '份数', width: 6, hint: '正整数' },
  { key: 'channel', header: '渠道', width: 6, hint: '纸质、网上；空则纸质' },
  { key: 'remark', header: '备注', width: 16, hint: '' },
] as const satisfies readonly ImportColumn[];

/** The visitor register (来客接待登记簿). */
export const VISIT_IMPORT_COLUMNS = [
  { key: 'visitDate', header: '日期', required: true, width: 12, hint: '2024-03-05' },
  { key: 'visitingUnit', header: '来访单位', required: true, width: 20, hint: '单位全称' },
  { key: 'visitorNames', header: '来客姓名', required: true, width: 20, hint: '顿号分隔：张三、李四' },
  { key: 'visitorCount', header: '人数', required: true, width: 6, hint: '不少于所填姓名数' },
  { key: 'purpose', header: '事由', required: true, width: 24, hint: '' },
  { key: 'letterRef', header: '公函', width: 18, hint: '来函字号' },
  { key: 'hostName', header: '陪同人', required: true, width: 10, hint: '姓名' },
  { key: 'arrangements', header: '接待安排', width: 24, hint: '' },
  { key: 'meals', header: '用餐费用（元）', width: 10, hint: '0.00' },
  { key: 'accommodation', header: '住宿费用（元）', width: 10, hint: '0.00' },
  { key: 'transport', header: '交通费用（元）', width: 10, hint: '0.00' },
  { key: 'other', header: '其他费用（元）', width: 10, hint: '0.00' },
] as const satisfies readonly ImportColumn[];

/** The meeting minutes' index (会议记录索引): one line per meeting, the minutes themselves stay on paper. */
export const MEETING_IMPORT_COLUMNS = [
  { key: 'date', header: '会议日期', required: true, width: 12, hint: '2024-03-05' },
  { key: 'time', header: '开始时间', width: 8, hint: '09:00；空则 09:00' },
  { key: 'kind', header: '会议类型', required: true, width: 12, hint: '党委会、政府常务会、专题会……' },
  { key: 'title', header: '会议名称', required: true, width: 30, hint: '' },
  { key: 'place', header: '地点', required: true, width: 14, hint: '' },
  { key: 'hostName', header: '主持人', required: true, width: 10, hint: '姓名' },
  { key: 'recorderName', header: '记录人', required: true, width: 10, hint: '姓名' },
  { key: 'attendees', header: '出席人员', width: 24, hint: '顿号分隔' },
  { key: 'topics', header: '议题', width: 30, hint: '分号分隔' },
  { key: 'location', header: '记录本存放', width: 16, hint: '如：2024年会议记录本第3册第12页' },
] as const satisfies readonly ImportColumn[];

export const IMPORT_REGISTERS = ['incoming', 'outgoing', 'visits', 'meetings'] as const;
export type ImportRegister = (typeof IMPORT_REGISTERS)[number];

/** One problem of a refused sheet: the Excel row number (the header is row 1), the column's header, the message. */
export const importRowIssueSchema = z.object({ row: z.number().int(), column: safeString(), message: safeString() });
export type ImportRowIssue = z.infer<typeof importRowIssueSchema>;

export const importResultOut = z.object({ imported: z.number().int(), batchId: z.uuid() });
export type ImportResultOut = z.infer<typeof importResultOut>;

/** The refusal's body: the catalogued error and every bad row; nothing was imported. */
export const importRefusalOut = z.object({
  error: z.object({ code: safeString(), message: safeString() }),
  rows: z.array(importRowIssueSchema),
});
export type ImportRefusalOut = z.infer<typeof importRefusalOut>;

export const ImportErrors = defineErrors({
  IMPORT_INVALID_ROWS: {
    status: 422,
    zh: '表格中有 {count} 处错误，未导入任何记录。请按清单逐行改正后重新上传。',
    en: 'The sheet has {count} problems; nothing was imported. Correct each listed row and upload it again.',
  },
  IMPORT_NOT_XLSX: {
    status: 422,
    zh: '文件不是有效的 Excel（.xlsx）表格，请用模板填写后上传。',
    en: 'The file is not a valid Excel (.xlsx) sheet; fill in the template and upload it.',
  },
  IMPORT_EMPTY: { status: 422, zh: '表格中没有可导入的记录。', en: 'The sheet has no rows to import.' },
  IMPORT_WRONG_COLUMNS: {
    status: 422,
    zh: '表头与模板不一致。第一行应依次为：{expected}。请下载模板后按列填写。',
    en: 'The header row does not match the template. The first row must read: {expected}. Download the template and fill it in.',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    zh: '一次最多导入 {limit} 行，请分成几个表格上传。',
    en: 'At most {limit} rows can be imported at once; split the sheet.',
  },
  IMPORT_FILE_MISSING: {
    status: 400,
    zh: '请选择要上传的 Excel 文件（表单字段 file）。',
    en: 'Choose the Excel file to upload (form field "file").',
  },
});

/** The messages of one bad cell: filled with the column's header, in the request's language. */
export const ImportRowErrors = defineErrors({
  REQUIRED: { status: 422, zh: '“{column}”不能为空', en: '"{column}" is required' },
  BAD_DATE: { status: 422, zh: '“{column}”不是有效日期（应如 2024-03-05）', en: '"{column}" is not a valid date (e.g. 2024-03-05)' },
  FUTURE_DATE: { status: 422, zh: '“{column}”晚于今天', en: '"{column}" is after today' },
  BEFORE: { status: 422, zh: '“{column}”早于“{other}”', en: '"{column}" is before "{other}"' },
  BAD_NUMBER: { status: 422, zh: '“{column}”应为正整数', en: '"{column}" must be a positive whole number' },
  BAD_AMOUNT: { status: 422, zh: '“{column}”应为不小于 0 的金额', en: '"{column}" must be an amount of at least 0' },
  TOO_LONG: { status: 422, zh: '“{column}”超过 {max} 字', en: '"{column}" is longer than {max} characters' },
  BAD_TEXT: { status: 422, zh: '“{column}”含有无法保存的字符', en: '"{column}" contains characters that cannot be stored' },
  BAD_DOC_NUMBER: {
    status: 422,
    zh: '“{column}”“{value}”不符合“机关代字〔年份〕序号号”的写法（如 清委办发〔2024〕12号）',
    en: '"{column}" "{value}" is not in the form 机关代字〔year〕number号 (e.g. 清委办发〔2024〕12号)',
  },
  BAD_SERIAL: {
    status: 422,
    zh: '“{column}”“{value}”不符合“收〔年份〕序号号”的写法（如 收〔2024〕7号）',
    en: '"{column}" "{value}" is not in the form 收〔year〕number号 (e.g. 收〔2024〕7号)',
  },
  SERIAL_YEAR: {
    status: 422,
    zh: '“{column}”的年份与收文日期的年份不一致',
    en: 'The year of "{column}" differs from the year of the receipt date',
  },
  UNKNOWN_VALUE: { status: 422, zh: '“{column}”应为：{allowed}', en: '"{column}" must be one of: {allowed}' },
  DUPLICATE_IN_SHEET: { status: 422, zh: '“{column}”与第 {other} 行重复', en: '"{column}" repeats row {other}' },
  DUPLICATE_IN_REGISTER: {
    status: 422,
    zh: '“{column}”“{value}”已在登记本中',
    en: '"{column}" "{value}" is already in the register',
  },
  COUNT_BELOW_NAMES: { status: 422, zh: '“{column}”少于所填姓名数', en: '"{column}" is less than the number of names given' },
  CLASSIFIED_ONLINE: { status: 422, zh: '涉密文件只能走纸质渠道', en: 'Classified documents go on paper only' },
  NO_RECIPIENT_ORG: {
    status: 422,
    zh: '“{column}”中没有本县单位：{value}',
    en: '"{column}" names no organisation of the county: {value}',
  },
});
export type ImportRowErrorKey = keyof typeof ImportRowErrors;
