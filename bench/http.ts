/** What the HTTP benchmarks share: the app on the bench's database, a signed-in session, timed samples. */
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
