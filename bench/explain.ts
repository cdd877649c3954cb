/** What the benches use to see where a request's time goes: the statements it sends, and their EXPLAIN ANALYZE. */
import pg from 'pg';

/** The statements (text and values) sent by every pg client while `fn` runs. */
export async function capture<T>(fn: () => Promise<T>): Promise<{ text: string; values: unknown[] }[]> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const orig = proto.query;
  const seen: { text: string; values: unknown[] }[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text?: string; values?: unknown[] };
    if (typeof q === 'string') seen.push({ text: q, values: (a[1] as unknown[]) ?? [] });
    else if (q?.text) seen.push({ text: q.text, values: q.values ?? (a[1] as unknown[]) ?? [] });
    return orig.apply(this, a);
  };
  try {
    await fn();
  } finally {
    proto.query = orig;
  }
  return seen;
}

/** EXPLAIN ANALYZE of each SELECT a request sent: its execution time and plan (printed with BENCH_EXPLAIN=1). */
export async function explain(pool: pg.Pool, statements: { text: string; values: unknown[] }[]) {
  const out: { ms: number; query: string }[] = [];
  for (const s of statements) {
    if (!/^\s*SELECT/i.test(s.text) || /FROM (users|sessions|app_settings|delegations)\b/.test(s.text)) continue;
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${s.text}`, s.values);
    const plan = r.rows.map((x) => x['QUERY PLAN'] as string);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
    const from = `${/^\s*SELECT count\(/i.test(s.text) ? 'count of ' : ''}${/FROM (\w+)/.exec(s.text)?.[1] ?? '?'}`;
    out.push({ ms, query: from });
    if (process.env.BENCH_EXPLAIN)
      console.log(`\n--- ${from} (${ms} ms)\n${s.text.replace(/\s+/g, ' ').slice(0, 300)}\n${plan.join('\n')}`);
  }
  return out.sort((a, b) => b.ms - a.ms);
}
