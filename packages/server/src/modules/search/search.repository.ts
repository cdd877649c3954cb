/** SQL of the search index. */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { plannerRows } from '../../db/sql.ts';
import { foldText, searchWords, type SearchDoc } from '../../platform/search-text.ts';

const BATCH = 2000;

const hashOf = (d: SearchDoc) =>
  createHash('sha256')
    .update(JSON.stringify([d.orgId, d.year, d.status, d.title, d.body, d.href]))
    .digest('hex')
    .slice(0, 32);

/** Segments and upserts entries (in batches of one statement each); returns rows written. */
async function upsertEntries(db: DbOrTx, module: string, docs: SearchDoc[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    const rows = docs.slice(i, i + BATCH).map((d) => {
      const text = `${d.title} ${d.body}`;
      return {
        record_id: d.recordId,
        org_id: d.orgId,
        year: d.year,
        status: d.status,
        title: d.title.slice(0, 400),
        body: d.body.slice(0, 20_000),
        href: d.href,
        folded: foldText(text).slice(0, 20_000),
        words: searchWords(text).join(' '),
        hash: hashOf(d),
      };
    });
    const r = await db.execute(sql`
      INSERT INTO search_entries (module, record_id, org_id, year, status, title, body, href, folded, words, hash)
      SELECT ${module}, x.record_id, x.org_id, x.year, x.status, x.title, x.body, x.href, x.folded, to_tsvector('simple', x.words), x.hash
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(record_id uuid, org_id uuid, year int, status text, title text, body text, href text, folded text, words text, hash text)
      ON CONFLICT (module, record_id) DO UPDATE SET org_id = EXCLUDED.org_id, year = EXCLUDED.year, status = EXCLUDED.status, title = EXCLUDED.title,
        body = EXCLUDED.body, href = EXCLUDED.href, folded = EXCLUDED.folded, words = EXCLUDED.words, hash = EXCLUDED.hash, indexed_at = now()
      WHERE search_entries.hash <> EXCLUDED.hash`);
    written += r.rowCount ?? 0;
  }
  return written;
}

/**
 * The full rebuild of one module (`township-office search rebuild`, and a check that the marks missed
 * nothing): upserts what changed by hash and drops entries whose record is gone; returns rows written.
 */
export async function syncModule(db: DbOrTx, module: string, docs: SearchDoc[]): Promise<number> {
  const stored = await db.execute<{ record_id: string; hash: string }>(
    sql`SELECT record_id, hash FROM search_entries WHERE module = ${module}`,
  );
  const known = new Map(stored.rows.map((r) => [r.record_id, r.hash]));
  const written = await upsertEntries(
    db,
    module,
    docs.filter((d) => known.get(d.recordId) !== hashOf(d)),
  );
  const present = new Set(docs.map((d) => d.recordId));
  const gone = [...known.keys()].filter((id) => !present.has(id));
  if (gone.length > 0)
    await db.execute(sql`DELETE FROM search_entries WHERE module = ${module} AND record_id = ANY (${`{${gone.join(',')}}`}::uuid[])`);
  return written;
}

/** Takes up to `limit` marks (search_dirty) off the queue, oldest first; they are gone only when the caller's transaction commits. */
export async function takeMarks(db: DbOrTx, limit: number): Promise<{ module: string; record_id: string }[]> {
  const r = await db.execute<{ module: string; record_id: string }>(sql`
    DELETE FROM search_dirty WHERE id IN (SELECT id FROM search_dirty ORDER BY id LIMIT ${limit})
    RETURNING module, record_id`);
  return r.rows;
}

export async function marksLeft(db: DbOrTx): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM search_dirty`);
  return r.rows[0]!.n;
}

/** Indexes the marked records of one module as they are now: upserted if the source still returns them, dropped if not. */
export async function indexMarked(db: DbOrTx, module: string, ids: string[], docs: SearchDoc[]): Promise<number> {
  const written = await upsertEntries(db, module, docs);
  const present = new Set(docs.map((d) => d.recordId));
  const gone = ids.filter((id) => !present.has(id));
  if (gone.length > 0)
    await db.execute(sql`DELETE FROM search_entries WHERE module = ${module} AND record_id = ANY (${`{${gone.join(',')}}`}::uuid[])`);
  return written;
}

export interface SearchFilter {
  words: string[];
  /** The folded query for the substring (trigram) match; null below three characters. */
  substring: string | null;
  /** null: every org (the county office's roles); otherwise only this org's entries. */
  orgId: string | null;
  module?: string;
  year?: number;
  status?: string;
  limit: number;
  offset: number;
}

export type SearchRow = {
  module: string;
  record_id: string;
  title: string;
  body: string;
  href: string;
  year: number | null;
  org_name: string;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A word the statistics say is in this many times the cap of entries (in the scope) is not counted:
 * the count cannot stop early (a bitmap of every match is built first: 25,000 for 防汛 at 1,000,000
 * entries, 34 ms), and the answer would be "more than the cap" anyway. The words' own estimate is
 * used, not the substring's: a word's frequency is kept by ANALYZE when it is common, and the
 * matches are a superset of the word's, so the shortcut errs only towards counting.
 */
const COMMON = 20;

/** Whether the planner estimates each of `words` alone, in the scope, in at least `rows` entries. */
async function commonWords(db: DbOrTx, words: string[], scope: SQL, rows: number): Promise<boolean> {
  for (const w of words) {
    const tsq = `'${w.replace(/['\\]/g, '')}'`;
    if (tsq === "''") continue;
    if ((await plannerRows(db, sql`SELECT 1 FROM search_entries e WHERE e.words @@ to_tsquery('simple', ${tsq}) ${scope}`)) < rows)
      return false;
  }
  return true;
}

