/**
 * `npm run bench [-- <filter>]`: starts a throwaway embedded PostgreSQL (default durability
 * settings: fsync on), loads every bench/*.bench.ts, runs each scenario on its own fresh database,
 * prints a table and writes bench/results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { connect } from '../packages/server/src/db/client.ts';
import { startEmbedded } from '../packages/server/src/db/embedded.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { seedDemo } from '../packages/server/src/seed/index.ts';
import type { BenchResult, BenchScenario } from './registry.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];

function withDb(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function loadScenarios(): Promise<BenchScenario[]> {
  const files = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const out: BenchScenario[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { scenarios?: BenchScenario[] };
    out.push(...(mod.scenarios ?? []));
  }
  return out.filter((s) => !filter || `${s.module}/${s.name}`.includes(filter));
}

const progress = (m: string) => process.stdout.write(`\r\x1b[2K  … ${m}`);

async function main() {
  const scenarios = await loadScenarios();
  if (scenarios.length === 0) throw new Error(`no scenario matches "${filter ?? ''}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-bench-'));
  console.log(`[bench] starting a throwaway PostgreSQL in ${dir}`);
  const cluster = await startEmbedded({
    pgData: path.join(dir, 'pg'),
    settings: { max_connections: '300', shared_buffers: '512MB', max_wal_size: '4GB' },
  });
  const adminUrl = cluster.url('postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const results: { scenario: string; results: BenchResult[]; seconds: number }[] = [];
  try {
    await admin.query(`CREATE DATABASE bench_tpl TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const tpl = connect(withDb(adminUrl, 'bench_tpl'), 'external', 2);
    await migrate(tpl.pool);
    await seedDemo(tpl.db, { foundationOnly: true });
    await tpl.close();
    let n = 0;
    for (const s of scenarios) {
      const name = `bench_${++n}`;
      await admin.query(`CREATE DATABASE ${name} TEMPLATE bench_tpl`);
      const database = connect(withDb(adminUrl, name), 'embedded', 40);
      console.log(`[bench] ${s.module}/${s.name}`);
      const t0 = Date.now();
      try {
        results.push({
          scenario: `${s.module}/${s.name}`,
          results: await s.run({ database, progress }),
          seconds: (Date.now() - t0) / 1000,
        });
      } finally {
        process.stdout.write('\r\x1b[2K');
        await database.close();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      }
    }
  } finally {
    await admin.end();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const rows = results.flatMap((r) =>
    r.results.map((x) => ({
      scenario: r.scenario,
      metric: x.metric,
      value: `${round(x.value)} ${x.unit}`,
      baseline: x.baseline === undefined ? '' : `${round(x.baseline)} ${x.unit}${x.baselineLabel ? ` (${x.baselineLabel})` : ''}`,
      ratio: x.baseline ? `${(x.value / x.baseline).toFixed(2)}×` : '',
      goal: x.goal ?? '',
      pass: x.pass === undefined ? '' : x.pass ? 'yes' : 'NO',
    })),
  );
  console.table(rows);
  const out = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    results,
  };
  fs.writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`[bench] wrote bench/results.json`);
  if (rows.some((r) => r.pass === 'NO')) process.exitCode = 1;
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100);

await main();
