/**
 * Chinese-aware text for search: fold traditional to simplified (OpenCC) and case, then segment
 * into words with `Intl.Segmenter('zh')`, so 防汛物資 and 防汛物资 give the same words 防汛 | 物资.
 * Only word-like segments count: punctuation and tsquery operators (& | ! : * ( )) never reach SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import * as OpenCC from 'opencc-js';

// Built at the first search or indexing, not at start-up (the dictionaries take a few hundred ms).
let toSimplified: ((text: string) => string) | undefined;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function foldText(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }) as (text: string) => string);
  return convert(text.normalize('NFKC')).toLowerCase();
}

/** The distinct words of a text, folded, in order of first appearance. */
export function searchWords(text: string, max = 2000): string[] {
  const out = new Set<string>();
  for (const s of segmenter.segment(foldText(text))) {
    if (!s.isWordLike) continue;
    out.add(s.segment);
    if (out.size >= max) break;
  }
  return [...out];
}

/** One record as search shows it; `body` is what the words come from besides the title (never a phone or an ID number). */
export interface SearchDoc {
  recordId: string;
  orgId: string;
  year: number | null;
  status: string | null;
  title: string;
  body: string;
  href: string;
}

/**
 * A module's records for the search index: one small function per register, in `<module>.search.ts`.
 * `ids` are the records the writes marked (search_dirty, migration 1180); null asks for all of them
 * (the full rebuild). A marked record the source no longer returns is dropped from the index.
 */
export interface SearchSource {
  module: string;
  docs(db: import('../db/client.ts').DbOrTx, ids: readonly string[] | null): Promise<SearchDoc[]>;
}

/** `WHERE <column> = ANY (ids)`, or nothing for the full rebuild: each source's one filter. */
export function onlyIds(column: string, ids: readonly string[] | null): SQL {
  return ids === null ? sql`` : sql`WHERE ${sql.raw(column)} = ANY (${`{${ids.join(',')}}`}::uuid[])`;
}
