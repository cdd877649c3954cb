/**
 * The product as an operator runs it: `township-office serve` on an embedded cluster in a fresh
 * DATA_DIR, killed with SIGKILL and started again; backup and restore round trip (rows and stored
 * files, a cut backup refused while the server runs); audit verify.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/township-office.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill('SIGKILL');
  // Stop the cluster a killed server left behind, then remove the folder.
  spawnSync(process.execPath, [bin, 'migrate'], { env, timeout: 60_000 });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * `serve` on PORT=0: the system picks a free port at listen and the server prints it. (A port chosen
 * beforehand could be taken in between, e.g. by the PostgreSQL the restart itself starts.)
 */
async function startServer(args: string[] = []): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const deadline = Date.now() + 240_000;
  while (!/ready in \d+ ms at http/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port: Number(/ready in \d+ ms at http:\/\/[^:]+:(\d+)/.exec(out)![1]), output: () => out };
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, ADMIN_PASSWORD: 'Admin#2026x' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function signIn(port: number, username: string, password = 'Demo#2026') {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken: string; mustChangePassword?: boolean };
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', csrf: body.csrfToken as string, body };
}

describe('township-office serve on the embedded database', () => {
  it('seeds the demo county on first start, prints the demo accounts, and loses no acknowledged write to SIGKILL', async () => {
    const first = await startServer();
    const port = first.port;
    server = first.child;
    expect(first.output(), first.output()).toContain('Demo#2026');
    expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ status: 'ok', database: 'embedded' });

    const admin = await signIn(port, 'sysadmin');
    const orgs = (
      (await (await fetch(`http://127.0.0.1:${port}/api/orgs`, { headers: { cookie: admin.cookie } })).json()) as {
        items: { id: string; kind: string }[];
      }
    ).items;
    const created = await fetch(`http://127.0.0.1:${port}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({
        username: 'durable.clerk',
        displayName: '持久',
        orgId: orgs.find((o) => o.kind === 'township')!.id,
        role: 'office_staff',
        password: 'Durable#2026',
      }),
    });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startServer();
    const port2 = second.port;
    server = second.child;
    expect(second.output()).not.toContain('seeding the demo county');
    const again = await signIn(port2, 'durable.clerk', 'Durable#2026');
    expect(again.status).toBe(200);
    expect(again.body.mustChangePassword).toBe(true);
    // SIGTERM with sign-ins still in flight: the server drains and stops in order, exit code 0
    // (async-exit-hook used to stop PostgreSQL beside it, and a lost connection crashed the process).
    const inFlight = Array.from({ length: 8 }, () => signIn(port2, 'county.clerk', 'Demo#2026').catch(() => null));
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((r) => second.child.once('exit', (code) => r(code)));
    second.child.kill('SIGTERM');
    await Promise.all(inFlight);
    expect(await exited).toBe(0);
    expect(second.output()).not.toMatch(/Unhandled 'error' event|terminating connection/);
    server = undefined;
    // Two starts (each may take startServer's 240 s on a loaded machine: a fresh-clone CI run at
    // load ~15 passed 180 s here) and the work between them: a hang guard, not a measure.
  }, 600_000);

  it('backs up and restores the whole system (rows and stored files) while a server runs; a cut backup is refused in seconds and the server keeps answering', async () => {
    const s = await startServer();
    const port = s.port;
    server = s.child;
    const base = `http://127.0.0.1:${port}`;
    const clerk = await signIn(port, 'county.clerk');
    const orgs = (
      (await (await fetch(`${base}/api/orgs`, { headers: { cookie: clerk.cookie } })).json()) as { items: { id: string; kind: string }[] }
    ).items;
    const unsafe = { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf };
    const draft = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { ...unsafe, 'content-type': 'application/json' },
      body: JSON.stringify({
        docType: '通知',
        title: '备份附件',
        body: '见附件',
        mainRecipientOrgIds: [orgs.find((o) => o.kind === 'township')!.id],
      }),
    });
    expect(draft.status).toBe(201);
    const docId = ((await draft.json()) as { id: string }).id;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100_000, 'Z')]);
    const boundary = '----cli' + Date.now();
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await fetch(`${base}/api/documents/${docId}/attachments`, {
      method: 'POST',
      headers: { ...unsafe, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(up.status).toBe(201);
    const attId = ((await up.json()) as { id: string }).id;

    const file = path.join(dataDir, 'backup.dump');
    const backup = cli('backup', file);
    expect(backup.status, backup.out).toBe(0);
    expect(backup.out).toMatch(/and [1-9]\d* stored files/);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    // `head -c` of the backup: refused before the database is touched, with the catalogued message.
    const cut = path.join(dataDir, 'cut.gz');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size * 0.4)));
    const started = Date.now();
    const refused = cli('restore', cut);
    const refusedMs = Date.now() - started;
    expect(refused.status, refused.out).toBe(1);
    expect(refused.out).toContain('备份文件不完整或已损坏');
    expect(refused.out).toMatch(/the backup file is incomplete or damaged/i);
    expect(refused.out).not.toMatch(/\n\s+at /);
    // The old restore never finished here. The check itself takes seconds (test/files/backup.test.ts);
    // the bound is loose because the CLI's own start-up on a loaded machine is in it.
    expect(refusedMs).toBeLessThan(90_000);
    const t = Date.now();
    expect((await fetch(`${base}/api/documents/${docId}`, { headers: { cookie: clerk.cookie } })).status).toBe(200);
    expect(Date.now() - t).toBeLessThan(2000);

    s.child.kill('SIGTERM');
    await new Promise((r) => s.child.once('exit', r));
    server = undefined;

    const made = cli('create-admin', '--username', 'late.admin', '--role', 'security_admin');
    expect(made.status, made.out).toBe(0);
    expect(cli('create-admin', '--username', 'late.admin2', '--role', 'county_staff').status).not.toBe(0);

    // Lose the file store: the restore brings the attachment back.
    fs.rmSync(path.join(dataDir, 'files'), { recursive: true, force: true });
    const restore = cli('restore', file);
    expect(restore.status, restore.out).toBe(0);
    expect(restore.out).toMatch(/and [1-9]\d* stored files/);

    const s2 = await startServer();
    const port2 = s2.port;
    server = s2.child;
    expect((await signIn(port2, 'late.admin', 'Admin#2026x')).status).toBe(401);
    expect((await signIn(port2, 'durable.clerk', 'Durable#2026')).status).toBe(200);
    const clerk2 = await signIn(port2, 'county.clerk');
    const dl = await fetch(`http://127.0.0.1:${port2}/api/documents/${docId}/attachments/${attId}`, { headers: { cookie: clerk2.cookie } });
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdf)).toBe(true);
    s2.child.kill('SIGTERM');
    await new Promise((r) => s2.child.once('exit', r));
    server = undefined;

    const verify = cli('audit', 'verify');
    expect(verify.status, verify.out).toBe(0);
    expect(verify.out).toMatch(/audit chain intact: \d+ rows/);
  }, 600_000);
});
