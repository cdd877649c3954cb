/**
 * Issue 13 in the browser: a joint notice of the county office and the county finance bureau is
 * drafted (marked important), countersigned (会签) by the bureau's leader, reviewed, refused to the
 * leader in charge and signed by the principal leader (条例 第二十二条), numbered and dispatched;
 * its PDF shows both issuers in the masthead (GB/T 9704 7.2.4) and verifies as signed (the downloaded
 * file checked on the slip; one changed byte fails). A township's 请示 with two main
 * recipients is refused with the rule (第十五条).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiAs,
  describeBrowser,
  loginAs,
  logout,
  navigate,
  openBrowser,
  screenshot,
  selectOption,
  confirmOk,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

/** Ant Design puts a space between two Chinese characters on a button ("签 发"). */
const button = (scope: Page | ReturnType<Page['locator']>, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });
const dialog = (page: Page) => page.locator('.ant-modal:visible');

async function switchUser(page: Page, user: string) {
  await logout(page);
  await loginAs(page, user);
}

/** The action bar's button labels once the slip has loaded. */
async function actionLabels(page: Page): Promise<string[]> {
  await page.getByTestId('document-slip').waitFor();
  return (await page.getByTestId('action-bar').getByRole('button').allInnerTexts()).map((s) => s.replace(/\s/g, ''));
}

