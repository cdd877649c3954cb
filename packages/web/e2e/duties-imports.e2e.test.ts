/**
 * Issue 12's duties in Chromium: a duty swap requested by the township clerk and approved by the
 * leader in charge (the roster follows); a petition through 复查 and 复核 with a hearing (信访工作条例
 * 第三十五条、第三十六条); the 收文登记本 imported from an Excel sheet; screenshots of the new pages at
 * 1366 px and the duty log and inbox at 390 px.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { INCOMING_IMPORT_COLUMNS } from '@township-office/domain/imports';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  loginAs,
  logout,
  navigate,
  openBrowser,
  screenshot,
  selectOption,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

const dialog = (page: Page) => page.locator('.ant-modal:visible');

describeBrowser('duties and imports', () => {
  let s: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    s = await openBrowser();
    page = s.page;
    await loginAs(page, 'town02.clerk');
  });
  afterAll(async () => s?.close());

  it('a clerk asks for a duty swap and the leader in charge approves it; the roster follows', async () => {
    await navigate(page, '/duty/roster');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').last();
    await row.waitFor();
    const day = (await row.locator('td').first().innerText()).trim();
    const people = await page.evaluate(
      async () => (await (await fetch('/api/people')).json()).items as { displayName: string; role: string }[],
    );
    const onDuty = (await row.locator('td').nth(3).innerText()).split('、')[0]!.trim();
    const leader = (await row.locator('td').nth(2).innerText()).trim();
    const other = people.find((p) => p.displayName !== onDuty && p.displayName !== leader)!.displayName;
    await row.getByTestId('swap-request').click();
    const d = dialog(page);
    await d.getByText(onDuty, { exact: true }).click();
    await selectOption(page, d.getByTestId('swap-to'), other);
    await d.getByTestId('swap-reason').fill('家中有事（浏览器测试）');
    await screenshot(page, 'duty-swap-request');
    await d.getByTestId('swap-ok').click();
    await page.getByText('换班申请已提交').first().waitFor();
    await logout(page);

    await loginAs(page, 'town02.leader');
    await navigate(page, '/duty/swaps');
    const swap = page.locator('tr', { hasText: '家中有事（浏览器测试）' });
    await swap.getByTestId('swap-approve').click();
    await swap.getByTestId('swap-status').getByText('已同意').waitFor();
    await screenshot(page, 'duty-swaps');
    await page.getByRole('tab', { name: '节假日值班表报送' }).click();
    await page.getByTestId('holiday-rosters').waitFor();
    await screenshot(page, 'duty-holiday-rosters');
    await navigate(page, '/duty/roster');
    await page.locator('tr', { hasText: day }).filter({ hasText: other }).first().waitFor();
    await logout(page);
    await loginAs(page, 'town02.clerk');
  });

  it('a petition goes through 复查 and 复核, a hearing pausing the 复核 clock', async () => {
    await navigate(page, '/reception/petitions');
    await page.getByTestId('petition-new').click();
    const d = dialog(page);
    await d.getByTestId('petition-name').fill('钱桂兰');
    await d.getByTestId('petition-subject').fill('征地补偿标准（复查复核浏览器测试）');
    await d.getByTestId('petition-content').fill('对征地补偿标准有异议。');
    await d.getByTestId('petition-save').click();
    await waitForPage(page, /\/reception\/petitions\/[0-9a-f-]{36}$/);
    for (const [step, fill] of [
      ['accept', {}],
      ['close', { result: '依据标准作出答复' }],
      ['reviewRequest', { organ: '县人民政府' }],
      ['reviewAnswer', { result: '维持原处理意见' }],
      ['rereviewRequest', { organ: '市人民政府' }],
    ] as const) {
      await page.getByTestId(`petition-${step}`).click();
      for (const [k, v] of Object.entries(fill)) await dialog(page).getByTestId(`step-${k}`).fill(v);
      await dialog(page).getByTestId('step-ok').click();
      await page.getByTestId(`petition-${step}`).waitFor({ state: 'detached' });
    }
    await page.getByTestId('petition-status').getByText('复核中').waitFor();
    await page.getByTestId('petition-hearing').click();
    await dialog(page).getByTestId('step-note').fill('公开听证');
    await dialog(page).getByTestId('step-ok').click();
    await page.getByTestId('hearing-days').getByText('1').waitFor();
    await page.getByTestId('review-card').waitFor();
    await screenshot(page, 'petition-review-rereview', { fullPage: true });
    await page.getByTestId('petition-rereviewAnswer').click();
    await dialog(page).getByTestId('step-result').fill('维持');
    await dialog(page).getByTestId('step-ok').click();
    await page.getByTestId('petition-status').getByText('已复核（终结）').waitFor();

    await navigate(page, '/reception/petitions/stats');
    await page.getByTestId('petition-figures').waitFor();
    await screenshot(page, 'petition-stats');
  });

  it('imports a 收文登记本 sheet from Excel and shows the refusal of a bad one, row and column named', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
    const write = async (name: string, rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('收文登记本');
      ws.addRow(INCOMING_IMPORT_COLUMNS.map((c) => c.header));
      for (const r of rows) ws.addRow(r);
      const file = path.join(dir, name);
      await wb.xlsx.writeFile(file);
      return file;
    };
    const line = (i: number, date = '2018-04-02') => [
      '',
      date,
      '市民政局',
      `历民发〔2018〕${i}号`,
      `浏览器导入测试来文${i}`,
      '通知',
      '',
      1,
      '',
      '',
      '',
      '',
      '2018-05-01',
    ];
    const bad = await write('bad.xlsx', [line(1), line(2, '2018-13-01'), line(3)]);
    const good = await write(
      'good.xlsx',
      [1, 2, 3, 4, 5].map((i) => line(i)),
    );

    await navigate(page, '/documents/registers/incoming');
    await page.getByTestId('import-incoming').click();
    const d = dialog(page);
    await d.locator('input[type=file]').setInputFiles(bad);
    await d.getByTestId('import-file').getByText('bad.xlsx').waitFor();
    await d.getByTestId('import-run').click();
    await d.getByTestId('import-refused').waitFor();
    const report = d.getByTestId('import-report');
    const first = report.locator('tbody tr').first();
    await first.getByText('“收文日期”不是有效日期', { exact: false }).waitFor();
    await expect.poll(async () => (await first.locator('td').allInnerTexts()).slice(0, 2)).toEqual(['3', '收文日期']);
    await screenshot(page, 'import-refused');
    await d.locator('input[type=file]').setInputFiles(good);
    await d.getByTestId('import-file').getByText('good.xlsx').waitFor();
    await d.getByTestId('import-run').click();
    await d.getByTestId('import-done').getByText('已导入 5 条记录').waitFor();
    await screenshot(page, 'import-done');
  });

  it('the 发文笺 and the 文件处理笺 print from their pages as PDFs', async () => {
    const ids = await page.evaluate(async () => ({
      outgoing: ((await (await fetch('/api/registers/outgoing?pageSize=1')).json()).items as { id: string }[])[0]!.id,
      incoming: ((await (await fetch('/api/registers/incoming?pageSize=1')).json()).items as { id: string }[])[0]!.id,
    }));
    for (const [route, api] of [
      [`/documents/outgoing/${ids.outgoing}`, `/api/documents/${ids.outgoing}/slip`],
      [`/documents/incoming/${ids.incoming}`, `/api/incoming/${ids.incoming}/slip`],
    ] as const) {
      await navigate(page, route);
      const answered = page.waitForResponse((r) => r.url().endsWith(api));
      await page.getByTestId('print-slip').click();
      const res = await answered;
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/pdf');
      // The bytes the button opened (read again: the page's blob consumed the response).
      const head = await page.evaluate(async (u) => new TextDecoder().decode((await (await fetch(u)).arrayBuffer()).slice(0, 5)), api);
      expect(head).toBe('%PDF-');
    }
  });

  it('the duty log, the handover and the inbox at 390 px: cards instead of wide tables', async () => {
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await loginAs(phone.page, 'town02.clerk');
      await navigate(phone.page, '/duty/log');
      await phone.page.getByTestId('log-cards').locator('.ant-card').first().waitFor();
      await screenshot(phone.page, 'phone-duty-log', { fullPage: true });
      await navigate(phone.page, '/duty/handover');
      await phone.page.getByTestId('handover-cards').waitFor();
      await screenshot(phone.page, 'phone-handover', { fullPage: true });
      await navigate(phone.page, '/documents/inbox');
      await phone.page.locator('.ant-table, .ant-list, .ant-empty').first().waitFor();
      await screenshot(phone.page, 'phone-inbox', { fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
