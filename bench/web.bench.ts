/**
 * The web app in Debian's Chromium (issue 14): the JavaScript transferred (compressed bytes on the
 * wire, CDP Network.loadingFinished encodedDataLength) for the login page, for the workbench the
 * login leads to, and for a cold load of the workbench with a session already open; and the time
 * from pressing 登录 to the workbench's first content, on loopback. The built app (`npm run build`,
 * reused when current, else built into a temporary folder) is served by the real server (buildApp,
 * precompressed assets) on the bench's database. Skipped, not failed, without Chromium.
 * BENCH_WEB_RUNS (default 5): cold loads of each page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { freePort } from '../packages/server/src/db/embedded.ts';
import { CHROMIUM_FLAGS as FLAGS, WEB_DIST, buildWeb, findChromium, webBuildIsCurrent } from '../packages/web/e2e/test-server.ts';
import { median, type BenchResult, type BenchScenario } from './registry.ts';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const KB = 1024;
const JS_GOAL_KB = 250;
const FIRST_PAGE_GOAL_MS = 1000;
/** The scripts one page received: bytes on the wire (headers included) and decoded, and their encodings. */
interface Transfer {
  encoded: number;
  decoded: number;
  files: number;
  encodings: Set<string>;
  /** Each script's path and bytes on the wire (printed with BENCH_WEB_FILES=1). */
  list: string[];
}

/** Counts every script response of `page` from now on (CDP), until `take()` hands the sum and restarts. */
async function countScripts(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, { url: string; encoding: string; decoded: number }>();
  let t: Transfer = { encoded: 0, decoded: 0, files: 0, encodings: new Set(), list: [] };
  cdp.on('Network.responseReceived', (e) => {
    const url = e.response.url;
    if (e.type === 'Script' || /\.m?js(\?|$)/.test(new URL(url).pathname)) {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      scripts.set(e.requestId, { url: new URL(url).pathname, encoding: headers['content-encoding'] ?? 'identity', decoded: 0 });
    }
  });
  cdp.on('Network.dataReceived', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (!s) return;
    scripts.delete(e.requestId);
    t.encoded += e.encodedDataLength;
    t.decoded += s.decoded;
    t.files += 1;
    t.encodings.add(s.encoding);
    t.list.push(`${s.url} ${e.encodedDataLength}`);
  });
  return {
    take(): Transfer {
      const out = t;
      t = { encoded: 0, decoded: 0, files: 0, encodings: new Set(), list: [] };
      return out;
    },
  };
}

const FIRST_CONTENT = '[data-testid="workbench-todos"], [data-testid="workbench-empty"]';
const LOGIN_FORM = '[data-testid="login-submit"]';

/**
 * Stamps, in the page, the wall-clock time of the first frame in which each selector matches (a
 * MutationObserver, then the next animation frame: the frame that paints it). Timing with a locator's
 * waitFor() instead measured Playwright's back-off polling (it looks again after 0, 20, 50, 100, 100,
 * then every 500 ms), so a page shown at 430 ms read as ~930 ms.
 */
async function stampShown(context: BrowserContext) {
  // Page code as text: the bench is compiled without the DOM's types, and tsx (keepNames) would wrap
  // a named function in a __name() the page lacks.
  await context.addInitScript({
    content: `(() => {
      const selectors = ${JSON.stringify([FIRST_CONTENT, LOGIN_FORM])};
      const stamps = (window.__shownAt = {});
      new MutationObserver(() => {
        for (const sel of selectors)
          if (!(sel in stamps) && document.querySelector(sel)) {
            stamps[sel] = -1;
            requestAnimationFrame(() => (stamps[sel] = performance.timeOrigin + performance.now()));
          }
      }).observe(document, { childList: true, subtree: true });
    })();`,
  });
}

