/**
 * The one search over every register (issue 11) at 1,000,000 records: 收文 entries generated in SQL
 * (bench/registers.fill.ts), indexed by the write-through indexer exactly as the server does it (the
 * writes' marks, then `refreshSearchIndex`), then `GET /api/search` over HTTP for a common word, a
 * common four-character word, a rare 来文字号 and a word that is nowhere, county-wide and in one
 * office — each beside the plain SQL that gives the same answer (the page and its total) by ILIKE
 * over the register, measured in the same run.
 */
import { refreshSearchIndex } from '../packages/server/src/modules/search/search.service.ts';
import { capture, explain } from './explain.ts';
import { fillIncoming } from './registers.fill.ts';
import { appFor, round, sample, session } from './http.ts';
import { median, percentile, type BenchResult, type BenchScenario } from './registry.ts';

const ROWS = Number(process.env.BENCH_SEARCH_ROWS ?? 1_000_000);
const RUNS = 40;
const BASELINE_RUNS = 5;

const search: BenchScenario = {
  module: 'search',
  name: `search over ${ROWS.toLocaleString('en')} records`,
  async run({ database, progress }): Promise<BenchResult[]> {
    const pool = database.pool;
    progress(`generating ${ROWS.toLocaleString('en')} 收文 entries (each insert marks its rows for the indexer)`);
    const t0 = Date.now();
    await fillIncoming(pool, ROWS);
    const fillMs = Date.now() - t0;
    const marks = Number((await pool.query('SELECT count(*)::int AS n FROM search_dirty')).rows[0].n);

    const t1 = Date.now();
    await refreshSearchIndex(database.db, (done, left) =>
      progress(`indexing: ${done.toLocaleString('en')} records done, ${left.toLocaleString('en')} left`),
    );
    const indexMs = Date.now() - t1;
    await pool.query('VACUUM ANALYZE search_entries');
    const entries = Number((await pool.query('SELECT count(*)::int AS n FROM search_entries')).rows[0].n);
    // An idle refresh (nothing marked) is what the job and every search pay.
    const idle = await sample(20, () => refreshSearchIndex(database.db), 3);

    const office = (await pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id as string;
    const app = await appFor(database);
    const out: BenchResult[] = [
      { metric: `generate ${ROWS.toLocaleString('en')} 收文 entries with their marks`, value: fillMs, unit: 'ms', note: `${marks} marks` },
      {
        metric: `index them (segment, fold, upsert): ${entries.toLocaleString('en')} entries`,
        value: indexMs,
        unit: 'ms',
        note: `${Math.round(entries / (indexMs / 1000))} records/s`,
      },
      { metric: 'idle refresh, nothing marked (p95)', value: round(percentile(idle, 95)), unit: 'ms' },
    ];
    try {
      const county = await session(app, 'county.clerk');
      const town = await session(app, 'town01.clerk');
      const get = async (s: { cookie: string }, url: string) => {
        const r = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return r.json() as { total: number; totalExact: boolean; items: unknown[] };
      };
      // The same answer without the index: the page and the total, by ILIKE over the register's text.
      const text = `(title || ' ' || coalesce(doc_number, '') || ' ' || sender_name || ' ' || serial) ILIKE $1`;
      const plain = (w: string, scope: string | null) =>
        scope
          ? pool.query(
              `SELECT id, title, count(*) OVER () AS total FROM incoming WHERE org_id = $2 AND ${text}
               ORDER BY serial_year DESC, serial_seq DESC LIMIT 20`,
              [`%${w}%`, scope],
            )
          : pool.query(
              `SELECT id, title, count(*) OVER () AS total FROM incoming WHERE ${text} ORDER BY serial_year DESC, serial_seq DESC LIMIT 20`,
              [`%${w}%`],
            );
      const all: number[] = [];
      const allPlain: number[] = [];
      for (const w of ['防汛', '森林防火', '财发〔2021〕1234号', '没有这个词'])
        for (const [who, s, scope] of [
          ['county-wide', county, null],
          ['one office', town, office],
        ] as const) {
          progress(`search "${w}", ${who}`);
          const url = `/api/search?q=${encodeURIComponent(w)}`;
          const first = await get(s, url);
          const t = await sample(RUNS, () => get(s, url), 3);
          const b = await sample(BASELINE_RUNS, () => plain(w, scope), 3);
          // BENCH_EXPLAIN=1: where one request's time goes, statement by statement (plans printed).
          const plans = process.env.BENCH_EXPLAIN ? await explain(pool, await capture(() => get(s, url))) : [];
          all.push(...t);
          allPlain.push(...b);
          out.push({
            metric: `"${w}" ${who}: ${first.totalExact ? first.total : `${first.total}+`} found (p95; median ${round(median(t))} ms)`,
            value: round(percentile(t, 95)),
            unit: 'ms',
            baseline: round(percentile(b, 95)),
            baselineLabel: 'ILIKE over the register, page + total, p95',
            ...(plans.length ? { note: `EXPLAIN ANALYZE: ${plans.map((p) => `${p.query} ${p.ms} ms`).join(', ')}` } : {}),
          });
        }
      const p95 = percentile(all, 95);
      const plainP95 = percentile(allPlain, 95);
      out.push({
        metric: `GET /api/search, all 8 queries (p95; median ${round(median(all))} ms)`,
        value: round(p95),
        unit: 'ms',
        baseline: round(plainP95),
        baselineLabel: 'ILIKE over the register, p95',
        goal: 'p95 ≤ 50 ms and ≥ 50× faster than the ILIKE scan',
        pass: p95 <= 50 && plainP95 / p95 >= 50,
        note: `${round(plainP95 / p95)}× faster`,
      });
    } finally {
      await app.close();
    }
    return out;
  },
};

export const scenarios: BenchScenario[] = [search];
