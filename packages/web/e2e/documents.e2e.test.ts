/**
 * 办文 end to end: the county drafts a 通知 to all 18 townships, it is reviewed, signed off,
 * numbered and sent online; town01 sees it arrive live, acknowledges and processes it (拟办 →
 * 批示 → 办结); the county's receipt table shows 1/18; both registers download as real xlsx and
 * PDF files; classified content is refused and a paper-registered classified document is listed.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  confirmOk,
  describeBrowser,
  navigate,
  loginAs,
  logout,
  menuTopLevel,
  openBrowser,
  screenshot,
  selectOption,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

/** Ant Design puts a space between two Chinese characters on a button ("签 收"). */
const button = (scope: Page | ReturnType<Page['locator']>, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });
const dialog = (page: Page) => page.locator('.ant-modal:visible');

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

async function expectXlsxWith(bytes: Buffer, text: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text ?? '')))));
  expect(cells.some((c) => c.includes(text))).toBe(true);
}

async function expectPdf(bytes: Buffer) {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  expect(doc.numPages).toBeGreaterThan(0);
  const page = await doc.getPage(1);
  const text = await page.getTextContent();
  expect(text.items.length).toBeGreaterThan(0);
  await doc.destroy();
}

async function switchUser(page: Page, user: string) {
  await logout(page);
  await loginAs(page, user);
}

