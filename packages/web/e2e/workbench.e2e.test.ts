/**
 * The workbench end to end: the county dispatches a notice; town01.clerk sees it on the workbench
 * and in the bell live, acknowledges it from the workbench and it leaves the list (its screening
 * step arrives instead); every demo role opens on a non-empty workbench whose links open the page
 * where the action is done, and neither it nor the menu shows a raw string key; the page is usable
 * at 390 px.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiAs,
  dispatchCountyDraft,
  describeBrowser,
  loginAs,
  navigate,
  openBrowser,
  screenshot,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

const todoItems = (page: Page) => page.getByTestId('todo-item');

/**
 * A string key shown as text (t() returns the key it has no string for): the workbench loads only the
 * app's and the first features' strings (catalogs.ts), so a menu label kept in another feature's
 * catalog showed as "documents.nav.toSign".
 */
const FEATURES = fs.readdirSync(new URL('../src/features/', import.meta.url)).filter((f) => !f.includes('.'));
const RAW_KEY = new RegExp(`\\b(?:nav|common|${FEATURES.join('|')})\\.[A-Za-z]+(?:\\.[A-Za-z]+)*\\b`, 'g');

describeBrowser('工作台: every user’s day on one page', () => {
  let s: BrowserSession;
  let page: Page;
  const title = `关于做好冬季防汛物资检查的通知（工作台测试${Date.now() % 100000}）`;

  beforeAll(async () => {
    s = await openBrowser();
    page = s.page;
  });
  afterAll(async () => s?.close());

  it('a notice dispatched by the county arrives on town01’s workbench and in the bell live; 签收 from the workbench takes it off', async () => {
    await loginAs(page, 'town01.clerk');
    await page.getByTestId('workbench-todos').waitFor();
    // The bell has loaded its count before anything is sent.
    await page.getByTestId('bell').waitFor();

    const clerk = await apiAs('county.clerk');
    const orgs = (await clerk('GET', '/api/orgs')).items as { id: string; code: string; kind: string; name: string }[];
    const town01 =
      orgs.find((o) => o.kind === 'township' && o.name.length > 0 && o.code === 'T01') ?? orgs.filter((o) => o.kind === 'township')[0]!;
    const doc = await clerk('POST', '/api/documents', {
      docType: '通知',
      title,
      body: '请各乡镇于本周内完成防汛物资检查，重点核查蓄滞洪区群众转移安置点的物资储备。',
      mainRecipientOrgIds: [town01.id],
      copyRecipientOrgIds: [],
    });
    const id = doc.id as string;
    await dispatchCountyDraft(id);

    // Live: the stream tells the page, the workbench and the bell refetch; no reload.
    const item = todoItems(page).filter({ hasText: title });
    await item.waitFor();
    await expect.poll(() => item.getAttribute('data-kind')).toBe('delivery.acknowledge');
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-popover').getByText(title).first().waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'workbench-town01-clerk');

    await item.getByTestId('todo-acknowledge').click();
    // The delivery leaves the list and its next step (初审) takes its place.
    await todoItems(page).and(page.locator('[data-kind="incoming.screen"]')).filter({ hasText: title }).waitFor();
    await expect
      .poll(() => todoItems(page).and(page.locator('[data-kind="delivery.acknowledge"]')).filter({ hasText: title }).count())
      .toBe(0);
    // 已办 names what was just done, with its link.
    await page.getByTestId('workbench-done').getByText(title).first().waitFor();

    // Search finds it by a word of its body, in simplified and in traditional characters; town02 does not.
    const town01Api = await apiAs('town01.clerk');
    const found = async (api: typeof town01Api, q: string) =>
      ((await api('GET', `/api/search?q=${encodeURIComponent(q)}`)).items as { title: string }[]).some((h) => h.title === title);
    // The indexer takes the new records' marks within seconds (a job every 5 s, and each search): wait for it.
    await expect.poll(() => found(town01Api, '转移安置点'), { timeout: 120_000, interval: 1000 }).toBe(true);
    await page.getByTestId('header-search').locator('input').fill('轉移安置點');
    await page.getByTestId('header-search').locator('input').press('Enter');
    await page.getByTestId('search-results').getByText(title).first().waitFor();
    // The count above the results, exact for a word this rare.
    await expect.poll(() => page.getByTestId('search-count').getAttribute('data-exact')).toBe('true');
    await expect.poll(() => page.getByTestId('search-count').innerText()).toMatch(/^找到 \d+ 条记录$/);
    await screenshot(page, 'search-town01-clerk');
    expect(await found(await apiAs('town02.clerk'), '转移安置点')).toBe(false);
  });

  it('every demo role opens on pending work, and each item’s link opens the page where it is done', async () => {
    for (const user of [
      'county.admin',
      'county.clerk',
      'county.leader',
      'town01.clerk',
      'town01.leader',
      'town05.clerk',
      'town12.leader',
    ]) {
      await loginAs(page, user);
      await page.getByTestId('workbench-todos').waitFor();
      await expect.poll(() => todoItems(page).count(), { message: user }).toBeGreaterThan(0);
      expect((await page.locator('body').innerText()).match(RAW_KEY), `${user}: raw string keys`).toBeNull();
      const hrefs = await page
        .getByTestId('workbench-todos')
        .locator('[data-testid="todo-item"] a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
      // One of each page (record pages by their pattern), so the walk stays short.
      const seen = new Set<string>();
      for (const href of hrefs) {
        const pattern = href.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        await navigate(page, href);
        await waitForPage(page, (u) => u.pathname === href);
        // The page of the action, not the not-found page or an error.
        await page.locator('main .ant-card, main .ant-table, main form, main [data-testid]').first().waitFor();
        expect(await page.getByText(/页面不存在|出错了|系统内部错误/).count(), `${user} ${href}`).toBe(0);
      }
      await navigate(page, '/');
    }
  });

  // A county account's header also holds the org switcher: it overflowed 390 px by 72 px.
  it.each(['town01.leader', 'county.admin'])('is usable on a phone (390 px) as %s', async (username) => {
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await loginAs(phone.page, username);
      await phone.page.getByTestId('workbench-todos').waitFor();
      if (username.startsWith('county')) await phone.page.getByTestId('org-switcher').waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(phone.page, `workbench-390-${username.replace('.', '-')}`, { fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
