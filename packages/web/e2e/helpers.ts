/**
 * Browser-test helpers: Debian's Chromium through playwright-core, signing in as a demo account,
 * screenshots. Every test file wraps its tests in `describeBrowser(...)`, which skips them when
 * the global setup found no Chromium (baseUrl null).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { REPO_ROOT } from './test-server.ts';

export const DEMO_PASSWORD = 'Demo#2026';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The running server's address, or null when the browser tests are skipped. */
export function baseUrl(): string | null {
  return inject('baseUrl');
}

/** `describe` that is skipped (with the global setup's one-line reason) when there is no Chromium. */
export const describeBrowser = (name: string, fn: () => void) => describe.skipIf(!inject('baseUrl'))(name, fn);

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** A second tab in the same session (same cookies). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh Chromium with its own profile folder (so no cookies carry over), 1366×768, zh-CN. */
export async function openBrowser(opts: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<BrowserSession> {
  const executablePath = inject('chromiumPath');
  const url = inject('baseUrl');
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
    baseURL: url,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    newPage: () => context.newPage(),
    close: async () => {
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

/** Pick 简体中文 / 繁體中文 / English in the header (or login page) language switch. */
export async function switchLanguage(page: Page, label: '简体中文' | '繁體中文' | 'English'): Promise<void> {
  await page.getByTestId('lang-switch').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => {});
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0, null, { timeout: 5_000 }).catch(() => {});
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
  const sub = menu.locator(':scope > li.ant-menu-submenu').filter({ has: page.locator('.ant-menu-submenu-title', { hasText: groupLabel }) });
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
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, { timeout: 10_000 }).catch(() => {});
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}
