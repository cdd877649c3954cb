/**
 * Browser-test helpers: Debian's Chromium through playwright-core, signing in as a demo account,
 * choosing select options by keyboard (`selectOption`), screenshots. Every test file wraps its
 * tests in `describeBrowser(...)`, which skips them when the global setup found no Chromium
 * (baseUrl null). Every step waits on state the app shows (an element, a URL, a response, an
 * ARIA attribute), never on a fixed time, and never clicks again in case the first did not take.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ElementHandle, type Locator, type Page } from 'playwright-core';
import { beforeEach, describe, expect, inject } from 'vitest';
import { CHROMIUM_FLAGS as FLAGS, REPO_ROOT } from './test-server.ts';

export const DEMO_PASSWORD = 'Demo#2026';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Poll page state every 50 ms rather than per animation frame, which a hidden page may not get. */
const POLL = { polling: 50 } as const;

/** The running server's address, or null when the browser tests are skipped. */
export function baseUrl(): string | null {
  return inject('baseUrl');
}

/** `describe` that is skipped (with the global setup's one-line reason) when there is no Chromium. */
export const describeBrowser = (name: string, fn: () => void) =>
  describe.skipIf(!inject('baseUrl'))(name, () => {
    beforeEach((ctx) => ctx.onTestFailed(() => reportOpenPages(ctx.task.name)));
    fn();
  });

/** The sessions open now, for the failure report. */
const openSessions = new Set<BrowserContext>();

/** Each page's last API answers and console errors, for the failure report. */
const pageLogs = new WeakMap<Page, string[]>();
function keepLog(page: Page): void {
  const log: string[] = [];
  pageLogs.set(page, log);
  const add = (line: string) => {
    log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (log.length > 25) log.shift();
  };
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) add(`${r.request().method()} ${u.pathname}${u.search} ${r.status()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/') && r.method() !== 'GET') add(`${r.method()} ${u.pathname} sent`);
  });
  page.on('requestfailed', (r) => add(`${r.method()} ${new URL(r.url()).pathname} failed: ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') add(`console.${m.type()}: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => add(`pageerror: ${e.message.slice(0, 200)}`));
}

/**
 * When a test fails, what each open page showed: its address, the page on screen (router.tsx's
 * mark), the dialogs and messages open and the start of its text, printed into the log, and a
 * screenshot in test-results/screenshots/FAILED-*.png. A CI log then says what the page was doing,
 * not only which wait ran out.
 */
