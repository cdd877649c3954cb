/**
 * Pages of the 收文 lists (the entries list and the 收文登记本) at any size, each query served by an
 * index (migration 1000): the order of every sort has an index county-wide and per office, so page 1
 * reads 20 index entries; the total is counted exactly up to EXACT_COUNT_LIMIT rows (an index-only
 * scan of at most that many entries) and beyond it is the planner's estimate, flagged `totalExact:
 * false`, never a window over every row. The keyword is matched on title, 来文字号 and 来文机关 with
 * the character-bigram GIN index `incoming_keyword_idx` (pg_trgm cannot serve a two-character
 * Chinese word: measured in docs/benchmarks.md).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { plannerRows, uuidArray } from '../../db/sql.ts';
import type { INCOMING_SORTS } from '@township-office/domain/documents';

export type IncomingSort = (typeof INCOMING_SORTS)[number];

export interface IncomingFilter {
  /** null: every org (the county's view); otherwise only these. */
  orgIds: string[] | null;
  year?: number;
  from?: string;
  to?: string;
  channel?: string;
  classification?: string;
  status?: string;
  q?: string;
  sort?: IncomingSort;
}

/** Exact totals up to this many rows; beyond, the planner's estimate. */
export const EXACT_COUNT_LIMIT = 1000;
/** How many entries, newest first in the page's order, a keyword page reads before it asks the keyword index instead. */
export const KEYWORD_WALK = 2000;

const ORDER: Record<IncomingSort, SQL> = {
  // incoming_received_idx / incoming_org_received_idx
  received: sql`i.received_date DESC, i.serial_seq DESC, i.id DESC`,
  // incoming_register_idx / the unique (org_id, serial_year, serial_seq) read backwards
  serial: sql`i.serial_year DESC, i.org_id, i.serial_seq DESC`,
};

const KEYWORD_TEXT = sql`(i.title || ' ' || coalesce(i.doc_number, '') || ' ' || i.sender_name)`;
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ilikeMatch = (q: string) => sql`${KEYWORD_TEXT} ILIKE ${like(q)}`;

