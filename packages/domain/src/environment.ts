/**
 * Work environment (规范工作环境): three rooms, equipment, funding, rules; and posts to persons.
 */
import { z } from 'zod';
import { safeString } from './common.ts';
import { isoDateSchema } from './personnel.ts';

export const ROOM_KINDS = ['office', 'reception', 'archive'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export const ROOM_KIND_LABELS: Record<RoomKind, string> = { office: '办公室', reception: '接待室', archive: '档案室' };
export const ROOM_STATUSES = ['built', 'renovated', 'missing'] as const;
export const ROOM_STATUS_LABELS: Record<(typeof ROOM_STATUSES)[number], string> = { built: '新建', renovated: '改造', missing: '未建' };

export const EXPENSE_CATEGORIES = ['telephone', 'printing', 'office_supplies', 'equipment_repair', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export const EXPENSE_CATEGORY_LABELS: Record<ExpenseCategory, string> = {
  telephone: '电话费',
  printing: '印刷费',
  office_supplies: '办公用品购置费',
  equipment_repair: '办公设备维修费',
  other: '其他',
};

export const RULE_KINDS = ['attendance', 'duty', 'petition_reception', 'study', 'confidentiality', 'info_reporting'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  attendance: '上班制度',
  duty: '值班制度',
  petition_reception: '来信来访接待制度',
  study: '学习制度',
  confidentiality: '保密制度',
  info_reporting: '信息报送制度',
};

export const POSTS = ['writing', 'duty_reception', 'archives'] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, string> = { writing: '文秘写作', duty_reception: '值班接待', archives: '档案管理' };

export const roomUpsertSchema = z
  .object({
    orgId: z.uuid(),
    kind: z.enum(ROOM_KINDS),
    status: z.enum(ROOM_STATUSES),
    areaM2: z.number().positive().max(10_000).nullable(),
    inUseSince: isoDateSchema.nullable().default(null),
    note: safeString().trim().max(500).default(''),
  })
  .strict()
  .refine((r) => r.status === 'missing' || r.areaM2 !== null, {
    message: '已建成的房间须填写面积 / give the area of a room that exists',
    path: ['areaM2'],
  });

export const equipmentUpsertSchema = z
  .object({
    orgId: z.uuid(),
    computers: z.number().int().min(0).max(1000),
    printers: z.number().int().min(0).max(1000),
    docSystemAccess: z.boolean(),
    note: safeString().trim().max(500).default(''),
  })
  .strict();

export const expenseUpsertSchema = z
  .object({
    orgId: z.uuid(),
    year: z.number().int().min(2000).max(2100),
    category: z.enum(EXPENSE_CATEGORIES),
    amountYuan: z.number().min(0, '金额不能为负 / amount cannot be negative').max(100_000_000).multipleOf(0.01),
    note: safeString().trim().max(500).default(''),
  })
  .strict();

export const ruleAdoptSchema = z
  .object({
    orgId: z.uuid(),
    kind: z.enum(RULE_KINDS),
    title: safeString().trim().min(2).max(100),
    body: safeString().trim().min(10).max(50_000),
    adoptedOn: isoDateSchema,
  })
  .strict();

export const ruleDocumentCreateSchema = z
  .object({ title: safeString().trim().min(2).max(100), body: safeString().trim().min(10).max(50_000), issuedOn: isoDateSchema })
  .strict();

export const postAssignSchema = z.object({ orgId: z.uuid(), post: z.enum(POSTS), staffId: z.uuid(), since: isoDateSchema }).strict();

export function equipmentOk(e: { computers: number; printers: number; docSystemAccess: boolean } | null | undefined): boolean {
  return !!e && e.computers >= 1 && e.printers >= 1 && e.docSystemAccess;
}

/** Year-on-year change as a fraction (0.06 = +6%); null without a previous year. */
export function yearOnYear(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
