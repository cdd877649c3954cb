/** What the HTTP benchmarks share: the app on the bench's database, a signed-in session, timed samples. */
import fs from 'node:fs';
import type pg from 'pg';
import type { Database } from '../packages/server/src/db/client.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import type { App } from '../packages/server/src/platform/app-types.ts';
import { timed } from './registry.ts';

export async function appFor(database: Database): Promise<App> {
  return buildApp({ config: loadConfig({ dataDir: '/nonexistent', webDist: undefined }), database });
}

let ip = 0;
/** Signs in from an address of its own each time (so the login limiter never counts the bench's sign-ins together). */
export async function session(app: App, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'Demo#2026' },
    remoteAddress: `10.9.${++ip >> 8}.${ip & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: res.json().csrfToken as string };
}

/** `n` timings of `fn` (ms) after `warmUp` untimed calls. */
export async function sample(n: number, fn: (i: number) => Promise<unknown>, warmUp = 5): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timed(() => fn(i))).ms);
  return out;
}

export const round = (x: number) => Math.round(x * 100) / 100;

/**
 * CPU spent by this process (node, the HTTP edge and the bench's own clients) and by the
 * PostgreSQL cluster behind `pool` (every child of its postmaster: backends, WAL writer,
 * checkpointer), in ms since `start()`. PostgreSQL's side is read from /proc at the kernel's
 * clock-tick resolution (10 ms): measure a few hundred ms at least.
 */
export async function cpuMeter(pool: pg.Pool): Promise<() => { node: number; postgres: number }> {
  const backend = Number((await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
  const postmaster = Number(statFields(backend)[1]);
  const tick = 1000 / 100;
  const postgresMs = () => {
    let t = 0;
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const f = statFields(Number(d));
      if (f.length && (Number(d) === postmaster || Number(f[1]) === postmaster)) t += (Number(f[11]) + Number(f[12])) * tick;
    }
    return t;
  };
  const n0 = process.cpuUsage();
  const p0 = postgresMs();
  return () => {
    const n = process.cpuUsage(n0);
    return { node: (n.user + n.system) / 1000, postgres: postgresMs() - p0 };
  };
}

/** /proc/<pid>/stat after the command name: [state, ppid, …] (field 3 of proc(5) is index 0); [] if gone. */
function statFields(pid: number): string[] {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return [];
  }
}
