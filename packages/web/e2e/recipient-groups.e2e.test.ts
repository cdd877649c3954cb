/**
 * Recipient groups (issue 13): the county administrator keeps a 主送/抄送 group on its page; the
 * county clerk drafts a notice to "各乡镇（区）党委、政府" by picking the group in 主送, the slip shows the
 * group's name (not eighteen names); once dispatched a township finds it in its inbox, and the
 * outgoing register lists the group's name in 主送.
 */
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
  selectOption,
  waitForPage,
  type BrowserSession,
} from './helpers.ts';

const TOWNSHIPS_GROUP = '各乡镇（区）党委、政府';
const dialog = (page: Page) => page.locator('.ant-modal:visible');

describeBrowser('主送/抄送分组: a notice to 各乡镇（区）党委、政府', () => {
  let county: BrowserSession;
  let town: BrowserSession;
  const suffix = Date.now() % 100000;
  const title = `关于做好防汛备汛工作的通知（分组测试${suffix}）`;
  const groupName = `城区片乡镇（测试${suffix}）`;

  beforeAll(async () => {
    county = await openBrowser();
    town = await openBrowser();
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
  });

  it('the county administrator sees the seeded groups and creates one, with a success message', async () => {
    const c = county.page;
    await loginAs(c, 'county.admin');
    await navigate(c, '/system/recipient-groups');
    await c.getByTestId('groups-table').locator('.ant-table-row', { hasText: TOWNSHIPS_GROUP }).waitFor();
    await c.getByTestId('new-group').click();
    await dialog(c).getByTestId('group-name').fill(groupName);
    await selectOption(c, dialog(c).getByTestId('group-members'), /镇$/);
    await dialog(c).locator('#group-save').click();
    await c.getByText(`已新建分组：${groupName}`).waitFor();
    await c.getByTestId('groups-table').locator('.ant-table-row', { hasText: groupName }).waitFor();
    // The same name again: the server's message beside the form, nothing created.
    await c.getByTestId('new-group').click();
    await dialog(c).getByTestId('group-name').fill(groupName);
    await selectOption(c, dialog(c).getByTestId('group-members'), /镇$/);
    await dialog(c).locator('#group-save').click();
    await expect.poll(() => dialog(c).getByTestId('group-error').innerText()).toContain('已有名为');
    await screenshot(c, 'recipient-groups');
  });

  it('the clerk drafts to the group; dispatched, a township finds it in its inbox; the register prints the group’s name', async () => {
    const c = county.page;
    await loginAs(c, 'county.clerk');
    await navigate(c, '/documents/outgoing/new');
    await c.getByTestId('title').fill(title);
    await selectOption(c, c.getByTestId('main-recipients'), TOWNSHIPS_GROUP);
    await c.getByTestId('paragraph-0').fill('入汛在即，请各乡镇（区）落实防汛责任，做好物资储备和值班值守。');
    await c.getByTestId('draft-save').click();
    await waitForPage(c, /\/documents\/outgoing\/[0-9a-f-]{36}$/);
    const docId = new URL(c.url()).pathname.split('/').pop()!;
    await expect.poll(() => c.getByTestId('slip-main').innerText()).toBe(TOWNSHIPS_GROUP);

    // The steps this test is not about, through the API.
    const clerk = await apiAs('county.clerk');
    await dispatchCountyDraft(docId);
    const receipts = await clerk<{ items: unknown[] }>('GET', `/api/documents/${docId}/deliveries`);
    expect(receipts.items).toHaveLength(18);

    const t = town.page;
    await loginAs(t, 'town09.clerk');
    await navigate(t, '/documents/inbox');
    await t.locator('.ant-table-row', { hasText: title }).waitFor();

    await navigate(c, '/documents/registers/outgoing');
    const row = c.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(TOWNSHIPS_GROUP);
    expect(await row.innerText()).not.toContain('城关镇');
  });
});
