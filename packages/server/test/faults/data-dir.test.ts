/**
 * One DATA_DIR, one server. A second `serve` on a DATA_DIR whose embedded cluster a live server
 * owns used to attach to it and, after the owner restarted on a new port, answer 500
 * ECONNREFUSED for ever. Now it refuses to start, names the owner's pid and says what to do;
 * CLI commands still attach to the running cluster. Real processes, a real cluster.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embedded.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/township-office.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-datadir-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // Stop a cluster a killed server may have left behind, then remove the folder.
  spawnSync(process.execPath, [bin, 'migrate'], { env, timeout: 60_000 });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function launch(port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, 'serve', '--no-demo'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function ready(s: ReturnType<typeof launch>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!/ready in \d+ ms at http/.test(s.output())) {
    if (s.child.exitCode !== null) throw new Error(`server exited: ${s.output()}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/api/health`)).status;

describe('a second server on a DATA_DIR another server owns', () => {
  it('refuses to start with the owner pid and what to do (exit 1), while CLI commands still attach; after the owner stops it starts', async () => {
    const port1 = await freePort();
    const owner = launch(port1);
    await ready(owner);
    expect(await health(port1)).toBe(200);
    expect(fs.readFileSync(path.join(dataDir, 'pg.owner'), 'utf8')).toBe(`${owner.child.pid}\nserve\n`);

    const port2 = await freePort();
    const second = launch(port2);
    const code = await Promise.race([second.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 60_000))]);
    expect(code, second.output()).toBe(1);
    expect(second.output()).toContain(`另一个服务进程（pid ${owner.child.pid}）正在使用数据目录 ${dataDir}`);
    expect(second.output()).toContain(
      `Another server (pid ${owner.child.pid}) is using DATA_DIR ${dataDir}; stop it, or give every server DATABASE_URL`,
    );
    expect(second.output()).not.toMatch(/ECONNREFUSED|ready in/);

    // A CLI command attaches to the owner's cluster and leaves it running.
    const migrate = spawnSync(process.execPath, [bin, 'migrate'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(migrate.status, `${migrate.stdout}${migrate.stderr}`).toBe(0);
    expect(migrate.stdout).toContain(`attached to the embedded PostgreSQL of process ${owner.child.pid}`);
    expect(await health(port1)).toBe(200);

    owner.child.kill('SIGTERM');
    expect(await owner.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg.owner'))).toBe(false);

    // Now the DATA_DIR is free: the next server owns it.
    const port3 = await freePort();
    const next = launch(port3);
    await ready(next);
    expect(await health(port3)).toBe(200);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    // Three server starts (the first one runs initdb) and a CLI run, on a shared 2-core machine.
  }, 400_000);
});