describeBrowser('办文: a joint notice countersigned and signed by the principal leader', () => {
  let s: BrowserSession;
  const title = `关于做好村级财务公开工作的通知（测试${Date.now() % 100000}）`;
  let slipUrl = '';

  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('drafts, countersigns, reviews, signs by the principal, numbers and dispatches; the PDF shows both issuers', async () => {
    const c = s.page;
    await loginAs(c, 'county.clerk');
    await navigate(c, '/documents/outgoing/new');
    await c.getByTestId('title').fill(title);
    await c.getByTestId('main-recipients-all-townships').click();
    await selectOption(c, c.getByTestId('countersign-orgs'), '清溪县财政局');
    await c.getByTestId('important').check();
    await c.getByTestId('paragraph-0').fill('为规范村级财务管理，现就村级财务公开工作通知如下。');
    await c.getByTestId('draft-save').click();
    await waitForPage(c, /\/documents\/outgoing\/[0-9a-f-]{36}$/);
    slipUrl = new URL(c.url()).pathname;
    const id = slipUrl.split('/').pop()!;
    await expect.poll(() => c.getByTestId('slip-countersign').innerText()).toContain('清溪县财政局');
    await expect.poll(() => c.getByTestId('slip-countersign').innerText()).toContain('待会签');
    await expect.poll(() => c.getByTestId('slip-docType').innerText()).toContain('重要公文');
    await button(c.getByTestId('action-bar'), '提交核稿').click();
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('核稿中');

    // 会签 by the finance bureau's leader.
    await switchUser(c, 'finance.leader');
    await navigate(c, slipUrl);
    await button(c.getByTestId('action-bar'), '会签').click();
    await dialog(c).getByTestId('review-comment').fill('同意联合印发。');
    await button(dialog(c), '同意').click();
    await expect.poll(() => c.getByTestId('slip-countersign').innerText()).toContain('同意联合印发。');
    await screenshot(c, 'documents-countersigned', { fullPage: true });

    // 核稿 by the county admin.
    await switchUser(c, 'county.admin');
    await navigate(c, slipUrl);
    await button(c.getByTestId('action-bar'), '核稿').click();
    await dialog(c).getByTestId('review-comment').fill('同意报签。');
    await button(dialog(c), '核稿通过').click();
    await expect.poll(() => c.getByTestId('slip-review').innerText()).toContain('同意报签。');

    // An important document: the leader in charge is not offered 签发; the principal leader signs.
    await switchUser(c, 'county.leader');
    await navigate(c, slipUrl);
    await expect.poll(() => actionLabels(c)).not.toContain('签发');
    await expect.poll(() => c.getByTestId('slip-signoff').innerText()).toContain('待主要负责人签发');
    await switchUser(c, 'county.head');
    await navigate(c, slipUrl);
    await button(c.getByTestId('action-bar'), '签发').click();
    await dialog(c).getByTestId('signoff-modal-text').fill('同意印发。');
    await button(dialog(c), '签发').click();
    await expect.poll(() => c.getByTestId('slip-signoff').innerText()).toContain('同意印发。');

    // 编号 and 网上分发 by the county clerk.
    await switchUser(c, 'county.clerk');
    await navigate(c, slipUrl);
    await button(c.getByTestId('action-bar'), '复核').click();
    await confirmOk(c);
    await expect.poll(() => c.getByTestId('slip-recheck').innerText()).toMatch(/\d{4}年/);
    await button(c.getByTestId('action-bar'), '编号').click();
    await expect.poll(() => c.getByTestId('slip-docNumber').innerText()).toMatch(/^清委办发〔\d{4}〕[1-9]\d*号$/);
    await button(c.getByTestId('action-bar'), '网上分发').click();
    await confirmOk(c);
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('已分发');
    await screenshot(c, 'documents-joint-dispatched', { fullPage: true });

    // The PDF, read back: both issuers and "文件" in the masthead.
    const res = await c.request.get(new URL(`/api/documents/${id}/pdf`, c.url()).toString());
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str.replace(/\s/g, '') : '')).filter(Boolean);
    await doc.destroy();
    const text = items.join('');
    expect(text).toContain('中共清溪县委办公室');
    expect(text).toContain('清溪县财政局');
    expect(text.indexOf('文件')).toBeGreaterThan(text.indexOf('清溪县财政局') - 20);

    // Signed at dispatch: the slip says the PDF verifies, and the very bytes downloaded above,
    // chosen as a file to check, verify; the same file with one byte changed does not.
    await expect.poll(() => c.getByTestId('signature-status').getAttribute('data-state')).toBe('valid');
    await expect.poll(() => c.getByTestId('signature').innerText()).toContain('中共清溪县委办公室');
    const chooser = c.getByTestId('signature').locator('input[type=file]');
    await chooser.setInputFiles({ name: 'copy.pdf', mimeType: 'application/pdf', buffer: bytes });
    await expect.poll(() => c.getByTestId('verify-result').getAttribute('data-verifies')).toBe('true');
    await expect.poll(() => c.getByTestId('verify-result').innerText()).toContain('验证通过');
    await screenshot(c, 'documents-signature-verified', { fullPage: true });
    const altered = Buffer.from(bytes);
    altered[altered.length >> 1]! ^= 0x01;
    await chooser.setInputFiles({ name: 'altered.pdf', mimeType: 'application/pdf', buffer: altered });
    await expect.poll(() => c.getByTestId('verify-result').getAttribute('data-verifies')).toBe('false');
    await expect.poll(() => c.getByTestId('verify-result').innerText()).toContain('验证未通过');

    // A recipient's copy: a township signs for it, and its processing slip says the document verifies.
    const town = await apiAs('town01.clerk');
    const inbox = (await town('GET', '/api/inbox?pageSize=200')).items as { id: string; documentId: string }[];
    const delivery = inbox.find((d) => d.documentId === id)!;
    const { incomingId } = (await town('POST', `/api/deliveries/${delivery.id}/acknowledge`)) as { incomingId: string };
    await switchUser(c, 'town01.clerk');
    await navigate(c, `/documents/incoming/${incomingId}`);
    await expect.poll(() => c.getByTestId('signature-status').getAttribute('data-state')).toBe('valid');
    await expect.poll(() => c.getByTestId('signature').innerText()).toContain('中共清溪县委办公室');
  });

  it("refuses a township's 请示 with two main recipients, naming 第十五条", async () => {
    const c = s.page;
    await switchUser(c, 'town01.clerk');
    await navigate(c, '/documents/outgoing/new');
    await selectOption(c, c.getByTestId('docType'), '请示');
    await c.getByTestId('title').fill('关于申请维修办公用房的请示');
    await selectOption(c, c.getByTestId('main-recipients'), '中共清溪县委办公室');
    await selectOption(c, c.getByTestId('main-recipients'), '清溪县财政局');
    await c.getByTestId('paragraph-0').fill('妥否，请批示。');
    await c.getByTestId('draft-save').click();
    await expect.poll(() => c.getByTestId('draft-error').innerText()).toContain('第十五条');
    expect(new URL(c.url()).pathname).toBe('/documents/outgoing/new');
  });
});