async function reportOpenPages(test: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let n = 0;
  for (const context of openSessions) {
    for (const page of context.pages()) {
      n += 1;
      try {
        const state = await page.evaluate(() => ({
          url: location.pathname + location.search,
          shown: document.body.dataset.shownPath ?? null,
          overlays: [...document.querySelectorAll('.ant-modal-title, .ant-message-notice, .ant-notification-notice-message')]
            .map((e) => (e as HTMLElement).innerText.trim())
            .filter(Boolean),
          text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 600),
        }));
        const file = await page
          .screenshot({ path: path.join(SCREENSHOT_DIR, `FAILED-${test.slice(0, 40).replace(/[^\w.-]+/g, '_')}-${n}.png`) })
          .then(() => `FAILED-…-${n}.png`)
          .catch(() => 'no screenshot');
        console.error(`[browser] failed "${test}", page ${n}: ${JSON.stringify(state)} (${file})`);
        console.error(`[browser] page ${n}'s last API answers and console errors:\n  ${(pageLogs.get(page) ?? []).join('\n  ')}`);
      } catch (err) {
        console.error(`[browser] failed "${test}", page ${n}: could not read it (${(err as Error).message.split('\n')[0]})`);
      }
    }
  }
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** A second tab in the same session (same cookies). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh Chromium with its own profile folder (so no cookies carry over), 1366×768, zh-CN. */
export async function openBrowser(
  opts: {
    viewport?: { width: number; height: number };
    locale?: string;
    /** a server of the test's own (startTestServer) */ baseUrl?: string;
  } = {},
): Promise<BrowserSession> {
  const executablePath = inject('chromiumPath');
  const url = opts.baseUrl ?? inject('baseUrl');
  if (!executablePath || !url) throw new Error('no Chromium: wrap the test in describeBrowser');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'township-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: opts.viewport ?? { width: 1366, height: 768 },
    locale: opts.locale ?? 'zh-CN',
    // The users' clocks are in China; times in tables and screenshots read as they would there.
    timezoneId: 'Asia/Shanghai',
    // The app then turns Ant Design's animations off (theme.ts, useTheme). A dialog zooms in from
    // the button that opened it: Playwright found the OK button stable while the zoom had not yet
    // started, the zoom then shrank it away, and the click landed beside it (two CI runs left the
    // 签发 dialog and the 网上分发 confirm open with nothing sent).
    reducedMotion: 'reduce',
    baseURL: url,
  });
  context.setDefaultTimeout(15_000);
  openSessions.add(context);
  context.on('page', keepLog);
  const page = context.pages()[0] ?? (await context.newPage());
  if (!pageLogs.has(page)) keepLog(page);
  return {
    context,
    page,
    newPage: () => context.newPage(),
    close: async () => {
      openSessions.delete(context);
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Fill and submit the login form (dropping any session first); does not wait for what follows. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel(/用户名|用戶名|User name/).fill(username);
  await page.getByLabel(/^(密码|密碼|Password)$/).fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Go to a path of the loaded app the way its own links do (history.pushState plus the popstate
 * its router listens to): a full page load parses the whole bundle again, several seconds on a
 * busy machine. A page without the app (signed out, blank) gets page.goto, the current path a
 * reload, so each call still lands on a freshly mounted page.
 */
export async function navigate(page: Page, to: string): Promise<void> {
  const how = await page.evaluate((p) => {
    if (!document.querySelector('[data-testid="main-menu"]')) return 'load';
    if (location.pathname + location.search === p) return 'reload';
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    return 'pushed';
  }, to);
  if (how === 'load') await page.goto(to);
  else if (how === 'reload') await page.reload();
  await pageShown(page);
}

/** After a click that navigates inside the app: wait for the address, then for its page to be on screen. */
export async function waitForPage(page: Page, url: Parameters<Page['waitForURL']>[0]): Promise<void> {
  await page.waitForURL(url);
  await pageShown(page);
}

/**
 * Wait until the page on screen is the one the address bar names (the app's `data-shown-path`,
 * router.tsx). A route change runs in a React transition, so the previous page stays on screen,
 * buttons and all, until the new page's chunk has loaded: a fresh-clone CI run clicked the
 * outgoing slip's 打印 button again instead of the incoming slip's, which had not appeared yet.
 */
export async function pageShown(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.shownPath === location.pathname + location.search, null, POLL);
}

/** Sign in through the login page and wait for the layout. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await page.getByTestId('main-menu').waitFor();
}

/** Sign out with the header button and wait for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
}

/** Pick 简体中文 / 繁體中文 / English in the header language switch (the login page has a Segmented, login-lang-switch). */
export async function switchLanguage(page: Page, label: '简体中文' | '繁體中文' | 'English'): Promise<void> {
  const code = { 简体中文: 'zh-CN', 繁體中文: 'zh-TW', English: 'en' }[label];
  const button = page.getByTestId('lang-switch');
  await button.click();
  // The menu is open when its item is visible; the switch carries the language once the state
  // changed, in the same render as every string.
  const item = page.getByRole('menuitem', { name: label, exact: true });
  await item.waitFor();
  await item.click();
  await page.locator(`[data-testid="lang-switch"][data-lang="${code}"]`).waitFor();
}

/** The texts of the left menu's top-level items (groups and single pages), in order. */
export async function menuTopLevel(page: Page): Promise<string[]> {
  const menu = page.getByTestId('main-menu');
  const items = menu.locator(':scope > li.ant-menu-item, :scope > li.ant-menu-submenu > .ant-menu-submenu-title');
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/** Open a menu group (click its title if closed) and return its items' texts. */
export async function menuGroupItems(page: Page, groupLabel: string): Promise<string[]> {
  const menu = page.getByTestId('main-menu');
  const sub = menu
    .locator(':scope > li.ant-menu-submenu')
    .filter({ has: page.locator('.ant-menu-submenu-title', { hasText: groupLabel }) });
  if (!(await sub.evaluate((el) => el.classList.contains('ant-menu-submenu-open')))) await sub.locator('.ant-menu-submenu-title').click();
  const items = sub.locator('li.ant-menu-item');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/** A 1366×768 PNG in test-results/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  // Let fonts and lazy chunks settle so the picture shows the page, not a spinner.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .plain-skeleton'), null, POLL);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Ant Design selects, by keyboard. Every step waits on state the select exposes through ARIA: the
// combobox's aria-expanded, its aria-activedescendant (the highlighted option, which exists only
// once the options have arrived) and the chosen label shown in the select. Nothing is clicked in
// the dropdown, so no step depends on where it is drawn or on its opening animation: a busy
// machine makes a pick slower, never different.

/** An option label: a string is matched exactly (trimmed); a RegExp is tested. */
export type OptionText = string | RegExp;

interface Matcher {
  text: string;
  source: string | null;
  flags: string;
}
const matcher = (text: OptionText): Matcher =>
  typeof text === 'string' ? { text, source: null, flags: '' } : { text: '', source: text.source, flags: text.flags };

interface ActiveOption {
  id: string;
  label: string;
  /** Another option beside it in the list, i.e. ArrowDown moves somewhere else. */
  hasNeighbour: boolean;
}

/** The combobox input of the select: the locator itself when it is that input, else the one inside. */
async function comboboxOf(select: Locator): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await select.elementHandle();
  if (!handle) throw new Error('selectOption: the select is not on the page');
  const input = await handle.evaluateHandle((el) => (el.matches('[role="combobox"]') ? el : el.querySelector('[role="combobox"]')));
  const element = input.asElement();
  if (!element)
    throw new Error('selectOption: no combobox input inside the given locator (pass the .ant-select, its form item or its input)');
  return element as ElementHandle<HTMLInputElement>;
}

/** Runs in the page: the highlighted option of an open select, or null while there is none (closed, or options not loaded). */
function readActive(input: HTMLInputElement): ActiveOption | null {
  if (input.getAttribute('aria-expanded') !== 'true') return null;
  const id = input.getAttribute('aria-activedescendant');
  const el = id ? document.getElementById(id) : null;
  if (!id || !el) return null;
  // Two selects whose option ids collide would send the highlight into the other's list.
  if (document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length > 1)
    throw new Error(`two elements have the id ${id}: give each select its own id`);
  const index = Number(id.slice(id.lastIndexOf('_') + 1));
  const list = id.slice(0, id.lastIndexOf('_'));
  const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').trim();
  return {
    id,
    label,
    hasNeighbour: !!(document.getElementById(`${list}_${index - 1}`) || document.getElementById(`${list}_${index + 1}`)),
  };
}

function matches(label: string, m: Matcher): boolean {
  return m.source === null ? label.trim() === m.text : new RegExp(m.source, m.flags).test(label);
}

async function waitFor<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`selectOption: ${what}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Choose the option labelled `text` in an Ant Design Select (single or multiple) by keyboard:
 * focus it, open it (ArrowDown), wait until the options are rendered and one is highlighted; in a
 * searchable select type the text and wait until the filter has highlighted a match; move down
 * with ArrowDown (each press waits for the highlight to move) until the highlighted option is the
 * wanted one; press Enter; wait until the select shows the label (and, in single mode, is closed;
 * a multiple select is closed with Escape). Fails with the labels it saw when there is no such
 * option. `select` is the `.ant-select` element, a form item holding one, or its combobox input.
 */
export async function selectOption(page: Page, select: Locator, text: OptionText): Promise<void> {
  const m = matcher(text);
  const input = await comboboxOf(select);
  const shown = `"${String(text)}"`;
  await input.focus();
  const state = await input.evaluate((el) => ({
    expanded: el.getAttribute('aria-expanded') === 'true',
    searchable: !el.readOnly,
    multiple: !!el.closest('.ant-select-multiple'),
  }));
  if (!state.expanded) await input.press('ArrowDown');
  await waitFor(`options of ${shown} never rendered`, () => page.waitForFunction(readActive, input, POLL));

  if (state.searchable && m.source === null) {
    await input.fill(m.text);
    await waitFor(`typing ${shown} highlighted no matching option`, () =>
      page.waitForFunction(
        ([el, t]) => {
          const id = el.getAttribute('aria-activedescendant');
          const label = id
            ? (document.getElementById(id)?.getAttribute('aria-label') ?? document.getElementById(id)?.getAttribute('title'))
            : null;
          return !!label && label.toLowerCase().includes(t.toLowerCase());
        },
        [input, m.text] as const,
        POLL,
      ),
    );
  }

  const seen = new Map<string, string>();
  for (;;) {
    const active = await input.evaluate(readActive);
    if (!active) throw new Error(`selectOption: the ${shown} select closed while choosing`);
    if (matches(active.label, m)) break;
    if (seen.has(active.id) || !active.hasNeighbour)
      throw new Error(`selectOption: no option ${shown}; the options are ${JSON.stringify([...seen.values(), active.label])}`);
    seen.set(active.id, active.label);
    await input.press('ArrowDown');
    await waitFor(`ArrowDown did not move the highlight off "${active.label}"`, () =>
      page.waitForFunction(([el, id]) => el.getAttribute('aria-activedescendant') !== id, [input, active.id] as const, POLL),
    );
  }

  await input.press('Enter');
  await waitFor(`the select does not show ${shown} after Enter`, () =>
    page.waitForFunction(
      ([el, mm, multiple]) => {
        const root = el.closest('.ant-select');
        if (!root) return false;
        const labels = multiple
          ? [...root.querySelectorAll('.ant-select-selection-item-content')].map((x) => x.textContent ?? '')
          : [root.querySelector('.ant-select-content')?.textContent ?? ''];
        const ok = labels.some((l) => (mm.source === null ? l.trim() === mm.text : new RegExp(mm.source, mm.flags).test(l)));
        return ok && (multiple || el.getAttribute('aria-expanded') === 'false');
      },
      [input, m, state.multiple] as const,
      POLL,
    ),
  );
  if (state.multiple) {
    await input.press('Escape');
    await waitFor(`the ${shown} select did not close on Escape`, () =>
      page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'false', input, POLL),
    );
  }
  await input.dispose();
}

/**
 * The labels of a select's options as its open list renders them (the first screenful: the
 * list is virtual), opened and closed again by keyboard.
 */
export async function optionLabels(page: Page, select: Locator): Promise<string[]> {
  const input = await comboboxOf(select);
  await input.focus();
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.press('ArrowDown');
  await waitFor('the options never rendered', () => page.waitForFunction(readActive, input, POLL));
  const labels = await input.evaluate((el) => {
    const list = document.getElementById(el.getAttribute('aria-controls') ?? '');
    const popup = list?.closest('.ant-select-dropdown');
    return [...(popup?.querySelectorAll('.ant-select-item-option') ?? [])].map((o) =>
      (o.getAttribute('title') ?? o.textContent ?? '').trim(),
    );
  });
  await input.press('Escape');
  await waitFor('the select did not close on Escape', () =>
    page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'false', input, POLL),
  );
  await input.dispose();
  return labels;
}

/**
 * Answers the confirm dialog (Modal.confirm) the last click opened with its OK button, then waits
 * until no confirm is left on screen. Two confirms in a row (复核, then 网上分发) otherwise let the
 * second click find the first one still fading out: a fresh-clone CI run clicked the closing 复核
 * confirm, the dispatch confirm stayed open, and its mask blocked the next test's clicks.
 */
export async function confirmOk(page: Page, ok = '确定'): Promise<void> {
  const open = page.locator('.ant-modal-confirm:visible');
  await expect.poll(() => open.count()).toBe(1);
  await open.getByRole('button', { name: new RegExp(`^\\s*${ok.split('').join('\\s*')}\\s*$`) }).click();
  await expect.poll(() => open.count()).toBe(0);
}

/**
 * A signed-in API client for the steps a browser test is not about (registering an entry, taking a
 * document to dispatch): `const clerk = await apiAs('county.clerk'); await clerk('POST', path, body)`.
 * A status of 300 or more throws with the answer; `clerk.displayName` is the account's name.
 */
export async function apiAs(username: string, password = DEMO_PASSWORD) {
  const url = baseUrl()!;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as { csrfToken: string; displayName: string };
  const call = async <T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, ...(method === 'POST' ? { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' } : {}) },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<T>;
  };
  return Object.assign(call, { displayName: me.displayName });
}

/**
 * A county draft taken through the steps a browser test is not about — submit, 核稿, 签发, 复核,
 * numbering — and dispatched online, as the county's clerk, administrator and leader.
 */
export async function dispatchCountyDraft(docId: string): Promise<void> {
  const [clerk, admin, leader] = await Promise.all([apiAs('county.clerk'), apiAs('county.admin'), apiAs('county.leader')]);
  await clerk('POST', `/api/documents/${docId}/submit`);
  await admin('POST', `/api/documents/${docId}/review`, { decision: 'approve', comment: '' });
  await leader('POST', `/api/documents/${docId}/sign-off`, { opinion: '同意' });
  await clerk('POST', `/api/documents/${docId}/recheck`);
  await clerk('POST', `/api/documents/${docId}/number`);
  await clerk('POST', `/api/documents/${docId}/dispatch`, { channel: 'online' });
}
