/**
 * 办文: document types, urgency, classification, the 发文字号 rule and the API payloads of the
 * documents module (outgoing drafting → dispatch, deliveries, incoming processing, registers).
 */
import { z } from 'zod';
import { pageQuerySchema, safeString, sortQuery } from './common.ts';

/** The 15 document types of the 党政机关公文处理工作条例 (2012), by their Chinese names. */
export const DOC_TYPES = [
  '决议',
  '决定',
  '命令(令)',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** The types that are upward by nature (上行文); whether a given document is upward is read from its recipients (`isUpward`). */
export const UPWARD_DOC_TYPES: readonly DocType[] = ['报告', '请示'];

export type OrgKind = 'county' | 'county_office' | 'township' | 'county_department';
/**
 * The level of an org in the county's 行文关系 (lower is higher): the county above all; the county
 * office and the county departments act for the county committee and government towards the
 * townships. A document to an org of a higher level is upward (上行文).
 */
export const ORG_LEVEL: Record<OrgKind, number> = { county: 0, county_office: 1, county_department: 1, township: 2 };

/** Upward (上行文): some main recipient stands above the sender. It carries 签发人 (GB/T 9704 7.2.6) and is signed by the principal leader (条例 第二十二条). */
export function isUpward(senderKind: OrgKind, mainRecipientKinds: readonly OrgKind[]): boolean {
  return mainRecipientKinds.some((k) => ORG_LEVEL[k] < ORG_LEVEL[senderKind]);
}

/**
 * 条例 第十五条 (向上级机关行文): "原则上主送一个上级机关……不抄送下级机关"; "请示应当一文一事。不得在
 * 报告等非请示性公文中夹带请示事项". The hard rules of a 请示, as the error code that refuses it (or null).
 */
export function requestRuleViolation(
  docType: string,
  senderKind: OrgKind,
  mainKinds: readonly OrgKind[],
  copyKinds: readonly OrgKind[],
): 'QINGSHI_ONE_MAIN_RECIPIENT' | 'QINGSHI_NO_SUBORDINATE_COPY' | null {
  if (docType !== '请示') return null;
  if (mainKinds.length !== 1) return 'QINGSHI_ONE_MAIN_RECIPIENT';
  if (copyKinds.some((k) => ORG_LEVEL[k] > ORG_LEVEL[senderKind])) return 'QINGSHI_NO_SUBORDINATE_COPY';
  return null;
}

/** The closing formulas that ask for approval (妥否，请批示 and the like): a 报告 carrying them carries a 请示 matter. */
const ASKS_APPROVAL_RE = /(妥否|当否|可否|是否同意)[，,]?\s*请(予)?(批示|批复|审批|指示)|请(予)?(批准|审批|批复)|特此请示/;

export const DOCUMENT_WARNINGS = ['REPORT_ASKS_APPROVAL'] as const;
export type DocumentWarning = (typeof DOCUMENT_WARNINGS)[number];

/** Warnings the drafting slip shows (they do not refuse the document): a 报告 whose body asks for approval (第十五条). */
export function documentWarnings(docType: string, body: string | null | undefined): DocumentWarning[] {
  return docType === '报告' && ASKS_APPROVAL_RE.test(body ?? '') ? ['REPORT_ASKS_APPROVAL'] : [];
}

export const URGENCIES = ['none', 'urgent', 'extra_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { none: '', urgent: '加急', extra_urgent: '特急' };

/**
 * Signed documents: what a check of a PDF against the document's signature found. `valid`: the
 * bytes are the dispatched ones and the issuing org's key signed them; `altered`: the bytes differ
 * (changed, cut, or another document's file); `bad_signature`: the stored signature does not verify
 * under the key it names; `unknown_key`: that key is not in the key store; `not_signed`: the
 * document was not dispatched online (paper, classified, not yet dispatched).
 */
export const SIGNATURE_VERDICTS = ['valid', 'altered', 'bad_signature', 'unknown_key', 'not_signed'] as const;
export type SignatureVerdict = (typeof SIGNATURE_VERDICTS)[number];
export const SIGNATURE_VERDICT_LABELS: Record<SignatureVerdict, string> = {
  valid: '验证通过：文件与分发时逐字节一致，发文机关的签名有效。',
  altered: '验证未通过：文件与分发时不一致（已被改动、不完整，或不是本公文分发的版式文件）。',
  bad_signature: '验证未通过：签名与发文机关的密钥不符，请联系安全保密管理员。',
  unknown_key: '验证未通过：签名所用的密钥不在本系统受信任的密钥中，请联系安全保密管理员。',
  not_signed: '本公文未经网上分发签名（纸质分发、涉密或尚未分发），无法验证。',
};

export const CLASSIFICATIONS = ['none', 'confidential', 'secret', 'top_secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = { none: '', confidential: '秘密', secret: '机密', top_secret: '绝密' };

/** 秘密/机密/绝密: metadata of a paper original only (保密法). */
export function isClassified(c: Classification): boolean {
  return c !== 'none';
}

// ---- classified paper records (issue 13): 保密期限, 份号, the paper channel --------------------

/**
 * 保密期限 beside the 密级. GB/T 9704—2012 7.2.2: 密级和保密期限 are printed together in the top-left
 * corner, "保密期限中的数字用阿拉伯数字标注"; the mark joins them with ★ (GB/T 7156—2003 文献保密等级代码
 * 与标识: 密级, the sign ★, then the period, e.g. 秘密★5年, 绝密★长期). A period of a year or more is
 * counted in years, under a year in months (or days); 长期 has no number.
 */
export const SECRECY_UNITS = ['year', 'month', 'day', 'long_term'] as const;
export type SecrecyUnit = (typeof SECRECY_UNITS)[number];
const SECRECY_UNIT_TEXT: Record<SecrecyUnit, string> = { year: '年', month: '个月', day: '天', long_term: '长期' };
export interface SecrecyPeriod {
  unit: SecrecyUnit;
  amount?: number | null;
}

export const secrecyPeriodSchema = z
  .object({
    unit: z.enum(SECRECY_UNITS),
    amount: z
      .number({ message: '保密期限应为 1 至 99 的整数 / The secrecy period must be a whole number from 1 to 99' })
      .int({ message: '保密期限应为 1 至 99 的整数 / The secrecy period must be a whole number from 1 to 99' })
      .min(1, { message: '保密期限应为 1 至 99 的整数 / The secrecy period must be a whole number from 1 to 99' })
      .max(99, { message: '保密期限应为 1 至 99 的整数 / The secrecy period must be a whole number from 1 to 99' })
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.unit === 'long_term' && p.amount != null)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: '保密期限为“长期”时不填年数 / A long-term (长期) secrecy period has no number',
      });
    if (p.unit !== 'long_term' && p.amount == null)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: '请填写保密期限的数字，例如 1 年、6 个月 / Give the number of the secrecy period, e.g. 1 year or 6 months',
      });
  });

