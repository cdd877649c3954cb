/**
 * 信息调研 and 档案 end to end: a township submits an item; the county adopts it at two levels and
 * the township's points and rank move; the county compiles a bulletin from it and prints it. Then
 * the archive pages: the catalogue of last year's archived items, a stamped item, lending.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, navigate, loginAs, openBrowser, screenshot, selectOption, type BrowserSession, waitForPage } from './helpers.ts';

const button = (scope: Page | ReturnType<Page['locator']>, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^\\s*${text.split('').join('\\s*')}\\s*$`) });
const dialog = (page: Page) => page.locator('.ant-modal:visible');

interface RankRow {
  orgName: string;
  points: number;
  adoptionPoints: number;
  rank: number | null;
}
async function ranking(page: Page, year: number, month: number): Promise<{ items: RankRow[]; mine: RankRow | null }> {
  return page.evaluate(async ([y, m]) => (await fetch(`/api/info/ranking?year=${y}&month=${m}`)).json(), [year, month] as const);
}

describeBrowser('信息调研 and 档案', () => {
  let county: BrowserSession;
  let town: BrowserSession;
  const title = `北岭乡创新开展“院坝议事会”化解矛盾纠纷（测试${Date.now() % 100000}）`;
  const now = new Date();
  const year = now.getFullYear();
  const month = now.getMonth() + 1;

  beforeAll(async () => {
    county = await openBrowser();
    town = await openBrowser();
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
  });

  it('a township submits, the county adopts at two levels, the ranking moves, a bulletin is compiled and printed', async () => {
    const t = town.page;
    await loginAs(t, 'town05.clerk');
    await navigate(t, '/information/submissions');
    await t.getByTestId('info-new').click();
    await dialog(t).getByLabel('标题').fill(title);
    await dialog(t)
      .getByLabel('正文')
      .fill('今年以来，我乡在各村推行“院坝议事会”，由村干部、老党员、群众代表共同议事，已化解矛盾纠纷37起。');
    await screenshot(t, 'information-submit-form');
    await button(dialog(t), '确定').click();
    await t.locator('.ant-table-row', { hasText: title }).waitFor();
    await expect.poll(() => t.locator('.ant-table-row', { hasText: title }).innerText()).toContain('待审核');

    const c = county.page;
    await loginAs(c, 'county.clerk');
    const before = await ranking(c, year, month);
    const rowBefore = before.items.find((r) => r.orgName === '北岭乡')!;

    await navigate(c, '/information/submissions');
    const row = c.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await row.getByRole('button', { name: /审\s*核/ }).click();
    await dialog(c).getByLabel('市委信息刊物').check();
    await screenshot(c, 'information-review-levels');
    await button(dialog(c), '确定').click();
    await expect.poll(() => row.innerText()).toContain('已采用');
    await expect.poll(() => row.innerText()).toContain('县委信息刊物 +5');
    await expect.poll(() => row.innerText()).toContain('市委信息刊物 +20');

    const after = await ranking(c, year, month);
    const rowAfter = after.items.find((r) => r.orgName === '北岭乡')!;
    expect(rowAfter.adoptionPoints).toBe(rowBefore.adoptionPoints + 25);
    expect(rowAfter.points).toBeGreaterThanOrEqual(rowBefore.points + 25);
    // A township without points had no place; once adopted it has one, no lower than before.
    if (rowBefore.rank === null) expect(rowAfter.rank).toBeGreaterThanOrEqual(1);
    else expect(rowAfter.rank).toBeLessThanOrEqual(rowBefore.rank);
    await navigate(c, '/information/ranking');
    await c.getByTestId('ranking-chart').locator('canvas').waitFor();
    await expect
      .poll(async () => c.getByTestId('ranking-table').locator('.ant-table-row', { hasText: '北岭乡' }).innerText())
      .toContain(String(rowAfter.points));
    await screenshot(c, 'information-ranking-county');

    // The township sees its own row and where it stands.
    await navigate(t, '/information/ranking');
    await expect.poll(() => t.getByTestId('ranking-mine').innerText()).toContain(`${rowAfter.points} 分，第 ${rowAfter.rank} 名`);
    await screenshot(t, 'information-ranking-township');

    // Compile a bulletin from the item and print it.
    await navigate(c, '/information/submissions');
    await row.locator('.ant-checkbox-input').check();
    await c.getByTestId('info-compile').click();
    await waitForPage(c, /\/information\/bulletins$/);
    const first = c.getByTestId('bulletin-number').first();
    await expect.poll(async () => ((await first.count()) ? (await first.innerText()).trim() : '')).not.toBe('');
    const numberText = (await first.innerText()).trim();
    expect(numberText).toMatch(new RegExp(`^${year}年第\\d+期$`));
    await screenshot(c, 'information-bulletins');
    const [popup] = await Promise.all([c.context().waitForEvent('page'), c.getByTestId(`print-${numberText}`).click()]);
    expect(popup.url()).toMatch(/^blob:/);
    await popup.close();
    const pdf = await c.evaluate(async () => {
      const list = await (await fetch('/api/info/bulletins')).json();
      const res = await fetch(`/api/info/bulletins/${list.items[0].id}/pdf`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { type: res.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
    });
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.head).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(2000);
  });

  it('archives: the catalogue of last year with Excel and print, a year-end filing, a stamped item, a loan', async () => {
    const c = county.page;
    await navigate(c, '/archives/catalogue');
    // the county office's notices are kept 30 years
    await selectOption(c, c.getByTestId('catalogue-retention'), '定期30年');
    const rows = c.getByTestId('catalogue-table').locator('.ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.first().innerText()).toMatch(new RegExp(`Z\\d+-WS·${year - 1}-D30-BGS-0001`));
    await screenshot(c, 'archives-catalogue');
    const [xlsx] = await Promise.all([c.waitForEvent('download'), c.getByTestId('catalogue-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/归档文件目录.*\.xlsx$/);
    const [pdfTab] = await Promise.all([c.context().waitForEvent('page'), c.getByTestId('catalogue-pdf').click()]);
    await pdfTab.close();

    await navigate(c, '/archives/filing');
    const yearInput = c.locator('[data-testid="filing-year"] input, input[data-testid="filing-year"]').first();
    await yearInput.fill(String(year));
    await yearInput.press('Enter');
    const candidate = c.locator('.ant-card .ant-table-row').first();
    await candidate.waitFor();
    await candidate.locator('.ant-checkbox-input').check();
    await c.getByTestId('archive-selected').click();
    await c.getByText(/已归档 1 件/).waitFor();
    await screenshot(c, 'archives-filing');
    const [stamped] = await Promise.all([
      c.context().waitForEvent('page'),
      c
        .getByRole('button', { name: /打印（带归档章）/ })
        .first()
        .click(),
    ]);
    expect(stamped.url()).toMatch(/^blob:/);
    await stamped.close();

    // The loan goes in through the API (the date picker is not what this test is about), then the register shows it.
    const lent = await c.evaluate(
      async (due) => {
        const me = await (await fetch('/api/me')).json();
        const items = await (await fetch(`/api/archives/items?pageSize=1`)).json();
        const res = await fetch('/api/archives/loans', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ itemId: items.items[0].id, borrower: '王建国', purpose: '编写大事记查阅', dueOn: due }),
        });
        return res.status;
      },
      `${year + 1}-01-20`,
    );
    expect(lent).toBe(201);
    await navigate(c, '/archives/lending');
    await c.locator('.ant-table-row', { hasText: '王建国' }).waitFor();
    await screenshot(c, 'archives-lending');
  });
});
