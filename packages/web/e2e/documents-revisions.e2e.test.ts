/**
 * Issue 13 in the browser, 痕迹保留: a notice is signed; the clerk changes its body substantively,
 * which sends it back to the leader who signed it (条例 第二十五条); the leader opens the slip, is
 * told it changed since the version they signed, and sees the inserted text underlined (`ins`) and
 * the deleted text struck through (`del`). Screenshots at 1366 px and 390 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiAs, describeBrowser, loginAs, logout, navigate, openBrowser, screenshot, waitForPage, type BrowserSession } from './helpers.ts';

const button = (scope: Page | ReturnType<Page['locator']>, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });

describeBrowser('办文: the revision history shows the returning signer what changed', () => {
  let s: BrowserSession;
  let phone: BrowserSession | undefined;
  const title = `关于做好春节期间值班工作的通知（修改记录测试${Date.now() % 100000}）`;
  let slipUrl = '';

  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => {
    await phone?.close();
    await s?.close();
  });

  it('takes a signed notice back to its signer after a change of the body, and marks the change', async () => {
    // Setup through the API: drafted, submitted (version 1), reviewed and signed.
    const clerk = await apiAs('county.clerk');
    const admin = await apiAs('county.admin');
    const leader = await apiAs('county.leader');
    const orgs = await clerk<{ items: { id: string; kind: string }[] }>('GET', '/api/orgs');
    const townships = orgs.items.filter((o) => o.kind === 'township').map((o) => o.id);
    const { id } = await clerk<{ id: string }>('POST', '/api/documents', {
      docType: '通知',
      title,
      body: '各乡镇要高度重视值班工作。',
      mainRecipientOrgIds: townships,
      copyRecipientOrgIds: [],
      urgency: 'none',
      classification: 'none',
    });
    await clerk('POST', `/api/documents/${id}/submit`);
    await admin('POST', `/api/documents/${id}/review`, { decision: 'approve', comment: '同意' });
    await leader('POST', `/api/documents/${id}/sign-off`, { opinion: '同意印发' });
    slipUrl = `/documents/outgoing/${id}`;

    // The clerk changes the body in the edit page: back to the signer.
    const c = s.page;
    await loginAs(c, 'county.clerk');
    await navigate(c, `${slipUrl}/edit`);
    await c.getByTestId('paragraph-0').fill('各乡镇要切实做好春节值班工作。');
    await c.getByTestId('draft-save').click();
    await waitForPage(c, new RegExp(`${slipUrl}$`));
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('待签发');
    await expect.poll(() => c.getByTestId('revision-row').count()).toBe(2);
    // the clerk saved version 2 and has seen it: no alert for them
    expect(await c.getByTestId('revisions-changed-since-seen').count()).toBe(0);

    // The leader opens it: it changed since the version they signed.
    await logout(c);
    await loginAs(c, 'county.leader');
    await navigate(c, slipUrl);
    const alert = c.getByTestId('revisions-changed-since-seen');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('自您上次查看后有修改');
    await screenshot(c, 'documents-revisions-alert');
    await c.getByTestId('revisions-show-changes').click();
    const diff = c.getByTestId('revision-diff');
    await diff.waitFor();
    await expect.poll(() => diff.locator('ins').allInnerTexts()).toContain('切实做好春节');
    expect(await diff.locator('del').allInnerTexts()).toContain('高度重视');
    await expect.poll(() => c.getByTestId('revision-diff-body').innerText()).toContain('各乡镇要');
    await screenshot(c, 'documents-revisions-diff', { fullPage: true });
    // the leader may sign again (复审)
    await expect.poll(() => c.getByTestId('action-bar').innerText()).toMatch(/签\s*发/);
    expect(await button(c.getByTestId('action-bar'), '签发').count()).toBe(1);

    // Opened once, seen: the alert is gone the next time.
    await navigate(c, '/documents/outgoing');
    await navigate(c, slipUrl);
    await expect.poll(() => c.getByTestId('revision-row').count()).toBe(2);
    expect(await c.getByTestId('revisions-changed-since-seen').count()).toBe(0);
  });

  it('reads on a phone: the rows and the diff at 390 px', async () => {
    phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    const p = phone.page;
    await loginAs(p, 'county.leader');
    await navigate(p, slipUrl);
    await expect.poll(() => p.getByTestId('revision-row').count()).toBe(2);
    await button(p.getByTestId('revisions'), '与上一版比较').click();
    const diff = p.getByTestId('revision-diff');
    await diff.waitFor();
    await expect.poll(() => diff.locator('ins').allInnerTexts()).toContain('切实做好春节');
    await p.getByTestId('revisions').scrollIntoViewIfNeeded();
    await screenshot(p, 'documents-revisions-phone');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
