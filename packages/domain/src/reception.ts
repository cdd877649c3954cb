import { z } from 'zod';
import { safeString } from './common.ts';
import { isoDaySchema } from './holidays.ts';
import { EXPORT_FORMATS } from './print.ts';

/**
 * Visitor reception (来客接待). The register keeps what the rules on official reception ask of a
 * 接待清单 (党政机关国内公务接待管理规定 第十三条 / 第十五条): the visiting unit and visitors, the
 * official letter (公函) the visit came with, the activities, place and time, and each cost.
 */
export const COST_CATEGORIES = ['meals', 'accommodation', 'transport', 'venue', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  meals: '用餐',
  accommodation: '住宿',
  transport: '交通',
  venue: '场地',
  other: '其他',
};

const text = (max: number) => safeString().trim().min(1).max(max);

export const costItemSchema = z
  .object({
    category: z.enum(COST_CATEGORIES),
    description: safeString().trim().max(100).default(''),
    amount: z.number().min(0).max(1_000_000).multipleOf(0.01),
  })
  .strict();

const visitFields = {
  visitDate: isoDaySchema,
  visitingUnit: text(100),
  visitorNames: z.array(text(40)).min(1).max(100),
  visitorCount: z.number().int().min(1).max(1000),
  purpose: text(500),
  letterRef: safeString().trim().max(100).optional(),
  hostName: text(40),
  arrangements: safeString().trim().max(2000).default(''),
  costItems: z.array(costItemSchema).max(30).default([]),
};

export const visitCreateSchema = z
  .object(visitFields)
  .strict()
  .refine((v) => v.visitorCount >= v.visitorNames.length, {
    message: '来访人数不能少于所填姓名数 / the visitor count cannot be less than the number of names',
    path: ['visitorCount'],
  });
export type VisitCreate = z.infer<typeof visitCreateSchema>;

export const visitUpdateSchema = z
  .object({
    visitDate: visitFields.visitDate.optional(),
    visitingUnit: visitFields.visitingUnit.optional(),
    visitorNames: visitFields.visitorNames.optional(),
    visitorCount: visitFields.visitorCount.optional(),
    purpose: visitFields.purpose.optional(),
    letterRef: visitFields.letterRef,
    hostName: visitFields.hostName.optional(),
    arrangements: safeString().trim().max(2000).optional(),
    costItems: z.array(costItemSchema).max(30).optional(),
  })
  .strict();
export type VisitUpdate = z.infer<typeof visitUpdateSchema>;

export const visitVoidSchema = z.object({ reason: text(200) }).strict();

export const visitListQuerySchema = z
  .object({
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    q: safeString().trim().max(40).optional(),
    orgId: z.uuid().optional(),
    includeVoid: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    format: z.enum(EXPORT_FORMATS).default('json'),
  })
  .strict();

/** Cost totals in fen, so sums of yuan amounts stay exact. */
export function totalCost(items: readonly { amount: number }[]): number {
  return items.reduce((fen, i) => fen + Math.round(i.amount * 100), 0) / 100;
}
