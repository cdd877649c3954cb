/**
 * 收文 benchmarks (issue 14): the entries list and the 收文登记本 at 1,000,000 rows (page 1 county-wide
 * and per office, and the keyword filter), and the create of an entry over HTTP, alone and with 20
 * clients of one office at once, each beside its plain-SQL baseline from the same run.
 */
import pg from 'pg';
import { fillIncoming } from './registers.fill.ts';
import os from 'node:os';
import { appFor, cpuMeter, round, sample, session } from './http.ts';
import { median, percentile, printSamples, timed, type BenchResult, type BenchScenario } from './registry.ts';

const ROWS = Number(process.env.BENCH_INCOMING_ROWS ?? 1_000_000);
const RUNS = 60;

const lists: BenchScenario = {
  module: 'registers',
  name: `收文 lists at ${ROWS.toLocaleString('en')} rows`,
  async run({ database, progress }): Promise<BenchResult[]> {
    const pool = database.pool;
    // Bulk load without the secondary indexes, then build them (as a restore would).
    const idx = (
      await pool.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'incoming' AND indexname NOT LIKE '%pkey' AND indexdef NOT LIKE '%UNIQUE%'`,
      )
    ).rows as { indexname: string; indexdef: string }[];
    for (const i of idx) await pool.query(`DROP INDEX ${i.indexname}`);
    progress(`generating ${ROWS.toLocaleString('en')} 收文 entries`);
    const t0 = Date.now();
    const shape = await fillIncoming(pool, ROWS);
    progress('building the indexes');
    for (const i of idx) await pool.query(i.indexdef);
    await pool.query('VACUUM ANALYZE incoming');
    const fillMs = Date.now() - t0;
    const office = (await pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id as string;
    const app = await appFor(database);
    try {
      const county = await session(app, 'county.clerk');
      const town = await session(app, 'town01.clerk');
      const get = async (s: { cookie: string }, url: string) => {
        const r = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return r;
      };
      const raw = (text: string, values: unknown[] = []) => pool.query(text, values);
      const out: BenchResult[] = [];
      const page = async (label: string, s: { cookie: string }, url: string, baselineSql: string, baselineValues: unknown[]) => {
        progress(label);
        const t = await sample(RUNS, () => get(s, url));
        const b = await sample(RUNS, () => raw(baselineSql, baselineValues));
        printSamples(label, t);
        out.push({
          metric: `${label} (p95; median ${round(median(t))} ms)`,
          value: round(percentile(t, 95)),
          unit: 'ms',
          baseline: round(percentile(b, 95)),
          baselineLabel: 'bare indexed SELECT … LIMIT 20, p95',
          goal: 'p95 ≤ 10 ms',
          pass: percentile(t, 95) <= 10,
        });
      };
      const cols =
        'id, org_id, serial, channel, sender_name, doc_number, title, urgency, classification, received_date, status, mode, deadline';
      await page(
        'GET /api/incoming page 1, county-wide',
        county,
        '/api/incoming?pageSize=20',
        `SELECT ${cols} FROM incoming ORDER BY received_date DESC, serial_seq DESC, id DESC LIMIT 20`,
        [],
      );
      await page(
        'GET /api/incoming page 1, one office',
        town,
        '/api/incoming?pageSize=20',
        `SELECT ${cols} FROM incoming WHERE org_id = $1 ORDER BY received_date DESC, serial_seq DESC, id DESC LIMIT 20`,
        [office],
      );
      await page(
        'GET /api/registers/incoming page 1, county-wide',
        county,
        '/api/registers/incoming?pageSize=20',
        `SELECT ${cols} FROM incoming ORDER BY serial_year DESC, org_id, serial_seq DESC LIMIT 20`,
        [],
      );
      await page(
        'GET /api/registers/incoming page 1, one office',
        town,
        '/api/registers/incoming?pageSize=20',
        `SELECT ${cols} FROM incoming WHERE org_id = $1 ORDER BY serial_year DESC, org_id, serial_seq DESC LIMIT 20`,
        [office],
      );

      // The keyword: a common two-character word (1 entry in 40), a common four-character one, a
      // rare one (a 来文字号, 24 entries), one that is nowhere; county-wide and in one office.
      progress('keyword filter');
      const words = ['防汛', '森林防火', '财发〔2021〕1234号', '没有这个词'];
      const kt: number[] = [];
      const kb: number[] = [];
      const per: string[] = [];
      for (const w of words)
        for (const [s, scope] of [
          [county, null],
          [town, office],
        ] as const) {
          const url = `/api/registers/incoming?pageSize=20&q=${encodeURIComponent(w)}`;
          const t = await sample(RUNS / 4, () => get(s, url));
          const text = `(title || ' ' || coalesce(doc_number, '') || ' ' || sender_name) ILIKE $1`;
          const b = await sample(RUNS / 4, () =>
            scope
              ? raw(
                  `SELECT ${cols} FROM incoming WHERE org_id = $2 AND ${text} ORDER BY serial_year DESC, org_id, serial_seq DESC LIMIT 20`,
                  [`%${w}%`, scope],
                )
              : raw(`SELECT ${cols} FROM incoming WHERE ${text} ORDER BY serial_year DESC, org_id, serial_seq DESC LIMIT 20`, [`%${w}%`]),
          );
          kt.push(...t);
          kb.push(...b);
          per.push(`${w} ${scope ? 'office' : 'county'} p95 ${round(percentile(t, 95))} ms (SQL ${round(percentile(b, 95))} ms)`);
        }
      out.push({
        metric: `keyword filter, 4 words × 2 scopes (p95; median ${round(median(kt))} ms)`,
        value: round(percentile(kt, 95)),
        unit: 'ms',
        baseline: round(percentile(kb, 95)),
        baselineLabel: 'plain SQL ILIKE … ORDER BY … LIMIT 20 (no total), p95',
        goal: 'p95 ≤ 30 ms',
        pass: percentile(kt, 95) <= 30,
        note: per.join('; '),
      });
      // What the lists did before: count(*) OVER () over every row of the scope.
      progress('the old query');
      const old = await sample(10, () =>
        raw(
          `SELECT ${cols}, count(*) OVER () AS total FROM incoming WHERE true AND true ORDER BY received_date DESC, serial_seq DESC LIMIT 20`,
        ),
      );
      out.push({
        metric: 'before: the list query with count(*) OVER (), county-wide (p95)',
        value: round(percentile(old, 95)),
        unit: 'ms',
        note: `${shape.orgs} orgs × ~${shape.perOrg.toLocaleString('en')} entries, generated and indexed in ${Math.round(fillMs / 1000)} s`,
      });
      return out;
    } finally {
      await app.close();
    }
  },
};

const PAPER = (title: string) => ({
  senderName: '县人民政府办公室',
  docNumber: '县政办发〔2026〕7号',
  title,
  urgency: 'none',
  classification: 'none',
  copies: 1,
  receivedDate: '2026-06-01',
});

/** pg statements sent while `fn` runs (every client of every pool in this process). */
async function countStatements<T>(fn: () => Promise<T>): Promise<{ n: number; texts: string[]; value: T }> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const orig = proto.query;
  const texts: string[] = [];
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text?: string };
    texts.push((typeof q === 'string' ? q : (q?.text ?? '')).replace(/\s+/g, ' ').slice(0, 60));
    return orig.apply(this, a);
  };
  try {
    const value = await fn();
    return { n: texts.length, texts, value };
  } finally {
    proto.query = orig;
  }
}

/**
 * What the cores allow: one client's creates run one after another, so its throughput is
 * 1 / latency; n clients can at most keep every core busy, so their throughput is at most
 * cores / (CPU per create). When one create's latency is mostly CPU (node's and PostgreSQL's, no
 * disk wait), the ratio cannot pass cores × latency / CPU, whatever the code.
 */
function ceilingNote(
  one: { node: number; postgres: number },
  oneOps: number,
  many: { node: number; postgres: number },
  manyOps: number,
  oneThroughput: number,
): string {
  const cores = os.cpus().length;
  const perOne = (one.node + one.postgres) / oneOps;
  const perMany = (many.node + many.postgres) / manyOps;
  const ceiling = (cores * 1000) / perMany;
  return (
    `CPU per create, one client: node ${round(one.node / oneOps)} + PostgreSQL ${round(one.postgres / oneOps)} = ${round(perOne)} ms ` +
    `(${round((perOne * oneThroughput) / 10)} % of its wall time); 20 clients: ${round(many.node / manyOps)} + ${round(many.postgres / manyOps)} = ${round(perMany)} ms. ` +
    `${cores} cores at that cost allow at most ${Math.round(ceiling)} ops/s = ${round(ceiling / oneThroughput)}× one client`
  );
}

const create: BenchScenario = {
  module: 'registers',
  name: '收文 create over HTTP, alone and 20 clients in one office',
  async run({ database, progress }): Promise<BenchResult[]> {
    const pool = database.pool;
    const app = await appFor(database);
    try {
      const office = (await pool.query(`SELECT id FROM orgs WHERE code = 'T01'`)).rows[0].id as string;
      const clerk = (await pool.query(`SELECT id FROM users WHERE username = 'town01.clerk'`)).rows[0].id as string;
      const sessions = await Promise.all(Array.from({ length: 20 }, () => session(app, 'town01.clerk')));
      let n = 0;
      const post = async (s: { cookie: string; csrf: string }) => {
        const r = await app.inject({
          method: 'POST',
          url: '/api/incoming',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          payload: PAPER(`压测登记 ${++n}`),
        });
        if (r.statusCode !== 201) throw new Error(`create: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return r;
      };
      progress('statements per create');
      const counted = await countStatements(() => post(sessions[0]!));
      progress('one client');
      // Steady state, as a server that has run for a while: JIT-compiled code, each pooled
      // connection's named statements prepared and their plans cached (the first runs are custom plans).
      const WARM = 100;
      for (let i = 0; i < WARM; i++) await post(sessions[0]!);
      const oneCpu = await cpuMeter(pool);
      const one = await sample(RUNS * 4, () => post(sessions[0]!), 0);
      const oneUsed = oneCpu();
      let seq = 100_000;
      const base = await sample(
        RUNS * 2,
        () =>
          pool.query(
            `INSERT INTO incoming (org_id, serial_year, serial_seq, serial, channel, sender_name, doc_number, title, urgency, classification, copies, received_date, received_by)
           VALUES ($1, 2026, $2, $3, 'paper', '县人民政府办公室', '县政办发〔2026〕7号', $4, 'none', 'none', 1, '2026-06-01', $5) RETURNING *`,
            [office, ++seq, `收〔2026〕${seq}号`, `基准 ${seq}`, clerk],
          ),
        WARM,
      );
      const oneThroughput = 1000 / (one.reduce((a, b) => a + b, 0) / one.length);
      progress('20 clients at once');
      const PER = 15;
      const lat: number[] = [];
      const manyCpu = await cpuMeter(pool);
      const t0 = performance.now();
      await Promise.all(
        sessions.map(async (s) => {
          for (let i = 0; i < PER; i++) lat.push((await timed(() => post(s))).ms);
        }),
      );
      const elapsed = performance.now() - t0;
      const manyUsed = manyCpu();
      const concurrent = (sessions.length * PER * 1000) / elapsed;
      const seqs = (
        await pool.query(
          `SELECT serial_seq FROM incoming WHERE org_id = $1 AND serial_year = 2026 AND serial_seq < 100000 ORDER BY serial_seq`,
          [office],
        )
      ).rows.map((r) => Number(r.serial_seq));
      const gapFree = seqs.every((s, i) => s === i + 1);
      return [
        {
          metric: 'POST /api/incoming, one client (median)',
          value: round(median(one)),
          unit: 'ms',
          baseline: round(median(base)),
          baselineLabel: 'raw INSERT … RETURNING of the same row, median',
          goal: 'median ≤ 3× baseline',
          pass: median(one) <= 3 * median(base),
          note: `p95 ${round(percentile(one, 95))} ms; ${counted.n} statements per create (session and login included): ${counted.texts.join(' | ')}`,
        },
        {
          metric: 'POST /api/incoming, 20 clients of one office (throughput)',
          value: Math.round(concurrent),
          unit: 'ops/s',
          baseline: Math.round(oneThroughput),
          baselineLabel: 'one client, ops/s',
          goal: '≥ 4× one client',
          pass: concurrent >= 4 * oneThroughput,
          note: ceilingNote(oneUsed, one.length, manyUsed, sessions.length * PER, oneThroughput),
        },
        {
          metric: 'POST /api/incoming, 20 clients of one office (p99)',
          value: round(percentile(lat, 99)),
          unit: 'ms',
          goal: 'p99 ≤ 200 ms; serials gap-free and unique',
          pass: percentile(lat, 99) <= 200 && gapFree && new Set(seqs).size === seqs.length,
          note: `median ${round(median(lat))} ms; ${seqs.length} serials 1…${seqs.length} ${gapFree ? 'gap-free' : 'WITH GAPS'}`,
        },
      ];
    } finally {
      await app.close();
    }
  },
};

export const scenarios: BenchScenario[] = [create, lists];