/** 1年, 6个月, 10天, 长期 (Arabic numerals, GB/T 9704—2012 7.2.2). */
export function formatSecrecyPeriod(p: SecrecyPeriod | null | undefined): string | null {
  if (!p) return null;
  return p.unit === 'long_term' ? SECRECY_UNIT_TEXT.long_term : `${p.amount ?? ''}${SECRECY_UNIT_TEXT[p.unit]}`;
}

/** 密级和保密期限 as printed and registered: 秘密★1年, 机密★6个月, 绝密★长期; the 密级 alone without a period; '' when not classified. */
export function secrecyMark(classification: Classification, period: SecrecyPeriod | null | undefined): string {
  if (!isClassified(classification)) return '';
  const text = formatSecrecyPeriod(period);
  return text ? `${CLASSIFICATION_LABELS[classification]}★${text}` : CLASSIFICATION_LABELS[classification];
}

/** The period as two columns (unit, amount) and back. */
export function secrecyColumns(p: SecrecyPeriod | null | undefined): { secrecyUnit: SecrecyUnit | null; secrecyAmount: number | null } {
  return { secrecyUnit: p?.unit ?? null, secrecyAmount: p && p.unit !== 'long_term' ? (p.amount ?? null) : null };
}
export function secrecyOf(row: { secrecyUnit: string | null; secrecyAmount: number | null }): SecrecyPeriod | null {
  return row.secrecyUnit ? { unit: row.secrecyUnit as SecrecyUnit, amount: row.secrecyAmount } : null;
}

