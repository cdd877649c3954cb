/**
 * The county's supervision end to end: the dashboard shows the article's figures for 18
 * townships, a cell drills down to its records, a township files a staff change that the county
 * acknowledges, the rotation planner proposes and the county confirms, and a staff sheet with one
 * bad row is refused whole with the row named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STAFF_SHEET_COLUMNS, idNumberWithCheck } from '@township-office/domain/personnel';
import { describeBrowser, navigate, loginAs, openBrowser, screenshot, type BrowserSession, waitForPage } from './helpers.ts';

describeBrowser('督查: county dashboard, staff filing, rotation planner, staff import', () => {
  let county: BrowserSession;
  let town: BrowserSession;

  beforeAll(async () => {
    county = await openBrowser({ viewport: { width: 1600, height: 900 } });
    town = await openBrowser();
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
  });

  it('shows 18 townships and the article’s figures, and a cell drills down to its records', async () => {
    const p = county.page;
    await loginAs(p, 'county.admin');
    await navigate(p, '/supervision');
    const rows = p.getByTestId('standard-grid').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(18);
    const headline = async (k: string) => (await p.getByTestId(`headline-${k}`).innerText()).replace(/\s+/g, ' ');
    await expect.poll(() => headline('townships')).toContain('18');
    await expect.poll(() => headline('leaders')).toContain('18/18');
    // The seed's figure (42, the article's) is asserted on a fresh database in dashboard.test.ts; the
    // browser tests share one database, and team-environment files (and the county acknowledges) a
    // new member, so here the page must show what the county's API says, whichever file ran first.
    const api = (await (await p.request.get(new URL('/api/dashboard/county', p.url()).toString())).json()) as {
      filedStaff: number;
      trainingSessions: number;
    };
    expect(api.filedStaff).toBeGreaterThanOrEqual(42);
    await expect.poll(() => headline('filedStaff')).toContain(String(api.filedStaff));
    // Likewise the seed's 3 sessions (dashboard.test.ts), plus any a township recorded in team-environment.
    expect(api.trainingSessions).toBeGreaterThanOrEqual(3);
    await expect.poll(() => headline('training')).toContain(String(api.trainingSessions));
    await expect.poll(() => headline('trained')).toMatch(/\d+\/\d+/);
    await expect.poll(() => headline('rooms')).toContain('18');
    await expect.poll(() => headline('expense')).toContain('12,500');
    await expect.poll(() => headline('rules')).toContain('18');
    await expect.poll(() => headline('rotations')).toMatch(/^.*[23] \/ [23] \/ [23] \/ [23]/);
    await expect.poll(() => p.getByTestId('cell-T01-staff').getAttribute('data-status')).toBe('ok');
    await p.getByTestId('chart-expenses').waitFor();
    await screenshot(p, 'supervision-dashboard', { fullPage: true });

    await p.getByTestId('cell-T01-staff').click();
    await waitForPage(p, /\/supervision\/townships\/.+tab=staff/);
    const records = p.getByTestId('drill-records').locator('tbody tr.ant-table-row');
    await expect.poll(() => records.count()).toBe(3);
    await expect.poll(() => p.getByTestId('drill-records').innerText()).toContain('城关镇');
    await screenshot(p, 'supervision-drill-staff');
  });

  it('a township clerk files a staff change and sees it acknowledged by the county', async () => {
    const t = town.page;
    await loginAs(t, 'town02.clerk');
    await navigate(t, '/supervision/my-office');
    // One of the township's own active staff: a change of one particular (the phone) from their row.
    const staffId = await t.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      return (await (await fetch(`/api/personnel/staff?orgId=${me.org.id}&status=active`)).json()).items[0].id as string;
    });
    await t.getByTestId(`change-${staffId}`).click();
    await t.getByRole('dialog').getByTestId('particular-phone').fill('0745-2345678');
    await t.getByTestId('filing-save').click();
    const myFilings = t.getByTestId('my-filings');
    await expect.poll(() => myFilings.innerText()).toContain('待确认');
    await screenshot(t, 'supervision-township-filed');

    const p = county.page;
    await navigate(p, '/supervision/team');
    const pending = p.getByTestId('pending-filings');
    await expect.poll(() => pending.innerText()).toContain('东坪镇');
    await pending
      .locator('tr', { hasText: '东坪镇' })
      .getByRole('button', { name: /确认备案/ })
      .click();
    await expect.poll(() => pending.innerText()).not.toContain('东坪镇');

    await t.reload();
    await expect.poll(() => t.getByTestId('my-filings').innerText()).toContain('已确认');
    await screenshot(t, 'supervision-township-acknowledged');
  });

  it('runs the rotation planner and confirms its proposal', async () => {
    const p = county.page;
    await navigate(p, '/supervision/team');
    await p.getByTestId('run-planner').click();
    const proposal = p.getByTestId('proposal').locator('tbody tr.ant-table-row');
    await expect.poll(() => proposal.count()).toBe(3);
    const names = await proposal.allInnerTexts();
    const townships = names.map((n) => n.split('\t')[1]);
    expect(new Set(townships).size).toBe(3);
    await screenshot(p, 'supervision-planner');
    await p.getByTestId('confirm-rotation').click();
    await p.getByText('已确认本季度跟班学习人选').waitFor();
  });

  it('refuses a staff sheet with one bad row, naming the row, and imports nothing', async () => {
    const p = county.page;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(STAFF_SHEET_COLUMNS.map((c) => c.header));
    const row = (code: string, name: string, id: string, birth = '1990-02-03') => [
      code,
      name,
      id,
      '女',
      birth,
      '汉族',
      '中共党员',
      '大学本科',
      '法学',
      '科员',
      '办公室工作人员',
      '0745-2234000',
      '2016-03-01',
    ];
    ws.addRow(row('T05', '测试甲', idNumberWithCheck('43102119900203771')));
    ws.addRow(row('T08', '测试乙', idNumberWithCheck('43102119900203772'), '1990-02-30'));
    ws.addRow(row('T11', '测试丙', idNumberWithCheck('43102119900203773')));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-')), '人员导入.xlsx');
    await wb.xlsx.writeFile(file);
    const before = await p.evaluate(async () => (await (await fetch('/api/personnel/staff?status=active')).json()).items.length);
    await navigate(p, '/supervision/team');
    await p.locator('input[type=file]').setInputFiles(file);
    const report = p.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => report.innerText()).toContain('第 3 行');
    await expect.poll(() => report.innerText()).not.toContain('第 2 行');
    await screenshot(p, 'supervision-import-refused');
    const after = await p.evaluate(async () => (await (await fetch('/api/personnel/staff?status=active')).json()).items.length);
    expect(after).toBe(before);
  });
});
