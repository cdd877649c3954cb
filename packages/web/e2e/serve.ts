/**
 * Look at the app by hand on a throwaway seeded database (the same server the browser tests use),
 * built into a folder of its own so other builds of packages/web/dist do not disturb it:
 *   node packages/server/bin/run-ts.mjs packages/web/e2e/serve.ts [--foundation]
 * Then run a browser test file against it quickly: E2E_BASE_URL=<printed url> npx vitest run --project browser <file>
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWeb, startTestServer } from './test-server.ts';

const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'township-web-'));
buildWeb(webDist);
const server = await startTestServer({ log: console.log, seed: process.argv.includes('--foundation') ? 'foundation' : 'demo', webDist });
console.log(`ready: ${server.baseUrl} (Ctrl-C stops and deletes the database)`);
const stop = async () => {
  await server.stop();
  fs.rmSync(webDist, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