/** How a paper original travels: 机要交通 (the confidential courier service), 机要通信 (confidential post), 专人送达 (by hand). */
export const PAPER_CHANNELS = ['secure_courier', 'secure_post', 'by_hand'] as const;
export type PaperChannel = (typeof PAPER_CHANNELS)[number];
export const PAPER_CHANNEL_LABELS: Record<PaperChannel, string> = {
  secure_courier: '机要交通',
  secure_post: '机要通信',
  by_hand: '专人送达',
};

/** 份号: "一般用6位3号阿拉伯数字" (GB/T 9704—2012 7.2.1), counted from 000001. */
export const COPY_NUMBER_DIGITS = 6;
const COPY_NUMBER_MAX = 999_999;
const COPY_TOKEN_RE = /^(\d{6})(?:[-–—~～至](\d{6}))?$/;

/**
 * The 份号 written on a register (000011-000012、000015): six-digit numbers and ranges, separated by
 * 、 , ， ; or spaces. Each copy's number once, in the order written; null when anything is not a 份号.
 */
export function parseCopyNumbers(text: string): number[] | null {
  const tokens = text
    .trim()
    .replace(/\s*([-–—~～至])\s*/g, '$1')
    .split(/[、,，;；\s]+/)
    .filter((x) => x !== '');
  if (tokens.length === 0) return null;
  const out: number[] = [];
  const seen = new Set<number>();
  for (const token of tokens) {
    const m = COPY_TOKEN_RE.exec(token);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to < from || to > COPY_NUMBER_MAX || out.length + (to - from + 1) > 100_000) return null;
    for (let n = from; n <= to; n++) {
      if (seen.has(n)) return null;
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

const pad6 = (n: number) => String(n).padStart(COPY_NUMBER_DIGITS, '0');

/** Numbers back to the register's text, runs folded into ranges: [1,2,3,5] → 000001–000003、000005. */
export function formatCopyNumbers(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j === i ? pad6(numbers[i]!) : `${pad6(numbers[i]!)}–${pad6(numbers[j]!)}`);
    i = j + 1;
  }
  return parts.join('、');
}

/** The 份号 of a classified paper dispatch of `copies` copies, numbered per document from 000001. */
export function dispatchCopyNumbers(copies: number): string {
  return formatCopyNumbers(Array.from({ length: copies }, (_, i) => i + 1));
}

const COPY_NUMBERS_FORMAT =
  '份号为6位阿拉伯数字（GB/T 9704—2012 7.2.1），多份用“、”分隔，连续的写成 000001-000005 / Copy numbers (份号) are 6 digits (GB/T 9704-2012 7.2.1), separated by 、, a run written 000001-000005';

const copyNumbersText = safeString()
  .trim()
  .max(200)
  .refine((s) => s === '' || parseCopyNumbers(s) !== null, { message: COPY_NUMBERS_FORMAT });

/** The record rules of a classified paper entry, on the fields as submitted: what is refused and why (zod issues). */
function classifiedRecordIssues(
  v: { classification: Classification; secrecyPeriod?: SecrecyPeriod | null; copyNumbers?: string | null; copies?: number },
  ctx: z.RefinementCtx,
) {
  if (!isClassified(v.classification)) {
    if (v.secrecyPeriod)
      ctx.addIssue({
        code: 'custom',
        path: ['secrecyPeriod'],
        message:
          '非密文件没有保密期限：只有秘密、机密、绝密文件标注保密期限，请先选择密级或删去保密期限 / An unclassified document has no secrecy period: only 秘密, 机密 and 绝密 documents carry one; choose the classification or remove the period',
      });
    if (v.copyNumbers)
      ctx.addIssue({
        code: 'custom',
        path: ['copyNumbers'],
        message:
          '份号只登记在涉密文件上：非密文件请删去份号，或先选择密级 / Copy numbers (份号) are registered for classified documents only; remove them or choose the classification',
      });
    return;
  }
  const numbers = v.copyNumbers ? parseCopyNumbers(v.copyNumbers) : null;
  if (numbers && v.copies !== undefined && numbers.length !== v.copies)
    ctx.addIssue({
      code: 'custom',
      path: ['copyNumbers'],
      message: `份号有 ${numbers.length} 个，与份数 ${v.copies} 不符，请核对 / ${numbers.length} copy numbers for ${v.copies} copies; check them`,
    });
}

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'returned', 'reviewed', 'signed_off', 'numbered', 'dispatched', 'void'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: '拟稿',
  in_review: '核稿中',
  returned: '退回修改',
  reviewed: '待签发',
  signed_off: '已签发',
  numbered: '已编号',
  dispatched: '已分发',
  void: '已作废',
};

