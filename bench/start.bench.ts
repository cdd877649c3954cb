/**
 * Start and restart (issue 14): the compiled server (`packages/server/bin/township-office.mjs serve`
 * running packages/server/dist/cli.mjs, compiled first when stale, as `npm start` does) on a data
 * folder of its own with the embedded PostgreSQL, timed from spawn to the first 200 of /api/health.
 * First start: an empty folder, the demo county seeded (goal ≤ 15 s). Restart: the same folder
 * again, BENCH_RESTARTS times (default 3; goal ≤ 2 s), with the embedded PostgreSQL's own start
 * (the server's log line) and the node process's CPU at that moment reported beside it. Baseline in
 * the same run: the same restart from source through tsx (TOWNSHIP_FROM_SOURCE=1), as before the
 * compiled start. The scenario does not use the bench's database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBundleStale } from '../packages/server/bin/build-server.mjs';
import pg from 'pg';
import { freePort } from '../packages/server/src/db/embedded.ts';
import { median, type BenchResult, type BenchScenario } from './registry.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(here, '..', 'packages', 'server', 'bin', 'township-office.mjs');
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 3);
const CLOCK_TICKS = 100;

export interface Started {
  child: ChildProcess;
  port: number;
  /** Spawn to the first 200 of /api/health. */
  ms: number;
  /** The embedded PostgreSQL's start, from the server's own log line (0 when attached or external). */
  pgMs: number;
  /** The node process's user + system CPU at the first 200, ms (/proc/<pid>/stat). */
  cpuMs: number;
  log: string[];
  stop(): Promise<void>;
}

function cpuOf(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Spawns `township-office serve` with `env` and waits (polling every 10 ms) for /api/health to answer 200. */
export async function startServer(env: Record<string, string>, opts: { timeoutMs?: number; port?: number } = {}): Promise<Started> {
  const port = opts.port ?? (await freePort());
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (b: Buffer) => {
    for (const line of b.toString().split('\n')) if (line.trim()) log.push(line);
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== null) throw new Error(`server exited (${exited}) before it was healthy:\n${log.slice(-30).join('\n')}`);
    if (await healthy(port)) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after ${opts.timeoutMs ?? 120_000} ms:\n${log.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuOf(child.pid!);
  const pgMs = Number(log.map((l) => /embedded PostgreSQL ready in (\d+) ms/.exec(l)?.[1]).find(Boolean) ?? 0);
  return {
    child,
    port,
    ms,
    pgMs,
    cpuMs,
    log,
    stop: async () => {
      if (exited === null) child.kill('SIGTERM');
      await exit;
    },
  };
}

/**
 * After a first start: the seconds until the server's search job has indexed every record the
 * demo seed marked (serve leaves that to the job), read from the embedded cluster of `dataDir`.
 */
async function searchIndexedAfter(dataDir: string, timeoutMs = 600_000): Promise<number> {
  const port = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = fs.readFileSync(path.join(dataDir, 'pg.credentials'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'township' });
  await client.connect();
  const t0 = performance.now();
  try {
    for (;;) {
      const left = Number((await client.query('SELECT count(*)::int AS n FROM search_dirty')).rows[0].n);
      if (left === 0) return performance.now() - t0;
      if (performance.now() - t0 > timeoutMs) throw new Error(`${left} records still unindexed after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
}

const startScenario: BenchScenario = {
  module: 'start',
  name: 'first start with the demo county, and restart to healthy',
  async run({ progress }): Promise<BenchResult[]> {
    if (serverBundleStale()) {
      progress('compiling the server (packages/server/dist/cli.mjs)');
      await buildServer();
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-bench-start-'));
    try {
      const env = { DATA_DIR: dataDir };
      progress('first start: empty data folder, demo county');
      const first = await startServer(env, { timeoutMs: 600_000 });
      // The restarts below start with the index complete, as after any first start left running.
      progress('first start: waiting for the search job to index the demo records');
      const indexedMs = await searchIndexedAfter(dataDir);
      await first.stop();
      const restarts: Started[] = [];
      const fromSource: Started[] = [];
      // Alternating, so a change of load on the shared machine falls on both.
      for (let i = 0; i < RESTARTS; i++) {
        progress(`restart ${i + 1}/${RESTARTS} (compiled)`);
        const r = await startServer(env);
        await r.stop();
        restarts.push(r);
        progress(`restart ${i + 1}/${RESTARTS} (from source, tsx)`);
        const s = await startServer({ ...env, TOWNSHIP_FROM_SOURCE: '1' });
        await s.stop();
        fromSource.push(s);
      }
      const ms = median(restarts.map((r) => r.ms));
      const pg = median(restarts.map((r) => r.pgMs));
      const cpu = median(restarts.map((r) => r.cpuMs));
      const list = (xs: Started[], k: 'ms' | 'pgMs' | 'cpuMs') => xs.map((x) => Math.round(x[k])).join(', ');
      return [
        {
          metric: 'first start, empty data folder, demo county seeded → first 200 of /api/health',
          value: first.ms,
          unit: 'ms',
          note: `embedded PostgreSQL (initdb + start) ${first.pgMs} ms, node CPU ${Math.round(first.cpuMs)} ms`,
          goal: '≤ 15000 ms',
          pass: first.ms <= 15_000,
        },
        {
          metric: 'then, the search job done indexing the demo records (serving meanwhile)',
          value: indexedMs,
          unit: 'ms',
          note: `load ${os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join(' ')}`,
        },
        {
          metric: `restart to healthy, compiled (median of ${RESTARTS}: ${list(restarts, 'ms')} ms)`,
          value: ms,
          unit: 'ms',
          baseline: median(fromSource.map((r) => r.ms)),
          baselineLabel: `from source through tsx: ${list(fromSource, 'ms')} ms`,
          goal: '≤ 2000 ms',
          pass: ms <= 2000,
        },
        {
          metric: `of which the embedded PostgreSQL's start (${list(restarts, 'pgMs')} ms)`,
          value: pg,
          unit: 'ms',
        },
        {
          metric: `of which node alone: restart minus PostgreSQL's start`,
          value: ms - pg,
          unit: 'ms',
          baseline: median(fromSource.map((r) => r.ms - r.pgMs)),
          baselineLabel: 'the same from source',
        },
        {
          metric: `node CPU (user + system) at the first 200 (${list(restarts, 'cpuMs')} ms)`,
          value: cpu,
          unit: 'ms',
          baseline: median(fromSource.map((r) => r.cpuMs)),
          baselineLabel: 'the same from source',
        },
      ];
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const scenarios: BenchScenario[] = [startScenario];
