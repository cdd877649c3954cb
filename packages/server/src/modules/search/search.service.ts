/**
 * One search over every register. The query is folded and segmented like the index (so 防汛 and
 * 防汛物資 find 防汛物资), matched as words on the GIN-indexed tsvector and, from three characters
 * on, as a substring on the trigram-indexed folded text; results are scoped in SQL as the lists are
 * (own org; every org for the county office's roles), with a snippet around the first match.
 *
 * The index is written through: every register's writes mark their records in the writing
 * transaction (triggers, migration 1180), and the indexer re-reads only the marked records through
 * the module's search source (`search.sources.ts`) — from a job every few seconds and before a
 * search when this process has not looked for SEARCH_STALE_MS. Nothing is lost between the two: a
 * mark lives until the transaction that indexed its record commits.
 */
import { sql } from 'drizzle-orm';
import { CommonErrors } from '@township-office/domain/errors';
import { readsBusinessRecords, seesAllTownships } from '@township-office/domain/roles';
import { SEARCH_COUNT_CAP, type SearchModule, type SearchQuery, type SearchResult } from '@township-office/domain/search.api';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { foldText, searchWords } from '../../platform/search-text.ts';
import { indexMarked, marksLeft, searchEntries, syncModule, takeMarks } from './search.repository.ts';
import { SEARCH_SOURCES } from './search.sources.ts';

const SNIPPET_CHARS = 36;

/** A stretch of `text` around the first of `words` (folded comparison), with an ellipsis where it was cut. */
export function snippetOf(text: string, words: string[]): string {
  const folded = foldText(text);
  const at = Math.min(...words.map((w) => folded.indexOf(w)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(at)) return text.slice(0, SNIPPET_CHARS * 2);
  const from = Math.max(0, at - SNIPPET_CHARS);
  const to = Math.min(text.length, at + SNIPPET_CHARS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

/** A search first brings the index up to date when this process last did so longer ago than this (the marks make an idle refresh one small query). */
export const SEARCH_STALE_MS = 2_000;
let refreshedAt = 0;
let running: Promise<unknown> | null = null;

/** Starts a refresh in the background when the index is stale: the search answers from the index as it is (a large first build takes a while). */
function ensureFresh(db: Db): void {
  if (running || Date.now() - refreshedAt < SEARCH_STALE_MS) return;
  running = refreshSearchIndex(db)
    .then(() => (refreshedAt = Date.now()))
    .catch(() => (refreshedAt = 0))
    .finally(() => (running = null));
}

/** `readDb` answers the query (a replica's lag adds little to the index's own staleness); `db` refreshes the index. */
export async function search({ db, readDb }: { db: Db; readDb: Db }, ctx: RequestContext, q: SearchQuery): Promise<SearchResult> {
  if (!readsBusinessRecords(ctx.actor.role)) throw new AppError(CommonErrors.FORBIDDEN_ROLE);
  const words = searchWords(q.q, 20);
  const folded = foldText(q.q).trim();
  const substring = [...folded].length >= 3 && words.length > 0 ? folded : null;
  if (words.length === 0) return { total: 0, totalExact: true, items: [] };
  ensureFresh(db);
  const { rows, total, exact } = await searchEntries(
    readDb,
    {
      words,
      substring,
      orgId: seesAllTownships(ctx.actor.role) ? (q.orgId ?? null) : ctx.actor.orgId,
      module: q.module,
      year: q.year,
      status: q.status,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    },
    SEARCH_COUNT_CAP,
  );
  // One-character words (的, 点) would mark half the snippet: they are marked only when they are the whole query.
  const highlights = [...(substring ? [substring] : []), ...words.filter((w) => [...w].length > 1 || words.length === 1)];
  return {
    total,
    totalExact: exact,
    items: rows.map((r) => ({
      module: r.module as SearchModule,
      recordId: r.record_id,
      title: r.title,
      snippet: snippetOf(r.body || r.title, highlights),
      href: r.href,
      year: r.year === null ? null : Number(r.year),
      orgName: r.org_name,
      highlights,
    })),
  };
}

/** Any number no other job takes (the documents reminders 7201100, the notifications 7201101). */
const INDEX_LOCK = 7201102;
/** Marks taken per transaction: small enough that a batch commits in well under a second. */
const MARK_BATCH = 1000;

/**
 * Indexes the records the writes marked (search_dirty, migration 1180), a batch per transaction
 * until none is left; one indexer at a time (several processes take turns, the later ones find the
 * queue empty). Returns rows written; `onProgress` hears the marks done and those left.
 */
export async function refreshSearchIndex(db: Db, onProgress?: (done: number, left: number) => void): Promise<number> {
  let written = 0;
  let done = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK})`);
      const marks = await takeMarks(tx, MARK_BATCH);
      const byModule = new Map<string, Set<string>>();
      for (const m of marks) byModule.set(m.module, (byModule.get(m.module) ?? new Set()).add(m.record_id));
      for (const [module, idSet] of byModule) {
        const source = SEARCH_SOURCES.find((s) => s.module === module);
        if (!source) continue; // a module no longer indexed: its marks are dropped
        const ids = [...idSet];
        written += await indexMarked(tx, module, ids, await source.docs(tx, ids));
      }
      return marks.length;
    });
    done += batch;
    if (batch < MARK_BATCH) break;
    onProgress?.(done, await marksLeft(db));
  }
  return written;
}

/** The full rebuild from every register (nothing marked is needed): for an index that is suspect, or restored without its queue. Returns rows written. */
export async function rebuildSearchIndex(db: Db, onProgress?: (done: number, total: number, module: string) => void): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK})`);
    let written = 0;
    for (const [i, source] of SEARCH_SOURCES.entries()) {
      written += await syncModule(tx, source.module, await source.docs(tx, null));
      onProgress?.(i + 1, SEARCH_SOURCES.length, source.module);
    }
    return written;
  });
}