/**
 * Which statuses of an outgoing document allow which action: the one table the policy, the service
 * and the buttons read. Edits (and attachment changes) in `RESIGN_STATUSES` send it back to the signer
 * (党政机关公文处理工作条例 第二十五条).
 */
export const DOCUMENT_ACTION_STATUSES = {
  edit: ['draft', 'returned', 'reviewed', 'signed_off'],
  uploadAttachment: ['draft', 'returned', 'reviewed', 'signed_off'],
  submit: ['draft', 'returned'],
  review: ['in_review'],
  signOff: ['reviewed'],
  /** 复核 by the office after sign-off, before numbering. */
  recheck: ['signed_off'],
  number: ['signed_off'],
  dispatch: ['numbered'],
  /** 会签 runs beside the review, in parallel; sign-off waits for every countersigning org. */
  countersign: ['in_review', 'reviewed'],
  void: ['draft', 'in_review', 'returned', 'reviewed', 'signed_off', 'numbered', 'dispatched'],
  viewDeliveries: ['dispatched', 'void'],
  pdf: ['in_review', 'returned', 'reviewed', 'signed_off', 'numbered', 'dispatched', 'void'],
  /** GB/T 33480 metadata of the electronic document: once it is signed off (it has a 成文日期 and a signer). */
  metadata: ['signed_off', 'numbered', 'dispatched', 'void'],
  /** 退回 by whoever holds it now (the reviewer, the signer, the office before numbering) to a step it passed. */
  returnToDrafter: ['in_review', 'reviewed', 'signed_off'],
  returnToReview: ['reviewed', 'signed_off'],
  /** 取回 by the one who sent it on (the drafter after submitting, the reviewer after approving), before the next person acts. */
  recall: ['in_review', 'reviewed'],
  /** 加签: one more reviewer of the org, while in review. */
  addReviewer: ['in_review'],
} as const satisfies Record<string, readonly DocumentStatus[]>;
export type DocumentTransition = keyof typeof DOCUMENT_ACTION_STATUSES;
export const RESIGN_STATUSES: readonly DocumentStatus[] = ['signed_off'];

export function documentStatusAllows(action: DocumentTransition, status: DocumentStatus): boolean {
  return (DOCUMENT_ACTION_STATUSES[action] as readonly DocumentStatus[]).includes(status);
}

export const CHANNELS = ['online', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'acknowledged', 'returned', 'withdrawn'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The sender's actions on one delivery (the receipt table's buttons): 催收, 撤回, 补发 (only after a 退回). */
export const DELIVERY_SENDER_ACTIONS = ['remind', 'withdraw', 'resend'] as const;
export type DeliverySenderAction = (typeof DELIVERY_SENDER_ACTIONS)[number];

/** A pending delivery older than this is flagged in the sender's receipt table. */
export const DELIVERY_OVERDUE_HOURS = 24;

// ---- 发文字号 ------------------------------------------------------------------------------

export interface DocNumber {
  prefix: string;
  year: number;
  seq: number;
}

const PREFIX_RE = /^[\u4e00-\u9fffA-Za-z]{2,20}$/;

/** 机关代字 + 〔year〕 + sequence + 号: 清委办发〔2026〕12号 (hexagonal brackets, no leading zeros, no 第). */
export function formatDocNumber({ prefix, year, seq }: DocNumber): string {
  if (!PREFIX_RE.test(prefix)) throw new RangeError(`invalid number prefix: ${prefix}`);
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`invalid sequence: ${seq}`);
  return `${prefix}〔${year}〕${seq}号`;
}