describeBrowser('办文: a notice from the county to the townships and back', () => {
  let county: BrowserSession;
  let town: BrowserSession;
  const title = `关于做好2026年春节期间值班工作的通知（测试${Date.now() % 100000}）`;
  let slipUrl = '';
  let incomingUrl = '';
  let clerkName = '';

  beforeAll(async () => {
    county = await openBrowser();
    town = await openBrowser();
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
  });

  it('drafts, reviews, signs off, numbers and dispatches online; the township sees it arrive live', async () => {
    const t = town.page;
    await loginAs(t, 'town01.clerk');
    clerkName = (await t.getByTestId('current-user').innerText()).split('\n')[0]!.trim();
    await navigate(t, '/documents/inbox');
    await expect.poll(() => t.getByTestId('live-status').innerText()).toBe('实时接收中');

    const c = county.page;
    await loginAs(c, 'county.clerk');
    await navigate(c, '/documents/outgoing');
    await c.getByTestId('new-draft').click();
    await waitForPage(c, /\/documents\/outgoing\/new$/);
    await c.getByTestId('title').fill(title);
    await c.getByTestId('main-recipients-all-townships').click();
    await c.getByTestId('paragraph-0').fill('春节将至，为确保节日期间各项工作正常运转，现就有关事项通知如下。');
    for (const [i, level, text] of [
      [1, '一、', '严格落实领导带班和24小时值班制度'],
      [2, '（一）', '值班人员须在岗在位，保持通信畅通。'],
      [3, '一、', '及时报告重要情况'],
    ] as const) {
      await c.getByTestId('add-paragraph').click();
      await selectOption(c, c.getByTestId('body-editor').locator('.ant-select').nth(i), level);
      await c.getByTestId(`paragraph-${i}`).fill(text);
    }
    await screenshot(c, 'documents-draft-form', { fullPage: true });
    await c.getByTestId('draft-save').click();
    await waitForPage(c, /\/documents\/outgoing\/[0-9a-f-]{36}$/);
    slipUrl = new URL(c.url()).pathname;
    await expect.poll(() => c.getByTestId('slip-title').innerText()).toBe(title);
    await expect.poll(() => c.getByTestId('slip-main').innerText()).toContain('各乡镇（18个）');
    await expect.poll(() => c.getByTestId('slip-body').innerText()).toContain('（一）值班人员须在岗在位');
    await expect.poll(() => c.getByTestId('slip-body').innerText()).toContain('二、及时报告重要情况');
    await button(c.getByTestId('action-bar'), '提交核稿').click();
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('核稿中');

    // 核稿 by the county admin.
    await switchUser(c, 'county.admin');
    await navigate(c, slipUrl);
    await button(c.getByTestId('action-bar'), '核稿').click();
    await dialog(c).getByTestId('review-comment').fill('文字规范，同意报签。');
    await button(dialog(c), '核稿通过').click();
    await expect.poll(() => c.getByTestId('slip-review').innerText()).toContain('文字规范，同意报签。');

    // 签发 by the county leader, whose menu puts 待我签发 first.
    await switchUser(c, 'county.leader');
    await expect.poll(async () => (await menuTopLevel(c))[0]).toBe('待我签发');
    await c.getByTestId('main-menu').getByText('待我签发').click();
    await c.getByRole('link', { name: title }).click();
    await button(c.getByTestId('action-bar'), '签发').click();
    await dialog(c).getByTestId('signoff-modal-text').fill('同意印发。');
    await button(dialog(c), '签发').click();
    await expect.poll(() => c.getByTestId('slip-signoff').innerText()).toContain('同意印发。');
    await expect.poll(() => c.getByTestId('slip-writtenDate').innerText()).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);

    // 编号 and 网上分发 by the county clerk.
    await switchUser(c, 'county.clerk');
    await navigate(c, slipUrl);
    await button(c.getByTestId('action-bar'), '复核').click();
    await confirmOk(c);
    await expect.poll(() => c.getByTestId('slip-recheck').innerText()).toMatch(/\d{4}年/);
    await button(c.getByTestId('action-bar'), '编号').click();
    await expect.poll(() => c.getByTestId('slip-docNumber').innerText()).toMatch(/^清委办发〔\d{4}〕[1-9]\d*号$/);
    await screenshot(c, 'documents-slip-numbered', { fullPage: true });
    await button(c.getByTestId('action-bar'), '网上分发').click();
    // The township's open inbox shows it without a reload, with a notification. The notification
    // goes after a few seconds, so its wait starts before the dispatch that sends it.
    await Promise.all([t.getByText('收到新公文').waitFor(), confirmOk(c)]);
    await t.locator('.ant-table-row', { hasText: title }).waitFor();
    await screenshot(t, 'documents-inbox-live');
    await expect.poll(() => c.getByTestId('receipt-count').innerText()).toBe('0/18 已签收');

    const { bytes: pdf } = await saved(c, () => button(c.getByTestId('action-bar'), '下载 PDF').click());
    await expectPdf(pdf);
  }, 300_000);

  it('the township acknowledges, proposes, its leader instructs and a handler closes it', async () => {
    const t = town.page;
    await button(t.locator('.ant-table-row', { hasText: title }), '签收').click();
    await waitForPage(t, /\/documents\/incoming\/[0-9a-f-]{36}$/);
    incomingUrl = new URL(t.url()).pathname;
    await expect.poll(() => t.getByTestId('proc-serial').innerText()).toMatch(/^收〔\d{4}〕[1-9]\d*号$/);
    await t.getByTestId('screen-act').click();
    await button(t.getByTestId('action-bar'), '拟办').click();
    await dialog(t).getByTestId('propose-modal-text').fill('拟请镇长阅示，由党政办抓好落实。');
    await button(dialog(t), '确定').click();
    await expect.poll(() => t.getByTestId('proc-proposal').innerText()).toContain('拟请镇长阅示');

    await switchUser(t, 'town01.leader');
    await expect.poll(async () => (await menuTopLevel(t)).slice(0, 2)).toEqual(['待我签发', '待我批示']);
    await t.getByTestId('main-menu').getByText('待我批示').click();
    await t.getByRole('link', { name: title }).click();
    await button(t.getByTestId('action-bar'), '批示').click();
    await dialog(t).getByTestId('instruct-modal-text').fill('同意。请党政办按要求排好值班表，春节前报县委办。');
    await selectOption(t, dialog(t).getByTestId('handlerIds-select'), clerkName);
    await button(dialog(t), '确定').click();
    await expect.poll(() => t.getByTestId('proc-handlers').innerText()).toBe(clerkName);

    await switchUser(t, 'town01.clerk');
    await navigate(t, incomingUrl);
    await button(t.getByTestId('action-bar'), '办结').click();
    await dialog(t).getByTestId('close-modal-text').fill('已排定春节值班表并报县委办。');
    await button(dialog(t), '确定').click();
    await expect.poll(() => t.getByTestId('processing-slip').innerText()).toContain('已办结');
    await screenshot(t, 'documents-processing-slip', { fullPage: true });
  });

  it("shows the county's receipt table at 1/18 acknowledged", async () => {
    const c = county.page;
    await navigate(c, slipUrl);
    await expect.poll(() => c.getByTestId('receipt-count').innerText()).toBe('1/18 已签收');
    const row = c.locator('.ant-table-row', { hasText: '已签收' });
    await expect.poll(() => row.innerText()).toContain(clerkName);
    await c.getByTestId('receipt-table').scrollIntoViewIfNeeded();
    await screenshot(c, 'documents-receipt-table');
  });

  it('exports both registers to Excel and prints them to PDF', async () => {
    const c = county.page;
    await navigate(c, '/documents/registers/outgoing');
    await c.locator('.ant-table-row', { hasText: title }).waitFor();
    await screenshot(c, 'documents-register-outgoing');
    await expectXlsxWith((await saved(c, () => c.getByTestId('register-export').click())).bytes, title);
    await expectPdf((await saved(c, () => c.getByTestId('register-print').click())).bytes);

    const t = town.page;
    await navigate(t, '/documents/registers/incoming');
    await t.locator('.ant-table-row', { hasText: title }).waitFor();
    await expectXlsxWith((await saved(t, () => t.getByTestId('register-export').click())).bytes, title);
    await expectPdf((await saved(t, () => t.getByTestId('register-print').click())).bytes);
  });

  it('refuses a classified document with a body, and lists a paper-registered classified one', async () => {
    const c = county.page;
    await navigate(c, '/documents/outgoing/new');
    await c.getByTestId('paragraph-0').fill('这段正文不应保存。');
    await c.getByTestId('draft-form').locator('label.ant-radio-button-wrapper', { hasText: '机密' }).click();
    await expect.poll(() => c.getByTestId('classified-alert').innerText()).toContain('涉密文件不得在本系统中存储或网上传输');
    await expect.poll(() => c.getByTestId('body-editor').count()).toBe(0);
    await screenshot(c, 'documents-draft-classified');
    await c.getByTestId('draft-form').locator('label.ant-radio-button-wrapper', { hasText: '非密' }).click();
    // Whatever the form does, the server refuses a body on a classified document with a clear message.
    const refused = await c.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const orgs = await (await fetch('/api/orgs')).json();
      const township = orgs.items.find((o: { kind: string }) => o.kind === 'township');
      const res = await fetch('/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({
          docType: '通知',
          title: '涉密测试',
          body: '正文',
          mainRecipientOrgIds: [township.id],
          classification: 'secret',
        }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('涉密公文（机密）只登记纸质原件的信息');
    await c.evaluate(() => localStorage.removeItem('documents.draft.new'));

    const t = town.page;
    const paperTitle = `关于印发保密工作要点的通知（纸质${Date.now() % 100000}）`;
    await navigate(t, '/documents/inbox');
    await t.getByTestId('register-paper').click();
    await t.getByTestId('paper-sender').fill('清溪县委保密委员会');
    await t.getByTestId('paper-number').fill('清保委发〔2026〕2号');
    await t.getByTestId('paper-title').fill(paperTitle);
    await t.getByTestId('paper-form').locator('label.ant-radio-button-wrapper', { hasText: '机密' }).click();
    await t.getByTestId('paper-classified-alert').waitFor();
    await button(dialog(t), '确定').click();
    await waitForPage(t, /\/documents\/incoming\/[0-9a-f-]{36}$/);
    await expect.poll(() => t.getByTestId('proc-channel').innerText()).toBe('纸质');
    await navigate(t, '/documents/registers/incoming');
    const row = t.locator('.ant-table-row', { hasText: paperTitle });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/机密[\s\S]*纸质/);
    await screenshot(t, 'documents-register-incoming');
  });

  it('records the 保密期限, 份号 and channel of a classified paper entry, and the slip and the register show them', async () => {
    const t = town.page;
    const paperTitle = `关于开展保密自查的通知（纸质${Date.now() % 100000}）`;
    await navigate(t, '/documents/inbox');
    await t.getByTestId('register-paper').click();
    await t.getByTestId('paper-sender').fill('清溪县委保密委员会');
    await t.getByTestId('paper-title').fill(paperTitle);
    // Not classified: none of the classified record's fields are offered.
    await expect.poll(() => t.getByTestId('paper-secrecy-unit').count()).toBe(0);
    await expect.poll(() => t.getByTestId('paper-channel').count()).toBe(0);
    await t.getByTestId('paper-form').locator('label.ant-radio-button-wrapper', { hasText: '秘密' }).click();
    await t.getByTestId('paper-secrecy-unit').locator('label.ant-radio-button-wrapper', { hasText: /^年$/ }).click();
    await t.getByTestId('paper-secrecy-amount').fill('1');
    await t.getByTestId('paper-copies').fill('2');
    // A 份号 that is not 6 digits is refused beside the field.
    await t.getByTestId('paper-copy-numbers').fill('12');
    await button(dialog(t), '确定').click();
    await expect.poll(() => dialog(t).innerText()).toContain('份号为6位阿拉伯数字');
    await t.getByTestId('paper-copy-numbers').fill('000007-000008');
    await t.getByTestId('paper-channel').locator('label.ant-radio-button-wrapper', { hasText: '机要交通' }).click();
    await button(dialog(t), '确定').click();
    await waitForPage(t, /\/documents\/incoming\/[0-9a-f-]{36}$/);
    await expect.poll(() => t.getByTestId('secrecy-mark').innerText()).toBe('秘密★1年');
    await expect.poll(() => t.getByTestId('proc-channel').innerText()).toBe('纸质（机要交通）');
    await expect.poll(() => t.getByTestId('proc-copies').innerText()).toBe('2（000007–000008）');
    await navigate(t, '/documents/registers/incoming');
    const row = t.locator('.ant-table-row', { hasText: paperTitle });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/秘密★1年[\s\S]*000007–000008[\s\S]*纸质·机要交通/);
  });
  it('drafts a classified notice with its 保密期限 and records its paper dispatch with the 份号 and channel', async () => {
    const c = county.page;
    const paperTitle = `关于保密检查的通知（登记${Date.now() % 100000}）`;
    await switchUser(c, 'county.clerk');
    await navigate(c, '/documents/outgoing/new');
    await c.getByTestId('title').fill(paperTitle);
    await c.getByTestId('main-recipients-all-townships').click();
    await c.getByTestId('draft-form').locator('label.ant-radio-button-wrapper', { hasText: '机密' }).click();
    await c.getByTestId('draft-secrecy-unit').locator('label.ant-radio-button-wrapper', { hasText: /^年$/ }).click();
    await c.getByTestId('draft-secrecy-amount').fill('2');
    await c.getByTestId('draft-save').click();
    await waitForPage(c, /\/documents\/outgoing\/[0-9a-f-]{36}$/);
    const url = new URL(c.url()).pathname;
    await expect.poll(() => c.getByTestId('secrecy-mark').innerText()).toBe('机密★2年');
    await button(c.getByTestId('action-bar'), '提交核稿').click();
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('核稿中');
    await switchUser(c, 'county.admin');
    await navigate(c, url);
    await button(c.getByTestId('action-bar'), '核稿').click();
    await button(dialog(c), '核稿通过').click();
    await expect.poll(() => c.getByTestId('document-slip').innerText()).toContain('待签发');
    await switchUser(c, 'county.leader');
    await navigate(c, url);
    await button(c.getByTestId('action-bar'), '签发').click();
    await dialog(c).getByTestId('signoff-modal-text').fill('同意。');
    await button(dialog(c), '签发').click();
    await expect.poll(() => c.getByTestId('slip-signoff').innerText()).toContain('同意。');
    await switchUser(c, 'county.clerk');
    await navigate(c, url);
    await button(c.getByTestId('action-bar'), '复核').click();
    await confirmOk(c);
    await expect.poll(() => c.getByTestId('slip-recheck').innerText()).toMatch(/\d{4}年/);
    await button(c.getByTestId('action-bar'), '编号').click();
    await expect.poll(() => c.getByTestId('slip-docNumber').innerText()).toMatch(/号$/);
    await button(c.getByTestId('action-bar'), '纸质分发登记').click();
    // The system numbers a classified document's copies: no 份号 field, the channel instead.
    await expect.poll(() => dialog(c).getByTestId('dispatch-copy-numbers').count()).toBe(0);
    await dialog(c).getByTestId('dispatch-copies').fill('3');
    await dialog(c).getByTestId('dispatch-paper-channel').locator('label.ant-radio-button-wrapper', { hasText: '机要通信' }).click();
    await button(dialog(c), '确定').click();
    await expect.poll(() => c.getByTestId('slip-channel').innerText()).toMatch(/纸质分发 3 份[\s\S]*份号 000001–000003[\s\S]*机要通信/);
    await navigate(c, '/documents/registers/outgoing');
    const row = c.locator('.ant-table-row', { hasText: paperTitle });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/机密★2年[\s\S]*000001–000003[\s\S]*纸质·机要通信/);
  }, 120_000);
});
