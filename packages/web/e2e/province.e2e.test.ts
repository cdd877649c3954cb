/**
 * The province view (issue 14) on a server of its own whose demo county sits under the demo
 * province (the shared browser-test server keeps the county at the root): the province's user
 * lands on the overview, drills into the county's grid and into a township's standing; the
 * county's administrator has no province entry. Screenshots at 1366 px and 390 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, loginAs, menuGroupItems, openBrowser, screenshot, waitForPage, type BrowserSession } from './helpers.ts';
import { WEB_DIST, buildWeb, startTestServer, webBuildIsCurrent, type TestServer } from './test-server.ts';

describeBrowser('督查: the province overview and its drill-down', () => {
  let server: TestServer;
  let webDist: string | undefined;
  let wide: BrowserSession;
  let narrow: BrowserSession;

  beforeAll(async () => {
    if (!webBuildIsCurrent()) {
      webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'township-web-province-'));
      buildWeb(webDist);
    }
    server = await startTestServer({ province: true, webDist: webDist ?? WEB_DIST });
    wide = await openBrowser({ baseUrl: server.baseUrl });
    narrow = await openBrowser({ baseUrl: server.baseUrl, viewport: { width: 390, height: 844 } });
  }, 300_000);
  afterAll(async () => {
    await wide?.close();
    await narrow?.close();
    await server?.stop();
    if (webDist) fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('a province user opens the overview, drills into the county and into a township', async () => {
    for (const [s, width] of [
      [wide, 1366],
      [narrow, 390],
    ] as const) {
      const p = s.page;
      await loginAs(p, 'province.admin');
      // The province's only page is its first: the app lands there.
      await waitForPage(p, /\/supervision\/province(\?|$)/);
      const counties = p.getByTestId('province-grid').locator('tbody tr.ant-table-row');
      await expect.poll(() => counties.count()).toBe(1);
      await expect.poll(() => counties.first().innerText()).toContain('清溪县');
      await expect.poll(() => counties.first().innerText()).toContain('18');
      await screenshot(p, `province-overview-${width}`);

      await p.getByTestId('county-QX').click();
      await waitForPage(p, /\/supervision\/province\/counties\//);
      const rows = p.getByTestId('standard-grid').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(18);
      await screenshot(p, `province-county-${width}`);

      await rows.filter({ hasText: '东坪镇' }).getByRole('link', { name: '东坪镇' }).click();
      await waitForPage(p, /\/supervision\/province\/townships\//);
      await expect.poll(() => p.getByRole('heading', { name: '东坪镇' }).count()).toBeGreaterThan(0);
      await expect.poll(() => p.getByTestId('standing-staff').innerText()).toMatch(/\d+ 名/);
      await screenshot(p, `province-township-${width}`);
    }
  });

  it('shows the province entry to the province only', async () => {
    const p = wide.page;
    await loginAs(p, 'province.viewer');
    expect(await menuGroupItems(p, '督查')).toEqual(['全省总览']);
    await loginAs(p, 'county.admin');
    expect(await menuGroupItems(p, '督查')).not.toContain('全省总览');
  });
});
