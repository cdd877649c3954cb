/**
 * Issue 13 in the browser: the signer returns a reviewed notice to review with a reason (退回), the
 * reviewer opens it and reads the reason; the drafter recalls a notice just submitted (取回). The
 * documents are taken to their step through the API; the steps the test is about are clicked.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiAs, confirmOk, describeBrowser, loginAs, logout, navigate, openBrowser, screenshot, type BrowserSession } from './helpers.ts';

/** Ant Design puts a space between two Chinese characters on a button ("取 回"). */
const button = (scope: Page | ReturnType<Page['locator']>, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });
const dialog = (page: Page) => page.locator('.ant-modal:visible');

describeBrowser('办文: 退回 to review and 取回', () => {
  let s: BrowserSession;
  let clerk: Awaited<ReturnType<typeof apiAs>>;
  let recipients: string[];
  const stamp = Date.now() % 100000;

  beforeAll(async () => {
    s = await openBrowser();
    clerk = await apiAs('county.clerk');
    const orgs = await clerk<{ items: { id: string; kind: string }[] }>('GET', '/api/orgs');
    recipients = orgs.items
      .filter((o) => o.kind === 'township')
      .map((o) => o.id)
      .slice(0, 2);
  });
  afterAll(async () => {
    await s?.close();
  });

  const draft = async (title: string) => {
    const d = await clerk<{ id: string }>('POST', '/api/documents', {
      docType: '通知',
      title,
      body: '各乡镇要高度重视。',
      mainRecipientOrgIds: recipients,
    });
    await clerk('POST', `/api/documents/${d.id}/submit`);
    return d.id;
  };

  it('the signer returns a reviewed notice to review with a reason; the reviewer reads it', async () => {
    const id = await draft(`关于做好冬季森林防火工作的通知（测试${stamp}）`);
    const admin = await apiAs('county.admin');
    await admin('POST', `/api/documents/${id}/review`, { decision: 'approve', comment: '文字已核' });

    const c = s.page;
    await loginAs(c, 'county.leader');
    await navigate(c, `/documents/outgoing/${id}`);
    await c.getByTestId('flow-return').click();
    // Both earlier steps are offered; the review is the default.
    await expect.poll(() => dialog(c).getByTestId('return-to').innerText()).toContain('核稿');
    await expect.poll(() => dialog(c).getByTestId('return-to').innerText()).toContain('拟稿人');
    await dialog(c).getByTestId('return-modal-text').fill('第二段防火期起止时间请再核对');
    await button(dialog(c), '退回').click();
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('核稿中');
    await expect.poll(() => c.getByTestId('flow-steps').innerText()).toContain('第二段防火期起止时间请再核对');

    await logout(c);
    await loginAs(c, 'county.admin');
    await navigate(c, `/documents/outgoing/${id}`);
    await expect.poll(() => c.getByTestId('last-return').innerText()).toContain('第二段防火期起止时间请再核对');
    await expect.poll(() => c.getByTestId('last-return').innerText()).toContain(admin.displayName);
    await expect
      .poll(() =>
        c
          .getByTestId('action-bar')
          .innerText()
          .then((t) => t.replace(/\s/g, '')),
      )
      .toContain('核稿');
    await screenshot(c, 'documents-returned-to-review', { fullPage: true });
    await logout(c);
  });

  it('the drafter recalls a notice just submitted, before it is reviewed', async () => {
    const id = await draft(`关于做好冬季安全生产工作的通知（测试${stamp}）`);
    const c = s.page;
    await loginAs(c, 'county.clerk');
    await navigate(c, `/documents/outgoing/${id}`);
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('核稿中');
    await c.getByTestId('flow-recall').click();
    await confirmOk(c);
    await expect.poll(() => c.getByTestId('document-slip').innerText()).not.toContain('核稿中');
    await expect.poll(() => c.getByTestId('flow-steps').innerText()).toContain('取回');
    await expect
      .poll(() =>
        c
          .getByTestId('action-bar')
          .innerText()
          .then((t) => t.replace(/\s/g, '')),
      )
      .toContain('提交核稿');
    await expect.poll(() => c.getByTestId('flow-recall').count()).toBe(0);
    await logout(c);
  });
});
