#!/usr/bin/env node
// `npm start`: build the web app and compile the server when missing or older than their sources, then serve.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages', 'web');
const built = path.join(web, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'e2e') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale =
  !fs.existsSync(built) ||
  fs.statSync(built).mtimeMs < Math.max(newestMtime(web), newestMtime(path.join(root, 'packages', 'domain', 'src')));
if (stale) {
  console.log('[township-office] building the web app (first start or changed sources)…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@township-office/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The server compiled once (≈ 1 s) when missing or older than its sources: a restart then runs plain
// JavaScript, with no transpiler between the code and node.
const { buildServer, serverBundleStale } = await import(path.join(root, 'packages', 'server', 'bin', 'build-server.mjs'));
if (serverBundleStale()) {
  console.log('[township-office] compiling the server (first start or changed sources)…');
  await buildServer();
}
// Serve in this process, so signals (Ctrl-C, SIGTERM from a supervisor) reach the server directly.
const bin = path.join(root, 'packages', 'server', 'bin', 'township-office.mjs');
process.argv = [process.argv[0], bin, 'serve', ...process.argv.slice(2)];
await import(bin);