const DOC_NUMBER_RE = /^([\u4e00-\u9fffA-Za-z]{2,20})〔(\d{4})〕([1-9]\d*)号$/;

/** The inverse of formatDocNumber; null for anything that breaks the rule (〔〕 only, no leading zero, no 第). */
export function parseDocNumber(text: string): DocNumber | null {
  const m = DOC_NUMBER_RE.exec(text);
  if (!m) return null;
  const prefix = m[1]!;
  if (prefix.endsWith('第')) return null;
  const year = Number(m[2]);
  if (year < 1949) return null;
  return { prefix, year, seq: Number(m[3]) };
}

/** 收文编号 per org and year: 收〔2026〕7号. */
export function formatIncomingSerial(year: number, seq: number): string {
  return `收〔${year}〕${seq}号`;
}

/** 成文日期 in Chinese: 2026年1月5日 (no leading zeros). `isoDate` is YYYY-MM-DD. */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new RangeError(`invalid date: ${isoDate}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

// ---- payloads ----------------------------------------------------------------------------

export const TITLE_MAX = 200;
export const BODY_MAX = 100_000;
const orgIds = z.array(z.uuid()).max(5000);
/** Recipient groups the county office keeps: a document names a few. */
const groupIds = z.array(z.uuid()).max(50);
/** 联合行文 "单位不宜过多": a handful of co-issuing orgs. */
export const COUNTERSIGN_MAX = 10;
const countersignOrgIds = z.array(z.uuid()).max(COUNTERSIGN_MAX);

export const documentDraftSchema = z
  .object({
    docType: z.enum(DOC_TYPES),
    title: safeString().trim().min(1).max(TITLE_MAX),
    body: safeString().max(BODY_MAX).nullable().optional(),
    /** 主送 one by one and as groups (各乡镇（区）党委、政府): at least one of them (checked by the server, which expands the groups). */
    mainRecipientOrgIds: orgIds.default([]),
    copyRecipientOrgIds: orgIds.default([]),
    mainRecipientGroupIds: groupIds.default([]),
    copyRecipientGroupIds: groupIds.default([]),
    urgency: z.enum(URGENCIES).default('none'),
    classification: z.enum(CLASSIFICATIONS).default('none'),
    attachmentNote: safeString().trim().max(1000).nullable().optional(),
    remark: safeString().trim().max(500).nullable().optional(),
    /** 重要公文: signed by the principal leader (条例 第二十二条). */
    important: z.boolean().default(false),
    /** Co-issuing orgs (联合行文) whose leaders countersign (会签) before sign-off. */
    countersignOrgIds: countersignOrgIds.default([]),
    /** 保密期限 of a classified draft (printed 秘密★1年). */
    secrecyPeriod: secrecyPeriodSchema.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    classifiedRecordIssues(v, ctx);
    if (v.mainRecipientOrgIds.length === 0 && v.mainRecipientGroupIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['mainRecipientOrgIds'], message: 'at least one main recipient (an org or a group)' });
  });
export type DocumentDraft = z.infer<typeof documentDraftSchema>;

export const documentUpdateSchema = z
  .object({
    docType: z.enum(DOC_TYPES).optional(),
    title: safeString().trim().min(1).max(TITLE_MAX).optional(),
    body: safeString().max(BODY_MAX).nullable().optional(),
    mainRecipientOrgIds: orgIds.optional(),
    copyRecipientOrgIds: orgIds.optional(),
    mainRecipientGroupIds: groupIds.optional(),
    copyRecipientGroupIds: groupIds.optional(),
    urgency: z.enum(URGENCIES).optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    attachmentNote: safeString().trim().max(1000).nullable().optional(),
    remark: safeString().trim().max(500).nullable().optional(),
    important: z.boolean().optional(),
    countersignOrgIds: countersignOrgIds.optional(),
    secrecyPeriod: secrecyPeriodSchema.nullable().optional(),
  })
  .strict();
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

export const reviewSchema = z
  .object({ decision: z.enum(['approve', 'return']), comment: safeString().trim().max(1000).default('') })
  .strict();
/** 会签: the co-issuing org's leader approves or returns the draft, with an opinion either way. */
export const countersignSchema = z
  .object({ decision: z.enum(['approve', 'return']), opinion: safeString().trim().min(1).max(1000) })
  .strict();
export const COUNTERSIGN_STATUSES = ['pending', 'approved', 'returned'] as const;
export type CountersignStatus = (typeof COUNTERSIGN_STATUSES)[number];
export const signOffSchema = z.object({ opinion: safeString().trim().min(1).max(1000) }).strict();
export const dispatchSchema = z
  .object({
    channel: z.enum(CHANNELS),
    /** Paper: copies printed and their 份号 (e.g. "000001-000030"); a classified document's are numbered by the server. */
    copies: z.number().int().min(1).max(100_000).optional(),
    copyNumbers: copyNumbersText.optional(),
    /** Paper: 机要交通, 机要通信 or 专人送达. */
    paperChannel: z.enum(PAPER_CHANNELS).optional(),
    sentDate: safeString()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.channel === 'online' && v.paperChannel)
      ctx.addIssue({
        code: 'custom',
        path: ['paperChannel'],
        message: '网上分发没有纸质递送方式，请删去递送方式 / An online dispatch has no paper channel; remove it',
      });
  });
export const voidSchema = z.object({ reason: safeString().trim().min(1).max(500) }).strict();
/** 退回 to an earlier step: to the drafter (status returned) or back to the review (in_review). */
export const RETURN_TARGETS = ['drafter', 'review'] as const;
export type ReturnTarget = (typeof RETURN_TARGETS)[number];
export const returnSchema = z.object({ to: z.enum(RETURN_TARGETS), reason: safeString().trim().min(1).max(500) }).strict();
/** 加签: the added reviewer of the same org, with a note to them. */
export const addReviewerSchema = z.object({ userId: z.uuid(), note: safeString().trim().max(500).default('') }).strict();
/** The kinds of step document_flow_steps keeps (1200_document_flow.sql). */
export const FLOW_STEP_KINDS = ['return', 'recall', 'addReviewer'] as const;
export type FlowStepKind = (typeof FLOW_STEP_KINDS)[number];

/**
 * 流转记录 of the drafting slip: every step the document went through (拟稿 … 分发, and each 退回, 取回,
 * 加签 and 修改 on the way), read from the document's audit trail, where every write is recorded.
 * The step is the slip's box the action belongs to, the action what was done there.
 */
export const FLOW_RECORD_STEPS = ['draft', 'review', 'countersign', 'signOff', 'recheck', 'number', 'dispatch', 'void'] as const;
export type FlowRecordStep = (typeof FLOW_RECORD_STEPS)[number];
export const FLOW_RECORD_STEP_LABELS: Record<FlowRecordStep, string> = {
  draft: '拟稿',
  review: '核稿',
  countersign: '会签',
  signOff: '签发',
  recheck: '复核',
  number: '编号',
  dispatch: '分发',
  void: '作废',
};
export const FLOW_RECORD_ACTIONS = [
  'create',
  'submit',
  'edit',
  'editResign',
  'approve',
  'reviewReturn',
  'addReviewer',
  'agree',
  'countersignReturn',
  'signOff',
  'recheck',
  'number',
  'dispatch',
  'void',
  'return',
  'recall',
] as const;
export type FlowRecordAction = (typeof FLOW_RECORD_ACTIONS)[number];
export const FLOW_RECORD_ACTION_LABELS: Record<FlowRecordAction, string> = {
  create: '起草',
  submit: '提交',
  edit: '修改',
  editResign: '实质性修改（退回原签发人复审）',
  approve: '核稿通过',
  reviewReturn: '核稿退回',
  addReviewer: '加签',
  agree: '会签同意',
  countersignReturn: '会签退回',
  signOff: '签发',
  recheck: '复核',
  number: '编号',
  dispatch: '分发',
  void: '作废',
  return: '退回',
  recall: '取回',
};
/** The step a document at `status` waits for (the box a 退回, 取回, 修改 or 作废 there belongs to). */
export function flowStepOfStatus(status: DocumentStatus | null | undefined): FlowRecordStep {
  switch (status) {
    case 'in_review':
      return 'review';
    case 'reviewed':
      return 'signOff';
    case 'signed_off':
      return 'recheck';
    case 'numbered':
    case 'dispatched':
      return 'dispatch';
    case 'void':
      return 'void';
    default:
      return 'draft';
  }
}

export const reasonSchema = z.object({ reason: safeString().trim().min(1).max(500) }).strict();
export const noteSchema = z.object({ note: safeString().trim().max(500).default('') }).strict();

export const incomingPaperSchema = z
  .object({
    senderOrgId: z.uuid().nullable().optional(),
    senderName: safeString().trim().min(1).max(100),
    docNumber: safeString().trim().max(60).nullable().optional(),
    title: safeString().trim().min(1).max(TITLE_MAX),
    docType: z.enum(DOC_TYPES).nullable().optional(),
    urgency: z.enum(URGENCIES).default('none'),
    classification: z.enum(CLASSIFICATIONS).default('none'),
    copies: z.number().int().min(1).max(10_000).default(1),
    /** 份号 of the copies received, each 6 digits (GB/T 9704—2012 7.2.1): classified entries only. */
    copyNumbers: copyNumbersText.nullable().optional(),
    /** 保密期限 beside the 密级 (秘密★1年): classified entries only. */
    secrecyPeriod: secrecyPeriodSchema.nullable().optional(),
    /** How the paper came: 机要交通, 机要通信, 专人送达. */
    paperChannel: z.enum(PAPER_CHANNELS).nullable().optional(),
    receivedDate: safeString().regex(/^\d{4}-\d{2}-\d{2}$/),
    body: safeString().max(BODY_MAX).nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => classifiedRecordIssues(v, ctx));
export type IncomingPaper = z.infer<typeof incomingPaperSchema>;

export const INCOMING_STATUSES = [
  'received',
  'returned',
  'circulating',
  'accepted',
  'proposed',
  'instructed',
  'in_progress',
  'closed',
] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export const INCOMING_STATUS_LABELS: Record<IncomingStatus, string> = {
  received: '待初审',
  returned: '已退回',
  circulating: '传阅中',
  accepted: '待拟办',
  proposed: '已拟办',
  instructed: '已批示',
  in_progress: '承办中',
  closed: '已办结',
};

/** Which statuses of an incoming entry allow which step of the 文件处理笺. */
export const INCOMING_ACTION_STATUSES = {
  screen: ['received'],
  circulate: ['circulating'],
  read: ['circulating'],
  propose: ['accepted', 'proposed'],
  instruct: ['proposed'],
  assign: ['instructed', 'in_progress'],
  remind: ['in_progress'],
  close: ['in_progress'],
  reply: ['closed'],
} as const satisfies Record<string, readonly IncomingStatus[]>;
export type IncomingTransition = keyof typeof INCOMING_ACTION_STATUSES;

export function incomingStatusAllows(action: IncomingTransition, status: IncomingStatus): boolean {
  return (INCOMING_ACTION_STATUSES[action] as readonly IncomingStatus[]).includes(status);
}

export const screenSchema = z
  .object({ decision: z.enum(['read', 'act', 'return']), reason: safeString().trim().max(500).optional() })
  .strict();
export const circulateSchema = z.object({ userIds: z.array(z.uuid()).min(1).max(100) }).strict();
export const proposeSchema = z.object({ proposal: safeString().trim().min(1).max(1000) }).strict();
const isoDate = safeString().regex(/^\d{4}-\d{2}-\d{2}$/);
/** 批示; naming the handlers here assigns them at once and notifies them. */
export const instructSchema = z
  .object({
    instruction: safeString().trim().min(1).max(1000),
    handlerIds: z.array(z.uuid()).min(1).max(20).optional(),
    deadline: isoDate.nullable().optional(),
  })
  .strict();
export const assignSchema = z
  .object({
    handlerIds: z.array(z.uuid()).min(1).max(20),
    deadline: safeString()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .optional(),
  })
  .strict();
export const closeSchema = z.object({ result: safeString().trim().min(1).max(2000) }).strict();
/** 答复 creates the reply (复文) as an outgoing draft to the sender; its title may be given, else it is made from the original's. */
export const replySchema = z.object({ title: safeString().trim().min(1).max(TITLE_MAX).optional() }).strict();

/** The reply's type and title from the original's: 请示 → 批复, anything else → 复函 (a 函). */
export function replyDraftOf(original: { title: string; docType: string | null; docNumber: string | null; senderName: string }): {
  docType: DocType;
  title: string;
  body: string;
} {
  const core = original.title.replace(/^关于/, '').replace(/的(请示|函|报告|通知|意见)$/, '');
  const approval = original.docType === '请示';
  const quoted = `《${original.title}》${original.docNumber ? `（${original.docNumber}）` : ''}`;
  return {
    docType: approval ? '批复' : '函',
    title: `关于${core}的${approval ? '批复' : '复函'}`,
    body: `${original.senderName}：\n你单位${quoted}收悉。经研究，现答复如下：`,
  };
}

const dateQ = safeString().regex(/^\d{4}-\d{2}-\d{2}$/);
const yearQ = z.coerce.number().int().min(2000).max(2100);
/**
 * The orders of the 发文登记本: by 成文日期, newest first (the default) or oldest first, or by
 * 发文字号 (year, then prefix, then number, newest first).
 */
export const OUTGOING_REGISTER_SORTS = ['written', 'writtenAsc', 'number'] as const;
export const registerFormat = z.enum(['json', 'xlsx', 'pdf']).default('json');
export const outgoingRegisterQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    orgId: z.uuid().optional(),
    year: yearQ.optional(),
    from: dateQ.optional(),
    to: dateQ.optional(),
    docType: z.enum(DOC_TYPES).optional(),
    channel: z.enum(CHANNELS).optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    q: safeString().trim().max(50).optional(),
    format: registerFormat,
    sort: sortQuery(OUTGOING_REGISTER_SORTS),
  })
  .strict();
export type OutgoingRegisterQuery = z.infer<typeof outgoingRegisterQuery>;
/** The orders a 收文 list can be read in: by receiving date (newest first) or by 收文编号 (the register's order). */
export const INCOMING_SORTS = ['received', 'serial'] as const;
export const incomingRegisterQuery = outgoingRegisterQuery
  .omit({ docType: true })
  .extend({ status: z.enum(INCOMING_STATUSES).optional(), sort: z.enum(INCOMING_SORTS).default('serial') })
  .strict();
/** GET /api/incoming: the entries list takes the register's filters, newest first unless asked otherwise. */
export const incomingListQuery = incomingRegisterQuery
  .omit({ format: true, orgId: true })
  .extend({ pageSize: z.coerce.number().int().min(1).max(200).default(20), sort: z.enum(INCOMING_SORTS).default('received') })
  .strict();
export type IncomingListQuery = z.infer<typeof incomingListQuery>;

/** The orders of the outgoing documents list: by 拟稿 time, newest first (the default) or oldest first. */
export const DOCUMENT_SORTS = ['drafted', 'draftedAsc'] as const;
/** GET /api/documents: year and from/to are the county's days of drafting; orgId narrows a county account's view to one office. */
export const documentListQuery = pageQuerySchema
  .extend({
    status: z.enum(DOCUMENT_STATUSES).optional(),
    orgId: z.uuid().optional(),
    year: yearQ.optional(),
    from: dateQ.optional(),
    to: dateQ.optional(),
    sort: sortQuery(DOCUMENT_SORTS),
  })
  .strict();
export type DocumentListQuery = z.infer<typeof documentListQuery>;

/** The orders of the inbox: by first delivery, newest first (the default) or oldest first. */
export const INBOX_SORTS = ['delivered', 'deliveredAsc'] as const;
/** GET /api/inbox: year and from/to are the county's days of delivery. */
export const inboxQuery = pageQuerySchema
  .extend({
    status: z.enum(DELIVERY_STATUSES).optional(),
    year: yearQ.optional(),
    from: dateQ.optional(),
    to: dateQ.optional(),
    sort: sortQuery(INBOX_SORTS),
  })
  .strict();
export type InboxQuery = z.infer<typeof inboxQuery>;
export type IncomingRegisterQuery = z.infer<typeof incomingRegisterQuery>;