/**
 * One page of matches and their count, capped: the count reads at most `countCap + 1` matches. A
 * query with no more matches than the cap is ranked (ts_rank over those rows); a common one is
 * ordered newest first by walking the year index of its scope (county-wide or the org's), which
 * stops at the page instead of ranking every match — at 1,000,000 entries ranking the 25,000
 * entries of a common word took hundreds of milliseconds (docs/benchmarks.md, search).
 */
export async function searchEntries(
  db: DbOrTx,
  f: SearchFilter,
  countCap: number,
): Promise<{ rows: SearchRow[]; total: number; exact: boolean }> {
  // Quoted lexemes only: nothing the user typed is read as a tsquery operator.
  const tsq = f.words
    .map((w) => `'${w.replace(/['\\]/g, '')}'`)
    .filter((w) => w !== "''")
    .join(' & ');
  const wordMatch = tsq ? sql`e.words @@ to_tsquery('simple', ${tsq})` : null;
  const match = [wordMatch, f.substring ? sql`e.folded LIKE ${`%${likeEscape(f.substring)}%`}` : null].filter((x) => x !== null);
  if (match.length === 0) return { rows: [], total: 0, exact: true };
  const scope = sql`${f.orgId ? sql`AND e.org_id = ${f.orgId}` : sql``}
      ${f.module ? sql`AND e.module = ${f.module}` : sql``}
      ${f.year ? sql`AND e.year = ${f.year}` : sql``}
      ${f.status ? sql`AND e.status = ${f.status}` : sql``}`;
  const where = sql`(${sql.join(match, sql` OR `)}) ${scope}`;
  const counted = async (cond: SQL) =>
    (
      await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_entries e WHERE ${cond} LIMIT ${countCap + 1}) x`,
      )
    ).rows[0]!.n;
  const cappedCount = async (): Promise<number> => {
    if (!wordMatch) return counted(where);
    if ((await plannerRows(db, sql`SELECT 1 FROM search_entries e WHERE ${wordMatch} ${scope}`)) >= COMMON * countCap) return countCap + 1;
    if (match.length === 1) return counted(where);
    // Words and substring: the words alone first. The planner multiplies the words' frequencies as if
    // independent (森林防火 at 1,000,000 entries: 森林 & 防火 estimated 747, held by 25,137), so the
    // shortcut above misses a common compound; the words' own GIN bitmap then shows more than the cap,
    // and the matches of the OR are a superset: the trigram bitmap and its rechecks are not needed.
    const words = await counted(sql`${wordMatch} ${scope}`);
    return words > countCap ? words : counted(where);
  };
  const n = await cappedCount();
  const exact = n <= countCap;
  if (n === 0 || f.offset >= n) return { rows: [], total: exact ? n : countCap, exact };
  const order =
    exact && tsq
      ? sql`ts_rank(e.words, to_tsquery('simple', ${tsq})) DESC, e.year DESC NULLS LAST, e.record_id`
      : sql`e.year DESC NULLS LAST, e.record_id`;
  // More than the cap, of words each as common as a word the shortcut leaves uncounted: the page
  // walks the year index of its scope, as the planner does for such a word alone. Left to itself it
  // multiplies the words' frequencies (森林防火: 730 estimated, 25,137 held) and reads every match
  // through the bitmaps to sort them (132 ms at 1,000,000 entries). The match is then written so no
  // index can serve it (`IS TRUE`), which leaves the year index as the way in.
  const walk = !exact && f.words.length > 1 && (await commonWords(db, f.words, scope, COMMON * countCap));
  const r = await db.execute<SearchRow>(sql`
    SELECT e.module, e.record_id, e.title, e.body, e.href, e.year, o.name AS org_name
    FROM search_entries e JOIN orgs o ON o.id = e.org_id
    WHERE ${walk ? sql`(${sql.join(match, sql` OR `)}) IS TRUE ${scope}` : where}
    ORDER BY ${order}
    LIMIT ${f.limit} OFFSET ${f.offset}`);
  return { rows: r.rows, total: exact ? n : countCap, exact };
}
