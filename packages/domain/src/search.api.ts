/** Contracts of the one search over every register: GET /api/search. */
import { z } from 'zod';
import { safeString } from './common.ts';
import { SEARCH_QUERY_MAX } from './search-limits.ts';

export const SEARCH_MODULES = ['outgoing', 'incoming', 'information', 'meetings', 'followUps', 'petitions', 'archives', 'duty'] as const;
export type SearchModule = (typeof SEARCH_MODULES)[number];

export { SEARCH_QUERY_MAX };

export const searchQuerySchema = z
  .object({
    q: safeString().trim().min(1).max(SEARCH_QUERY_MAX),
    module: z.enum(SEARCH_MODULES).optional(),
    year: z.coerce.number().int().min(1949).max(9999).optional(),
    orgId: z.uuid().optional(),
    status: safeString().trim().max(40).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  module: z.enum(SEARCH_MODULES),
  recordId: z.uuid(),
  title: safeString(),
  /** A stretch of the text around the first match. */
  snippet: safeString(),
  href: safeString(),
  year: z.number().int().nullable(),
  orgName: safeString(),
  /** The folded query words, for the web to highlight in title and snippet. */
  highlights: z.array(safeString()),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** `total` is exact up to SEARCH_COUNT_CAP; beyond it `totalExact` is false and `total` is the cap ("1,000 条以上"). */
export const SEARCH_COUNT_CAP = 1000;
export const searchResultSchema = z.object({ total: z.number().int(), totalExact: z.boolean(), items: z.array(searchHitSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
