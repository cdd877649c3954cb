/**
 * Under load (issue 14): BENCH_LOAD_SESSIONS (default 50) signed-in sessions — demo accounts of the
 * county office and of the townships (clerks, leaders, heads) — each in a closed loop with no think
 * time for BENCH_LOAD_SECONDS (default 60) doing a mix of what the office does all day: the inbox,
 * a document read, the first pages of the 收文 and 发文 registers, the workbench, the county
 * dashboard (county accounts) and creating a 收文 entry (clerks). Against (a) one compiled server
 * process and (b) two processes behind HAProxy (Debian's /usr/sbin/haproxy, config in a temp
 * folder), both on one PostgreSQL: a database of its own on the bench's cluster, the demo county
 * seeded by the first process's first start (and its search index built before measuring).
 * Printed for each: req/s, p50, p99, errors (any status other than the expected, or no answer),
 * the servers' peak RSS. The load generator runs in this process, on the same 2 cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildServer, serverBundleStale } from '../packages/server/bin/build-server.mjs';
import { freePort } from '../packages/server/src/db/embedded.ts';
import { percentile, type BenchResult, type BenchScenario } from './registry.ts';
import { startServer, type Started } from './start.bench.ts';

const SESSIONS = Number(process.env.BENCH_LOAD_SESSIONS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const HAPROXY = process.env.HAPROXY ?? '/usr/sbin/haproxy';
const P99_GOAL_MS = 500;

/** The sessions' accounts, in turn: the county office's, then the townships' clerks, leaders and heads. */
function accounts(n: number): string[] {
  const pool = ['county.clerk', 'county.leader', 'county.head'];
  for (let i = 1; i <= 18; i++) pool.push(`town${String(i).padStart(2, '0')}.clerk`);
  for (let i = 1; i <= 18; i++) pool.push(`town${String(i).padStart(2, '0')}.leader`);
  for (let i = 1; i <= 18; i++) pool.push(`town${String(i).padStart(2, '0')}.head`);
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]!);
}

interface Session {
  username: string;
  cookie: string;
  csrf: string;
  documentIds: string[];
}

async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo#2026' }),
  });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const docs = await fetch(`${base}/api/documents?pageSize=20`, { headers: { cookie } });
  const list = (await docs.json()) as { items?: { id: string }[] };
  return { username, cookie, csrf: body.csrfToken, documentIds: (list.items ?? []).map((d) => d.id) };
}

interface Step {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  expect: number;
}

let created = 0;
/** The next request of a session: a fixed rotation, so every run sends the same mix. */
function stepOf(s: Session, i: number): Step {
  const county = s.username.startsWith('county.');
  const clerk = s.username.endsWith('.clerk');
  const rotation = [
    'inbox',
    'document',
    'incoming',
    'workbench',
    'outgoing',
    county ? 'dashboard' : 'inbox',
    clerk ? 'create' : 'document',
  ];
  const kind = rotation[i % rotation.length]!;
  switch (kind) {
    case 'inbox':
      return { name: kind, method: 'GET', url: '/api/inbox?pageSize=20', expect: 200 };
    case 'document': {
      const id = s.documentIds[i % Math.max(1, s.documentIds.length)];
      return id
        ? { name: kind, method: 'GET', url: `/api/documents/${id}`, expect: 200 }
        : { name: 'documents', method: 'GET', url: '/api/documents?pageSize=20', expect: 200 };
    }
    case 'incoming':
      return { name: kind, method: 'GET', url: '/api/registers/incoming?page=1&pageSize=20', expect: 200 };
    case 'outgoing':
      return { name: kind, method: 'GET', url: '/api/registers/outgoing?page=1&pageSize=20', expect: 200 };
    case 'workbench':
      return { name: kind, method: 'GET', url: '/api/workbench', expect: 200 };
    case 'dashboard':
      return { name: kind, method: 'GET', url: '/api/dashboard/county', expect: 200 };
    default:
      return {
        name: 'create',
        method: 'POST',
        url: '/api/incoming',
        body: {
          senderName: '县委办公室',
          docNumber: `清委办发〔2026〕${++created}号`,
          title: `压测收文 ${created}`,
          receivedDate: '2026-03-02',
        },
        expect: 201,
      };
  }
}

interface LoadResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  latencies: number[];
  byStep: Map<string, number[]>;
  rssPeakMB: number;
}

