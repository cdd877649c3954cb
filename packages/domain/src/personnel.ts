/**
 * Team (队伍): leaders in charge (分管领导) and staff filing (人员备案). Pure rules and the API
 * contracts shared by server and web.
 */
import { z } from 'zod';
import { safeString } from './common.ts';

export const GENDERS = ['male', 'female'] as const;
export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'college', 'secondary', 'junior'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  postgraduate: '研究生',
  bachelor: '大学本科',
  college: '大学专科',
  secondary: '中专/高中',
  junior: '初中及以下',
};
export const POLITICAL_STATUSES = ['cpc_member', 'cpc_probationary', 'cyl_member', 'democratic_party', 'masses'] as const;
export const POLITICAL_LABELS: Record<(typeof POLITICAL_STATUSES)[number], string> = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};
export const FILING_KINDS = ['join', 'leave', 'transfer', 'particulars'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  join: '新进',
  leave: '调离/离岗',
  transfer: '乡镇间调动',
  particulars: '信息变更',
};
export const FILING_STATES = ['submitted', 'acknowledged', 'returned'] as const;

/** The article's rule: each township names 2–3 dedicated office staff. */
export const STAFF_MIN = 2;
export const STAFF_MAX = 3;
/** Days after a change within which its filing is on time, unless the county configures otherwise. */
export const DEFAULT_FILING_DEADLINE_DAYS = 15;

export const AGE_BANDS = ['under30', '30to39', '40to49', '50plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under30: '30岁以下',
  '30to39': '30–39岁',
  '40to49': '40–49岁',
  '50plus': '50岁及以上',
};
export const TENURE_BANDS = ['under1', '1to3', '3to5', '5plus'] as const;
export type TenureBand = (typeof TENURE_BANDS)[number];
export const TENURE_BAND_LABELS: Record<TenureBand, string> = { under1: '不满1年', '1to3': '1–3年', '3to5': '3–5年', '5plus': '5年以上' };

const isoDate = safeString()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / use YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期 / not a calendar date',
  );
export const isoDateSchema = isoDate;

/** Full years between two ISO dates (birthday arithmetic on calendar days, no time zones). */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export function ageBand(birthDate: string, onDate: string): AgeBand {
  const age = fullYearsBetween(birthDate, onDate);
  if (age < 30) return 'under30';
  if (age < 40) return '30to39';
  if (age < 50) return '40to49';
  return '50plus';
}

export function tenureBand(startDate: string, onDate: string): TenureBand {
  const years = fullYearsBetween(startDate, onDate);
  if (years < 1) return 'under1';
  if (years < 3) return '1to3';
  if (years < 5) return '3to5';
  return '5plus';
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A filing is late when it reaches the county more than `deadlineDays` after the change. */
export function isFilingLate(changeDate: string, filedOn: string, deadlineDays: number): boolean {
  return daysBetween(changeDate, filedOn) > deadlineDays;
}

/** 18-digit resident ID (GB 11643): 17 digits and a check character from the ISO 7064 MOD 11-2 sum. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** Compute the check character, for generating demo and test ID numbers. */
export function idNumberWithCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Each particular's rule, without defaults: a change of particulars must not fill in what it does not name. */
const particularFields = {
  name: safeString().trim().min(2).max(30),
  idNumber: safeString().trim().toUpperCase().refine(isValidIdNumber, '身份证号码无效 / invalid ID number'),
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  ethnicity: safeString().trim().min(1).max(20),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  education: z.enum(EDUCATION_LEVELS),
  major: safeString().trim().max(60),
  post: safeString().trim().min(1).max(40),
  officeRole: safeString().trim().min(1).max(40),
  phone: safeString()
    .trim()
    .regex(/^[0-9-]{7,20}$/, '电话号码应为 7–20 位数字或连字符 / a phone number is 7–20 digits or hyphens'),
  startDate: isoDate,
};

/** A new member's particulars: everything but the major is required. */
export const staffParticularsSchema = z.object({ ...particularFields, major: particularFields.major.default('') }).strict();
export type StaffParticulars = z.infer<typeof staffParticularsSchema>;

/**
 * A change of particulars names only the fields that changed (at least one); every other field of the
 * person stays as filed. No defaults here: a default would overwrite the stored value (the 专业 was
 * erased this way by every 信息变更). The ID number is the person's key and is not changed by a filing.
 */
export const particularsChangeSchema = z
  .object(particularFields)
  .omit({ idNumber: true })
  .partial()
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), '请至少填写一项变更的信息 / name at least one particular that changed');
export type ParticularsChange = z.infer<typeof particularsChangeSchema>;
/** The particulars a change of particulars may name, in the form's order. */
export const CHANGEABLE_PARTICULARS = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'politicalStatus',
  'education',
  'major',
  'post',
  'officeRole',
  'phone',
  'startDate',
] as const satisfies readonly (keyof ParticularsChange)[];

