/**
 * Browser tests: find Debian's Chromium, build the web app, start the product on a throwaway
 * seeded database, and hand `baseUrl` (null when there is no Chromium) to the tests. A build in
 * packages/web/dist newer than its sources (after `npm run build`) is reused instead of rebuilt.
 * REQUIRE_BROWSER=1 (set by .ci/run) turns a missing Chromium into a failure. E2E_BASE_URL=http://…
 * uses a server that is already running (e2e/serve.ts) instead of building and starting one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { WEB_DIST, buildWeb, findChromium, startTestServer, webBuildIsCurrent, type TestServer } from './test-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string | null;
    chromiumPath: string | null;
  }
}

let server: TestServer | undefined;

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error('REQUIRE_BROWSER=1 but no Chromium found (apt-get install chromium)');
    console.log('browser tests skipped: no Chromium found (apt-get install chromium)');
    project.provide('baseUrl', null);
    project.provide('chromiumPath', null);
    return;
  }
  // A server already running (e.g. e2e/serve.ts) makes iterating on one test file quick.
  if (process.env.E2E_BASE_URL) {
    console.log(`[browser] using the running server at ${process.env.E2E_BASE_URL} (E2E_BASE_URL)`);
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    project.provide('chromiumPath', chromium);
    return;
  }
  const t0 = Date.now();
  // The server is given a private copy: another build replacing packages/web/dist under it would
  // blank its pages. A current packages/web/dist (`npm run build` just ran) is copied, not rebuilt.
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'township-web-'));
  const reuse = webBuildIsCurrent();
  try {
    if (reuse) fs.cpSync(WEB_DIST, webDist, { recursive: true });
    else buildWeb(webDist);
  } catch (err) {
    fs.rmSync(webDist, { recursive: true, force: true });
    throw err;
  }
  const built = Date.now();
  server = await startTestServer({ log: (m) => console.log(`[browser] ${m}`), webDist });
  console.log(
    `[browser] web ${reuse ? 'copied from the current packages/web/dist' : 'built'} in ${built - t0} ms; server at ${server.baseUrl} after ${Date.now() - t0} ms`,
  );
  project.provide('baseUrl', server.baseUrl);
  project.provide('chromiumPath', chromium);
  return async () => {
    await server?.stop();
    fs.rmSync(webDist, { recursive: true, force: true });
  };
}