function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function runLoad(base: string, servers: Started[]): Promise<LoadResult> {
  const sessions: Session[] = [];
  for (const name of accounts(SESSIONS)) sessions.push(await signIn(base, name));
  const latencies: number[] = [];
  const byStep = new Map<string, number[]>();
  const errorSamples: string[] = [];
  let errors = 0;
  let rssPeakMB = 0;
  const sampler = setInterval(() => {
    rssPeakMB = Math.max(
      rssPeakMB,
      servers.reduce((sum, s) => sum + rssMB(s.child.pid!), 0),
    );
  }, 500);
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    sessions.map(async (s, k) => {
      for (let i = k; performance.now() < end; i++) {
        const step = stepOf(s, i);
        const t = performance.now();
        let status = 0;
        let text = '';
        try {
          const res = await fetch(base + step.url, {
            method: step.method,
            headers: {
              cookie: s.cookie,
              ...(step.method === 'POST' ? { 'x-csrf-token': s.csrf, 'content-type': 'application/json' } : {}),
            },
            body: step.body === undefined ? undefined : JSON.stringify(step.body),
          });
          status = res.status;
          text = await res.text();
        } catch (err) {
          text = (err as Error).message;
        }
        const ms = performance.now() - t;
        latencies.push(ms);
        (byStep.get(step.name) ?? byStep.set(step.name, []).get(step.name)!).push(ms);
        if (status !== step.expect) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${step.method} ${step.url} → ${status} ${text.slice(0, 160)}`);
        }
      }
    }),
  );
  clearInterval(sampler);
  return { requests: latencies.length, errors, errorSamples, seconds: (performance.now() - t0) / 1000, latencies, byStep, rssPeakMB };
}

function resultsOf(label: string, r: LoadResult, load: string): BenchResult[] {
  const p50 = percentile(r.latencies, 50);
  const p99 = percentile(r.latencies, 99);
  const steps = [...r.byStep]
    .map(([k, v]) => `${k} p50 ${Math.round(percentile(v, 50))}/p99 ${Math.round(percentile(v, 99))} ms (${v.length})`)
    .join('; ');
  return [
    {
      metric: `${label}: throughput (${SESSIONS} sessions, ${Math.round(r.seconds)} s, ${r.requests} requests)`,
      value: r.requests / r.seconds,
      unit: 'req/s',
      note: load,
    },
    { metric: `${label}: p50`, value: p50, unit: 'ms', note: steps },
    { metric: `${label}: p99`, value: p99, unit: 'ms', goal: `≤ ${P99_GOAL_MS} ms`, pass: p99 <= P99_GOAL_MS },
    {
      metric: `${label}: errors${r.errorSamples.length ? ` (${r.errorSamples.join(' | ')})` : ''}`,
      value: r.errors,
      unit: 'count',
      goal: '0',
      pass: r.errors === 0,
    },
    { metric: `${label}: server RSS, peak (sum of the processes)`, value: r.rssPeakMB, unit: 'MB' },
  ];
}

async function startHaproxy(dir: string, backends: number[]): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const cfg = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(
    cfg,
    [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 120s',
      '  timeout server 120s',
      '  option http-keep-alive',
      'frontend township',
      `  bind 127.0.0.1:${port}`,
      '  default_backend servers',
      'backend servers',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      ...backends.map((p, i) => `  server s${i + 1} 127.0.0.1:${p} check inter 2s`),
      '',
    ].join('\n'),
  );
  const child = spawn(HAPROXY, ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 500) throw new Error('HAProxy did not answer');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
    },
  };
}

const loadScenario: BenchScenario = {
  module: 'load',
  name: `${SESSIONS} sessions doing the office's mix, one process and two behind HAProxy`,
  async run({ database, progress }): Promise<BenchResult[]> {
    if (serverBundleStale()) {
      progress('compiling the server (packages/server/dist/cli.mjs)');
      await buildServer();
    }
    const opts = (database.pool as unknown as { options: { connectionString: string } }).options;
    const url = new URL(opts.connectionString);
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const name = `bench_load_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    url.pathname = `/${name}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-bench-load-'));
    const env = { DATABASE_URL: url.toString(), DATA_DIR: dir, LOG_LEVEL: 'warn', LOGIN_RATE_PER_MINUTE: '1000' };
    const servers: Started[] = [];
    const out: BenchResult[] = [];
    try {
      progress('first start: seeding the demo county');
      servers.push(await startServer(env, { timeoutMs: 600_000 }));
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      for (;;) {
        const left = Number((await db.query('SELECT count(*)::int AS n FROM search_dirty')).rows[0].n);
        if (left === 0) break;
        progress(`waiting for the search job: ${left} records to index`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      await db.end();
      const loadavg = () =>
        `load ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`;
      progress(`(a) one process, ${SECONDS} s`);
      const before = loadavg();
      const one = await runLoad(`http://127.0.0.1:${servers[0]!.port}`, servers);
      out.push(...resultsOf('(a) one process', one, `${before} before, ${loadavg()} after`));
      progress('starting a second process on the same database');
      servers.push(await startServer(env));
      if (!fs.existsSync(HAPROXY)) {
        out.push({ metric: `(b) skipped: no HAProxy at ${HAPROXY} (apt-get install haproxy)`, value: 0, unit: 'count', note: 'skipped' });
        return out;
      }
      const proxy = await startHaproxy(
        dir,
        servers.map((s) => s.port),
      );
      try {
        progress(`(b) two processes behind HAProxy, ${SECONDS} s`);
        const before2 = loadavg();
        const two = await runLoad(`http://127.0.0.1:${proxy.port}`, servers);
        out.push(...resultsOf('(b) two processes behind HAProxy', two, `${before2} before, ${loadavg()} after`));
      } finally {
        await proxy.stop();
      }
      return out;
    } finally {
      for (const s of servers) await s.stop();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const scenarios: BenchScenario[] = [loadScenario];