export const filingCreateSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('join'),
      changeDate: isoDate,
      particulars: staffParticularsSchema,
      reason: safeString().trim().min(2).max(500).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('leave'), changeDate: isoDate, staffId: z.uuid(), reason: safeString().trim().min(2).max(500) }).strict(),
  z
    .object({
      kind: z.literal('transfer'),
      changeDate: isoDate,
      staffId: z.uuid(),
      toOrgId: z.uuid(),
      reason: safeString().trim().max(500).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('particulars'),
      changeDate: isoDate,
      staffId: z.uuid(),
      particulars: particularsChangeSchema,
    })
    .strict(),
]);
export type FilingCreate = z.infer<typeof filingCreateSchema>;

export const filingDecisionSchema = z.union([
  z.object({ decision: z.literal('acknowledge') }).strict(),
  z.object({ decision: z.literal('return'), reason: safeString().trim().min(2).max(500) }).strict(),
]);

/**
 * A township's (new) leader in charge. `userId` links the record to the leader's account (the name
 * is then the account's); without an account the name is written out.
 */
export const leaderAssignSchema = z
  .object({
    orgId: z.uuid(),
    userId: z.uuid().optional(),
    name: safeString().trim().min(2).max(30).optional(),
    position: safeString().trim().min(2).max(40),
    since: isoDate,
    familiar: z.boolean(),
    basis: safeString().trim().max(500).default(''),
  })
  .strict()
  .refine((v) => v.userId !== undefined || v.name !== undefined, {
    message: '请选择分管领导的账号或填写姓名 / pick the leader’s account or write the name',
    path: ['userId'],
  })
  .refine((v) => !v.familiar || v.basis.length >= 2, {
    message: '熟悉办公室业务须写明依据 / state the basis for "familiar"',
    path: ['basis'],
  });
export type LeaderAssign = z.infer<typeof leaderAssignSchema>;

export const filingDeadlineSchema = z.object({ days: z.number().int().min(1).max(365) }).strict();

/** Whether a township's designated staff count is within the article's 2–3. */
export function staffCountStatus(n: number): 'ok' | 'under' | 'over' {
  if (n < STAFF_MIN) return 'under';
  if (n > STAFF_MAX) return 'over';
  return 'ok';
}

/** Columns of the staff import sheet and export, in order (the header row must match exactly). */
export const STAFF_SHEET_COLUMNS = [
  { key: 'orgCode', header: '单位代码' },
  { key: 'name', header: '姓名' },
  { key: 'idNumber', header: '身份证号' },
  { key: 'gender', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'ethnicity', header: '民族' },
  { key: 'politicalStatus', header: '政治面貌' },
  { key: 'education', header: '学历' },
  { key: 'major', header: '专业' },
  { key: 'post', header: '职务' },
  { key: 'officeRole', header: '办公室岗位' },
  { key: 'phone', header: '联系电话' },
  { key: 'startDate', header: '到岗日期' },
] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };
/** Import limits: a sheet is a county's staff list, not a data dump. */
export const STAFF_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const STAFF_IMPORT_MAX_ROWS = 2000;

export function labelToKey<K extends string>(labels: Record<K, string>, label: string): K | undefined {
  const t = label.trim();
  return (Object.keys(labels) as K[]).find((k) => labels[k] === t || k === t);
}