/** The distinct lower-cased character bigrams of a keyword, as `incoming_bigrams` computes them. */
function bigramsOf(q: string): string[] {
  const chars = [...q.toLowerCase()];
  return [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
}

/**
 * The keyword condition: the bigram index narrows, ILIKE decides (a one-character keyword has no
 * bigram: ILIKE alone). The index is asked for `keys` only — the keyword's rarest bigrams, see
 * `indexKeys` — since every further bigram adds a posting list to intersect but rarely removes a row
 * ILIKE would not.
 */
export function keywordMatch(q: string, keys: string[] = bigramsOf(q)): SQL {
  if (keys.length === 0) return ilikeMatch(q);
  const arr = sql`ARRAY[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  return sql`(incoming_bigrams(${KEYWORD_TEXT}) @> ${arr} AND ${ilikeMatch(q)})`;
}

/** How many of a keyword's bigrams the index is asked for. */
const KEY_BIGRAMS = 3;
/** ANALYZE's statistics change only when it runs again: re-read them at most every ten minutes. */
const STATS_TTL_MS = 10 * 60_000;
const statsCache = new WeakMap<object, { at: number; freq: Map<string, number> }>();

/**
 * The frequencies ANALYZE keeps for the keyword index's expression (its most common bigrams, as a
 * share of the entries); a bigram not among them is rarer than all of them. Cached per database
 * handle; empty before the first ANALYZE.
 */
async function bigramFrequencies(db: DbOrTx): Promise<Map<string, number>> {
  const hit = statsCache.get(db);
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.freq;
  const r = await db.execute<{ e: string; f: number }>(sql`
    SELECT u.e, u.f FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
    WHERE s.schemaname = current_schema() AND s.tablename = 'incoming_keyword_idx' AND u.e IS NOT NULL`);
  const freq = new Map(r.rows.map((x) => [x.e, Number(x.f)]));
  statsCache.set(db, { at: Date.now(), freq });
  return freq;
}

/**
 * The bigrams of a keyword the index is asked for: its KEY_BIGRAMS rarest (measured at 1,000,000
 * entries, a 来文字号 like 财发〔2021〕1234号 has twelve bigrams, four of them in every entry: the index
 * took 90 ms to intersect all twelve and 3 ms for the three rarest). Without statistics, all of them.
 */
export async function indexKeys(db: DbOrTx, q: string): Promise<string[]> {
  const pairs = bigramsOf(q);
  if (pairs.length <= KEY_BIGRAMS) return pairs;
  const freq = await bigramFrequencies(db);
  if (freq.size === 0) return pairs;
  return [...pairs].sort((a, b) => (freq.get(a) ?? 0) - (freq.get(b) ?? 0)).slice(0, KEY_BIGRAMS);
}

function scope(orgIds: string[] | null): SQL | null {
  if (orgIds === null) return null;
  if (orgIds.length === 0) return sql`false`;
  // One org as an equality, so the planner sees org_id as constant and reads the per-office index in order.
  return orgIds.length === 1 ? sql`i.org_id = ${orgIds[0]}` : sql`i.org_id = ANY(${uuidArray(orgIds)})`;
}

/** The filters other than the keyword. */
export function incomingWhere(f: IncomingFilter): SQL {
  const parts = [
    scope(f.orgIds),
    f.year ? sql`i.serial_year = ${f.year}` : null,
    f.from ? sql`i.received_date >= ${f.from}` : null,
    f.to ? sql`i.received_date <= ${f.to}` : null,
    f.channel ? sql`i.channel = ${f.channel}` : null,
    f.classification ? sql`i.classification = ${f.classification}` : null,
    f.status ? sql`i.status = ${f.status}` : null,
  ].filter((p): p is SQL => p !== null);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

export const incomingOrder = (sort: IncomingSort = 'received') => ORDER[sort];

/** The page without a keyword (exported for the EXPLAIN test). */
export function plainPageSql(columns: SQL, f: IncomingFilter, limit: number, offset: number): SQL {
  return sql`SELECT ${columns} FROM incoming i WHERE ${incomingWhere(f)} ORDER BY ${incomingOrder(f.sort)} LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * A keyword page, first way (common words): the entries in the page's order, read from the order
 * index only until the page is full or KEYWORD_WALK entries have been read; `rn` of the last row
 * says how far it had to read (the density of the word, for the estimate of the total).
 */
export function walkedKeywordPageSql(columns: SQL, f: KeywordFilter, limit: number, offset: number): SQL {
  return sql`
    SELECT ${columns}, i.rn FROM (
      SELECT i.*, row_number() OVER (ORDER BY ${incomingOrder(f.sort)}) AS rn
      FROM incoming i WHERE ${incomingWhere(f)} ORDER BY ${incomingOrder(f.sort)} LIMIT ${KEYWORD_WALK}
    ) i WHERE ${ilikeMatch(f.q)} ORDER BY i.rn LIMIT ${limit} OFFSET ${offset}`;
}

/** A keyword page, second way (rare words): every match from the keyword index, sorted, and counted exactly. */
export function indexedKeywordPageSql(columns: SQL, f: KeywordFilter, limit: number, offset: number): SQL {
  return sql`
    WITH m AS MATERIALIZED (SELECT * FROM incoming i WHERE ${incomingWhere(f)} AND ${keywordMatch(f.q, f.keys)})
    SELECT ${columns}, (SELECT count(*) FROM m) AS matched FROM m i ORDER BY ${incomingOrder(f.sort)} LIMIT ${limit} OFFSET ${offset}`;
}

/** At most EXACT_COUNT_LIMIT + 1 matching rows counted (exported for the EXPLAIN test). */
export function cappedCountSql(f: IncomingFilter & { keys?: string[] }): SQL {
  const w = f.q ? sql`${incomingWhere(f)} AND ${keywordMatch(f.q, f.keys)}` : incomingWhere(f);
  // In the page's order, so the count reads the same index as the page (index-only for the scope and year).
  return sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM incoming i WHERE ${w} ORDER BY ${incomingOrder(f.sort)} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`;
}

/**
 * Whether a keyword may match more entries than the keyword index should sort: its rarest bigram
 * alone bounds the matches from above, so if the planner estimates it rare in the scope, the index
 * path is cheap; otherwise the order walk is tried first.
 */
async function mayBeCommon(db: DbOrTx, f: KeywordFilter): Promise<boolean> {
  const rarest = (f.keys ?? bigramsOf(f.q))[0];
  if (rarest === undefined) return true;
  const n = await estimate(db, sql`${incomingWhere(f)} AND incoming_bigrams(${KEYWORD_TEXT}) @> ARRAY[${rarest}]::text[]`);
  return n > KEYWORD_WALK;
}

/** The planner's estimate of the rows matching `w`. */
const estimate = (db: DbOrTx, w: SQL) => plannerRows(db, sql`SELECT 1 FROM incoming i WHERE ${w}`);

async function total(
  db: DbOrTx,
  f: IncomingFilter & { keys?: string[] },
  atLeast: number,
): Promise<{ total: number; totalExact: boolean }> {
  const n = Number((await db.execute<{ n: number }>(cappedCountSql(f))).rows[0]!.n);
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalExact: true };
  // With a keyword, its bigrams' statistics (kept by ANALYZE for the index expression) estimate the
  // matches better than the product with ILIKE's guess.
  const w = f.q ? sql`${incomingWhere(f)} AND ${keywordMatch(f.q, f.keys)}` : incomingWhere(f);
  return { total: Math.max(EXACT_COUNT_LIMIT + 1, atLeast, await estimate(db, w)), totalExact: false };
}

/** A keyword filter with the bigrams its index condition uses (`indexKeys`). */
export type KeywordFilter = IncomingFilter & { q: string; keys?: string[] };

export interface IncomingPage<R> {
  rows: R[];
  total: number;
  totalExact: boolean;
}

/** One page of `columns` (selected from `incoming i`) with its total. */
export async function incomingPage<R extends Record<string, unknown>>(
  db: DbOrTx,
  columns: SQL,
  f: IncomingFilter,
  limit: number,
  offset: number,
): Promise<IncomingPage<R>> {
  if (!f.q) {
    const rows = (await db.execute<R>(plainPageSql(columns, f, limit, offset))).rows as R[];
    // A short page is the end of the list: its total is known without counting.
    if (rows.length < limit && (rows.length > 0 || offset === 0)) return { rows, total: offset + rows.length, totalExact: true };
    return { rows, ...(await total(db, f, offset + rows.length)) };
  }
  const kf: KeywordFilter = { ...f, q: f.q, keys: await indexKeys(db, f.q) };
  if (offset + limit <= KEYWORD_WALK / 10 && (await mayBeCommon(db, kf))) {
    const r = (await db.execute<R & { rn: number }>(walkedKeywordPageSql(columns, kf, limit, offset))).rows;
    if (r.length === limit) {
      // The word's density among the newest entries, times the entries in scope: the estimate of the total.
      const read = Number(r[r.length - 1]!.rn);
      const inScope = await estimate(db, incomingWhere(f));
      const rows = r.map(({ rn: _rn, ...row }) => row as unknown as R);
      return { rows, total: Math.max(offset + limit + 1, Math.round(((offset + limit) / read) * inScope)), totalExact: false };
    }
    // Too few matches among the newest entries: ask the keyword index.
  }
  const r = (await db.execute<R & { matched: number }>(indexedKeywordPageSql(columns, kf, limit, offset))).rows;
  const rows = r.map(({ matched: _m, ...row }) => row as unknown as R);
  if (r[0]) return { rows, total: Number(r[0].matched), totalExact: true };
  if (offset === 0) return { rows, total: 0, totalExact: true };
  // An offset past the matches: count them (capped) for the pager.
  return { rows, ...(await total(db, kf, offset)) };
}
