/**
 * 公文传输 between the county and a township (issue 12, Transmission), in two browsers side by side:
 * the township returns a delivery with a reason; the county's open receipt table shows it returned
 * without a reload, with the reason, and the county re-sends it (补发); the township's open inbox
 * shows it again, marked 补发; the county's 催办 appears on the township's inbox item (已催 1 次) and
 * in its bell. The inbox is then looked at on a phone (390 px): cards, not a wide table.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiAs, dispatchCountyDraft, describeBrowser, loginAs, navigate, openBrowser, screenshot, type BrowserSession } from './helpers.ts';

/** Ant Design puts a space between two Chinese characters on a button ("补 发"). */
const button = (scope: Page | Locator, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });
const dialog = (page: Page) => page.locator('.ant-modal:visible');

describeBrowser('公文传输: 退回, 补发 and 催办 between the county and a township', () => {
  let county: BrowserSession;
  let town: BrowserSession;
  let phone: BrowserSession;
  // town07 is used by no other browser test: its inbox holds only what this file sends.
  const townUser = 'town07.clerk';
  const title = `关于报送冬季安全生产大检查情况的通知（传输测试${Date.now() % 100000}）`;
  const reason = '附件缺少检查表第二页，请补全后重发';
  let townName = '';
  let docId = '';

  beforeAll(async () => {
    county = await openBrowser();
    town = await openBrowser();
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
    await phone?.close();
  });

  const receiptRow = (p: Page) => p.getByTestId(`receipt-row-${townName}`);
  const inboxRow = (p: Page) => p.getByTestId('inbox-row').filter({ hasText: title });

  it('the township returns a delivery with its reason; the county sees it returned live and re-sends it; it is back in the township’s inbox', async () => {
    const clerk = await apiAs('county.clerk');
    const townApi = await apiAs(townUser);
    const me = (await townApi('GET', '/api/me')) as { org: { id: string; name: string } };
    townName = me.org.name;
    const doc = await clerk('POST', '/api/documents', {
      docType: '通知',
      title,
      body: '请于本月底前报送冬季安全生产大检查情况，附检查表。',
      mainRecipientOrgIds: [me.org.id],
      copyRecipientOrgIds: [],
    });
    docId = doc.id as string;
    await dispatchCountyDraft(docId);

    // The county keeps its slip open with the receipt table, live.
    const c = county.page;
    await loginAs(c, 'county.clerk');
    await navigate(c, `/documents/outgoing/${docId}`);
    await c.locator(`[data-testid="receipt-live"]`, { hasText: '实时接收中' }).waitFor();
    await receiptRow(c).and(c.locator('[data-status="pending"]')).waitFor();

    // The township returns it from its inbox, with a reason.
    const t = town.page;
    await loginAs(t, townUser);
    await navigate(t, '/documents/inbox');
    await t.getByTestId('live-status').filter({ hasText: '实时接收中' }).waitFor();
    await inboxRow(t).getByTestId('return').click();
    await dialog(t).locator('textarea').fill(reason);
    await button(dialog(t), '确定').click();
    await t.getByText('已退回发文单位').waitFor();
    // It leaves the 待签收 tab.
    await expect.poll(() => inboxRow(t).count()).toBe(0);

    // The county's table shows it returned without a reload, with the reason and 补发 offered.
    await receiptRow(c).and(c.locator('[data-status="returned"]')).waitFor();
    await expect.poll(() => receiptRow(c).innerText()).toContain(reason);
    await c.getByTestId('receipt-table').scrollIntoViewIfNeeded();
    await screenshot(c, 'transmission-receipt-returned');

    // 补发, with a note.
    await receiptRow(c).getByTestId('resend').click();
    const modal = c.getByTestId('resend-modal');
    await modal.getByText(`对方退回的理由：${reason}`).waitFor();
    await c.getByTestId('resend-modal-text').fill('已补全检查表第二页');
    await button(dialog(c), '补发').click();
    await c.getByText(`已补发给 ${townName}`).waitFor();
    await receiptRow(c).and(c.locator('[data-status="pending"]')).waitFor();
    // The return stays visible: the note column names it, and the row's history lists 退回 and 补发.
    await expect.poll(() => receiptRow(c).innerText()).toContain(`已补发（原退回理由：${reason}）`);
    await receiptRow(c).locator('.ant-table-row-expand-icon').click();
    const history = c.getByTestId('return-history');
    await history.waitFor();
    await expect.poll(() => history.innerText()).toMatch(new RegExp(`退回：${reason}[\\s\\S]*补发：已补全检查表第二页`));
    await history.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(c, 'transmission-receipt-resent');

    // The township's open inbox shows it again, pending and marked 补发, without a reload.
    await inboxRow(t).and(t.locator('[data-status="pending"]')).waitFor();
    await inboxRow(t).getByTestId('inbox-resent').waitFor();
    await t.getByTestId('arrival-notice').first().waitFor();
  });

  it('a 催办 reaches the township: on its inbox item and in its bell', async () => {
    const c = county.page;
    const t = town.page;
    await t.getByTestId('bell').waitFor();
    await receiptRow(c).getByTestId('remind').click();
    await c.getByText(`已催办 ${townName}`).waitFor();
    await expect.poll(() => receiptRow(c).innerText()).toContain('已催 1 次');

    // Live on the township's inbox item…
    await inboxRow(t).getByTestId('inbox-reminders').filter({ hasText: '已催 1 次' }).waitFor();
    await screenshot(t, 'transmission-inbox-1366');
    // …and in its bell.
    await t.getByTestId('bell').click();
    await t
      .getByTestId('bell-popover')
      .getByTestId('bell-item')
      .filter({ hasText: `【催办】${title}` })
      .waitFor();
    await t
      .getByTestId('bell-popover')
      .getByTestId('bell-item')
      .filter({ hasText: `【补发】${title}` })
      .waitFor();
    await t.keyboard.press('Escape');
  });

  it('on a phone (390 px) the inbox is cards, with the marks and the buttons on screen', async () => {
    phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    const p = phone.page;
    await loginAs(p, townUser);
    await navigate(p, '/documents/inbox');
    const card = p.getByTestId('inbox-card').filter({ hasText: title });
    await card.waitFor();
    await expect.poll(() => p.getByTestId('inbox-table').count()).toBe(0);
    await card.getByTestId('inbox-reminders').filter({ hasText: '已催 1 次' }).waitFor();
    await card.getByTestId('inbox-resent').waitFor();
    // The card fits the screen: nothing scrolls sideways, 签收 is within the viewport.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const ack = await card.getByTestId('acknowledge').boundingBox();
    expect(ack!.x + ack!.width).toBeLessThanOrEqual(390);
    await screenshot(p, 'transmission-inbox-390');
    // The processing tab is cards too.
    await p.getByRole('tab', { name: '收文办理' }).click();
    await p.getByTestId('incoming-cards').waitFor();
    await screenshot(p, 'transmission-incoming-390');
  });
});