/** Waits until `selector` is on screen and returns the wall-clock time of the frame that first showed it. */
async function shownAt(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (sel) => {
      // Runs in the page (no string: the app's CSP forbids eval); globalThis is its window.
      const at = (globalThis as unknown as { __shownAt?: Record<string, number> }).__shownAt?.[sel];
      return at !== undefined && at > 0 ? at : false;
    },
    selector,
    { polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function workbenchShown(page: Page): Promise<number> {
  const at = await shownAt(page, FIRST_CONTENT);
  // router.tsx marks the page on screen on <body data-shown-path>.
  await page.locator('body[data-shown-path="/"]').waitFor({ state: 'attached' });
  return at;
}

interface Run {
  login: Transfer;
  afterLogin: Transfer;
  cold: Transfer;
  loginFormMs: number;
  firstPageMs: number;
  coldMs: number;
  apiMs: number;
}

async function oneRun(browser: Browser, baseURL: string, username: string): Promise<Run> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  context.setDefaultTimeout(30_000);
  try {
    await stampShown(context);
    const page = await context.newPage();
    const counter = await countScripts(context, page);
    let t0 = Date.now();
    await page.goto('/login');
    const loginFormMs = (await shownAt(page, LOGIN_FORM)) - t0;
    await page.waitForLoadState('networkidle');
    const login = counter.take();

    await page.getByLabel(/用户名|用戶名|User name/).fill(username);
    await page.getByLabel(/^(密码|密碼|Password)$/).fill('Demo#2026');
    t0 = Date.now();
    await page.getByTestId('login-submit').click();
    const firstPageMs = (await workbenchShown(page)) - t0;
    await page.waitForLoadState('networkidle');
    const afterLogin = counter.take();

    // The same reads the workbench makes, timed alone from the page (no rendering): the floor.
    const apiMs = await page.evaluate(async () => {
      const s = performance.now();
      await Promise.all([fetch('/api/me').then((r) => r.text()), fetch('/api/workbench').then((r) => r.text())]);
      return performance.now() - s;
    });

    // A cold load of the workbench with the session open: a fresh cache, the same cookies.
    const state = await context.storageState();
    const cold = await browser.newContext({
      baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      storageState: state,
      viewport: { width: 1366, height: 768 },
    });
    cold.setDefaultTimeout(30_000);
    await stampShown(cold);
    try {
      const p2 = await cold.newPage();
      const c2 = await countScripts(cold, p2);
      t0 = Date.now();
      await p2.goto('/');
      const coldMs = (await workbenchShown(p2)) - t0;
      await p2.waitForLoadState('networkidle');
      return { login, afterLogin, cold: c2.take(), loginFormMs, firstPageMs, coldMs, apiMs };
    } finally {
      await cold.close();
    }
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

const webBytes: BenchScenario = {
  module: 'web',
  name: 'JavaScript transferred and first page after login in Chromium',
  async run({ database, progress }): Promise<BenchResult[]> {
    const executablePath = findChromium();
    if (!executablePath) {
      return [{ metric: 'skipped: no Chromium (apt-get install chromium)', value: 0, unit: 'count', note: 'skipped' }];
    }
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'township-bench-web-'));
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    let browser: Browser | undefined;
    try {
      // A private copy, as the browser tests do: another build replacing packages/web/dist would blank the pages.
      if (webBuildIsCurrent()) fs.cpSync(WEB_DIST, webDist, { recursive: true });
      else {
        progress('building the web app (npm run build was not run since the last change)');
        buildWeb(webDist);
      }
      const config = loadConfig({ dataDir: webDist, webDist, logLevel: 'warn', loginRatePerMinute: 100_000 });
      app = await buildApp({ config, database });
      const port = await freePort();
      await app.listen({ port, host: '127.0.0.1' });
      const baseURL = `http://127.0.0.1:${port}`;
      browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
      // One untimed run: the server's first requests (route compilation, pool) and the OS file cache.
      progress('warm-up');
      await oneRun(browser, baseURL, 'town01.clerk');
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        progress(`run ${i + 1}/${RUNS}`);
        runs.push(await oneRun(browser, baseURL, 'town01.clerk'));
      }
      const last = runs.at(-1)!;
      if (process.env.BENCH_WEB_FILES)
        for (const k of ['login', 'afterLogin', 'cold'] as const) console.log(`\n${k}:\n  ${last[k].list.sort().join('\n  ')}`);
      const enc = (t: Transfer) => [...t.encodings].join('+');
      const loginKB = kb(median(runs.map((r) => r.login.encoded)));
      const coldKB = kb(median(runs.map((r) => r.cold.encoded)));
      const afterKB = kb(median(runs.map((r) => r.afterLogin.encoded)));
      const firstMs = median(runs.map((r) => r.firstPageMs));
      const coldMs = median(runs.map((r) => r.coldMs));
      return [
        {
          metric: `login page: JavaScript transferred (${last.login.files} files, ${enc(last.login)})`,
          value: loginKB,
          unit: 'KB',
          baseline: kb(last.login.decoded),
          baselineLabel: 'the same scripts uncompressed',
          goal: `≤ ${JS_GOAL_KB} KB`,
          pass: loginKB <= JS_GOAL_KB,
        },
        {
          metric: `workbench, cold load signed in: JavaScript transferred (${last.cold.files} files, ${enc(last.cold)})`,
          value: coldKB,
          unit: 'KB',
          baseline: kb(last.cold.decoded),
          baselineLabel: 'the same scripts uncompressed',
          goal: `≤ ${JS_GOAL_KB} KB`,
          pass: coldKB <= JS_GOAL_KB,
        },
        {
          metric: `workbench after the login page: JavaScript added (${last.afterLogin.files} files)`,
          value: afterKB,
          unit: 'KB',
          baseline: kb(last.afterLogin.decoded),
          baselineLabel: 'the same scripts uncompressed',
          goal: `≤ ${JS_GOAL_KB} KB`,
          pass: afterKB <= JS_GOAL_KB,
        },
        {
          metric: `登录 pressed → workbench's first content (median of ${RUNS}; p max ${Math.round(Math.max(...runs.map((r) => r.firstPageMs)))} ms)`,
          value: firstMs,
          unit: 'ms',
          baseline: median(runs.map((r) => r.apiMs)),
          baselineLabel: 'GET /api/me + /api/workbench from the page, alone',
          goal: `≤ ${FIRST_PAGE_GOAL_MS} ms`,
          pass: firstMs <= FIRST_PAGE_GOAL_MS,
        },
        {
          metric: `workbench cold load signed in → first content (median of ${RUNS})`,
          value: coldMs,
          unit: 'ms',
          baseline: median(runs.map((r) => r.loginFormMs)),
          baselineLabel: 'cold load of the login form',
          goal: `≤ ${FIRST_PAGE_GOAL_MS} ms`,
          pass: coldMs <= FIRST_PAGE_GOAL_MS,
        },
      ];
    } finally {
      await browser?.close();
      await app?.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
  },
};

export const scenarios: BenchScenario[] = [webBytes];
