/**
 * 委托 end to end (issue 11): the instruction item appears for town01.leader, who delegates to a
 * colleague (town01.clerk) for a week; the banner tells each side; the colleague sees the item on
 * the workbench marked for the leader, instructs, and the processing slip signs it
 * "clerk（代leader）"; the leader revokes and the banner goes. At 1366 px and 390 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chinaToday } from '@township-office/domain/dates';
import {
  apiAs,
  describeBrowser,
  loginAs,
  navigate,
  openBrowser,
  screenshot,
  selectOption,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

const button = (scope: Page | ReturnType<Page['locator']>, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });
const dialog = (page: Page) => page.locator('.ant-modal:visible');

describeBrowser('委托: a leader away, a colleague acting on the leader’s behalf', () => {
  let s: BrowserSession;
  let page: Page;
  let leader: Awaited<ReturnType<typeof apiAs>>;
  let clerk: Awaited<ReturnType<typeof apiAs>>;
  const title = `关于报送防汛物资储备情况的通知（委托测试${Date.now() % 100000}）`;

  beforeAll(async () => {
    s = await openBrowser();
    page = s.page;
    leader = await apiAs('town01.leader');
    clerk = await apiAs('town01.clerk');
    // An entry of town01 at 拟办, waiting for a leader's 批示.
    const entry = await clerk<{ id: string }>('POST', '/api/incoming', {
      senderName: '县应急管理局',
      title,
      receivedDate: chinaToday(),
    });
    await clerk('POST', `/api/incoming/${entry.id}/screen`, { decision: 'act' });
    await clerk('POST', `/api/incoming/${entry.id}/propose`, { proposal: '拟请分管领导阅示。' });
  });
  afterAll(async () => {
    // Leave no delegation in force for the other browser tests (they share the server).
    const list = leader ? await leader<{ given: { id: string; allowedActions: string[] }[] }>('GET', '/api/delegations') : undefined;
    for (const d of list?.given ?? []) if (d.allowedActions.includes('revoke')) await leader('POST', `/api/delegations/${d.id}/revoke`);
    await s?.close();
  });

  it('the instruction item is on town01.leader’s workbench; the leader delegates to the clerk for a week', async () => {
    await loginAs(page, 'town01.leader');
    await expect.poll(() => page.getByTestId('todo-item').filter({ hasText: title }).count()).toBe(1);

    // 委托代理 is reached from one's own account page (the name in the header).
    await page.getByTestId('current-user').click();
    await waitForPage(page, /\/account$/);
    await page.getByTestId('account-delegations').click();
    await waitForPage(page, /\/delegations$/);
    await expect.poll(() => page.getByTestId('delegations-given').innerText()).toContain('暂无委托');
    await page.getByTestId('delegation-new').click();
    const d = dialog(page);
    await selectOption(page, d.getByTestId('delegation-delegate'), clerk.displayName);
    // The period offered is a week from today.
    await expect.poll(() => d.locator('.ant-picker-range input').first().inputValue()).toBe(chinaToday());
    await d.getByTestId('delegation-reason').fill('赴县委党校参加为期一周的培训');
    await d.getByTestId('delegation-save').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    const given = page.getByTestId('delegations-given');
    await expect.poll(() => given.innerText()).toContain(clerk.displayName);
    await expect.poll(() => given.innerText()).toContain('生效中');
    // The leader is told who acts for them.
    await expect.poll(() => page.getByTestId('delegation-banner-acted').innerText()).toContain(`${clerk.displayName} 正在代您签发和批示`);
    await screenshot(page, 'delegation-1366-leader');
  });

  it('the colleague sees the banner and the item marked for the leader, instructs, and the slip says on whose behalf', async () => {
    await loginAs(page, 'town01.clerk');
    await expect
      .poll(() => page.getByTestId('delegation-banner-acting').innerText())
      .toContain(`您正在代理 ${leader.displayName} 签发和批示`);
    const item = page.getByTestId('todo-item').filter({ hasText: title });
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.getByTestId('todo-on-behalf').innerText()).toBe(`代${leader.displayName}`);
    // 待我批示 is in the colleague's menu while the delegation is in force.
    await expect.poll(() => page.getByTestId('main-menu').innerText()).toContain('待我批示');
    await item.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'delegation-1366-clerk-workbench');

    await item.getByRole('link', { name: title }).click();
    await waitForPage(page, /\/documents\/incoming\/[0-9a-f-]{36}$/);
    await button(page.getByTestId('action-bar'), '批示').click();
    await dialog(page).getByTestId('instruct-modal-text').fill('同意。请党政办抓紧汇总，按时报送。');
    await button(dialog(page), '确定').click();
    await expect.poll(() => page.getByTestId('proc-instruction').innerText()).toContain(`${clerk.displayName}（代${leader.displayName}）`);
    await page.getByTestId('proc-instruction').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'delegation-1366-clerk-slip');

    // The leader's step is done: what stays on the colleague's workbench is the office's own next step (承办), not for the leader.
    await navigate(page, '/');
    await expect.poll(() => page.getByTestId('delegation-banner-acting').count()).toBe(1);
    await expect.poll(() => page.getByTestId('todo-item').filter({ hasText: title }).count()).toBe(1);
    // (the cached list shows first, then the refreshed one)
    await expect.poll(() => page.getByTestId('todo-item').filter({ hasText: title }).getByTestId('todo-on-behalf').count()).toBe(0);
  });

  it('at 390 px the delegation page and the banner are usable', async () => {
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await loginAs(phone.page, 'town01.clerk');
      await navigate(phone.page, '/delegations');
      await expect.poll(() => phone.page.getByTestId('delegations-received').innerText()).toContain(leader.displayName);
      await phone.page.getByTestId('delegation-banner-acting').waitFor();
      await screenshot(phone.page, 'delegation-390-clerk', { fullPage: true });
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });

  it('the leader revokes: the delegation is over at once and the banner goes', async () => {
    await loginAs(page, 'town01.leader');
    await navigate(page, '/delegations');
    const given = page.getByTestId('delegations-given');
    await given.locator('[data-testid^="delegation-revoke-"]').first().click();
    await page.getByTestId('delegation-revoke-ok').click();
    await expect.poll(() => given.innerText()).toContain('已撤销');
    await expect.poll(() => page.getByTestId('delegation-banner').count()).toBe(0);
    await loginAs(page, 'town01.clerk');
    await expect.poll(() => page.getByTestId('todo-item').first().count()).toBe(1);
    await expect.poll(() => page.getByTestId('delegation-banner').count()).toBe(0);
    await expect.poll(() => page.getByTestId('main-menu').innerText()).not.toContain('待我批示');
  });
});
