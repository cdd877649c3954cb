import { z } from 'zod';

/**
 * Why every client string goes through `safeString()`: PostgreSQL refuses U+0000 in text (a 500
 * when it reaches the database) and silently turns an unpaired UTF-16 surrogate into U+FFFD (the
 * clerk's text changes without notice). Both are refused at the edge instead, with the catalogued
 * UNSTORABLE_TEXT error. A lint rule (eslint.config.js) forbids plain `z.string()` in the domain
 * schemas and the route files, so a new schema cannot forget it.
 */
export const UNSTORABLE_TEXT = 'unstorable_text';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store the string exactly as given: no NUL, no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  if (s.includes('\u0000')) return false;
  const wellFormed = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof wellFormed === 'function' ? wellFormed.call(s) : !LONE_SURROGATE.test(s);
}

/** The one string type of every schema: z.string() that refuses what PostgreSQL cannot store. */
export function safeString() {
  // eslint-disable-next-line no-restricted-syntax -- the one definition the lint rule points everyone to
  return z.string().refine(isStorableText, {
    message: '文本中含有无法保存的字符 / the text contains characters that cannot be stored',
    params: { reason: UNSTORABLE_TEXT },
    abort: true,
  });
}

export const idParamSchema = z.object({ id: z.uuid() }).strict();

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/**
 * A list's `sort` query parameter (issue 14: every list takes one): one of the list's named orders,
 * each served by an index county-wide and per office; the default is the register's usual order.
 * Named orders, not free column names, so that no request can ask for an order no index serves.
 *
 *   export const VISIT_SORTS = ['date', 'dateAsc'] as const;
 *   visitListQuerySchema = pageQuerySchema.extend({ sort: sortQuery(VISIT_SORTS) })
 */
export function sortQuery<const T extends readonly [string, ...string[]]>(orders: T, byDefault: T[number] = orders[0]) {
  return z.enum(orders).default(byDefault as never);
}

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const errorBodySchema = z.object({
  error: z.object({ code: safeString(), message: safeString(), requestId: safeString().optional(), details: z.unknown().optional() }),
});

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
