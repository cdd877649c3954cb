/**
 * The Content-Security-Policy the server sends (app.ts) must not break the app: sign in, open a
 * few pages (Ant Design's CSS-in-JS, ECharts, lazy chunks, the staff ID reveal, the API docs) and
 * collect every console error and `securitypolicyviolation` event. There must be none.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, loginAs, openBrowser, type BrowserSession } from './helpers.ts';

describeBrowser('content security policy', () => {
  let s: BrowserSession;
  let page: Page;
  const problems: string[] = [];
  beforeAll(async () => {
    s = await openBrowser();
    page = s.page;
    // Violations are reported through the console, so one listener sees them on every page load.
    await s.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    page.on('console', (m) => {
      // antd's deprecation notices (List → Listy in 6.6) go through console.error too; they are about
      // our use of its API, not the policy, and are left to the pages that use List.
      if (m.type() === 'error' && !m.text().startsWith('Warning: [antd:')) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  });
  afterAll(async () => s?.close());

  const visit = async (path: string, ready: (p: Page) => Promise<unknown>) => {
    await page.goto(path);
    await ready(page);
    // Give late chunks and style injection a moment to run (and to violate, if they would).
    await page.waitForTimeout(300);
  };

  it('sends the policy with the page', async () => {
    const res = await page.goto('/login');
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(res?.headers()['cache-control']).toBe('no-cache');
  });

  it('runs a township clerk’s pages without a console error or a policy violation', async () => {
    await loginAs(page, 'town02.clerk');
    await visit('/', (p) => p.getByTestId('main-menu').waitFor());
    await visit('/reception/petitions', (p) => p.locator('.ant-table').first().waitFor({ timeout: 30_000 }));
    await visit('/supervision/my-office?section=standing&tab=staff', (p) => p.getByTestId('drill-records').waitFor({ timeout: 30_000 }));
    const masked = page.getByTestId('staff-id-masked').first();
    await masked.waitFor();
    await expect.poll(() => masked.innerText()).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await page.getByTestId('staff-id-reveal').first().click();
    await expect.poll(() => page.getByTestId('staff-id-full').first().innerText()).toMatch(/^\d{17}[\dX]$/);
    expect(problems).toEqual([]);
  });

  it('runs the county’s dashboard (charts) and the API docs without one either', async () => {
    await loginAs(page, 'county.admin');
    await visit('/supervision', (p) => p.locator('canvas, svg').first().waitFor());
    await visit('/supervision/team', (p) => p.getByTestId('staff-table').waitFor());
    await visit('/api/docs/', (p) => p.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 }));
    expect(problems).toEqual([]);
  });
});
