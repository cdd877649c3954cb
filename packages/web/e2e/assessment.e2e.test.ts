/**
 * The assessment's year in the browser: the county copies this year's scheme into next year's
 * draft, edits a weight, is refused publication at 95, fixes it and opens the consultation; a
 * township leader comments, the county answers and publishes; the township clerk sees its running
 * score with a gap; the township sends self-assessment evidence and its summary, its leader in
 * charge confirms it (the county sees it flagged until then), the county clerk scores a manual
 * item; in the public notice the township appeals, the county answers with a new score, and the
 * results become final with rank and grade.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaYear } from '@township-office/domain/dates';
import { describeBrowser, loginAs, navigate, openBrowser, screenshot, selectOption, type BrowserSession } from './helpers.ts';

// The first year after this one without a township scheme (next year on a fresh demo county).
let next = chinaYear() + 1;
const titleOf = (y: number) => `${y}年度乡镇（区）办公室业务工作考评细则`;

/** Opens the assessment page on next year's township scheme. */
async function openScheme(p: Page) {
  await navigate(p, '/supervision/assessment');
  await p.getByLabel('年度').fill(String(next));
  await selectOption(p, p.getByTestId('scheme-select'), new RegExp(titleOf(next)));
  await p.getByTestId('scheme-status').waitFor();
}

/** Fills an antd InputNumber found by its test id (clearing what it holds). */
async function fillNumber(p: Page, testId: string, value: number) {
  const input = p.getByTestId(testId);
  await input.fill(String(value));
}

/** The remaining manual scores of every township, through the API the scoring table uses (72 clicks would test nothing more). */
async function scoreTheRest(p: Page, schemeId: string) {
  const status = await p.evaluate(async (id) => {
    const me = await (await fetch('/api/me')).json();
    const res = await (await fetch(`/api/assessment/schemes/${id}/results`)).json();
    const entries = res.items.flatMap((r: { orgId: string; scores: { code: string; pending: boolean }[] }) =>
      r.scores
        .filter((s) => s.pending && ['2.2', '3.1', '6.2', '7'].includes(s.code))
        .map((s) => ({ orgId: r.orgId, code: s.code, score: 4, reason: '按细则核定' })),
    );
    const r = await fetch(`/api/assessment/schemes/${id}/score-sheet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ entries }),
    });
    return r.status;
  }, schemeId);
  expect(status).toBe(200);
}

describeBrowser('考评细则: a year of the assessment', () => {
  let county: BrowserSession;
  let town: BrowserSession;
  let schemeId = '';

  beforeAll(async () => {
    county = await openBrowser({ viewport: { width: 1366, height: 900 } });
    town = await openBrowser({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
  });

  it('the county copies the scheme, is refused publication at 95, fixes it and opens the consultation', async () => {
    const p = county.page;
    await loginAs(p, 'county.admin');
    await navigate(p, '/supervision/assessment');
    await p.getByTestId('scheme-status').waitFor();
    next = await p.evaluate(async (from) => {
      for (let y = from; ; y++) {
        const r = await (await fetch(`/api/assessment/schemes?year=${y}`)).json();
        if (!r.items.some((i: { targetKind: string }) => i.targetKind === 'township')) return y;
      }
    }, next);
    await p.getByTestId('scheme-new').click();
    await p.getByLabel('年度', { exact: true }).last().fill(String(next));
    await p.getByTestId('scheme-title').fill(titleOf(next));
    await selectOption(p, p.getByTestId('scheme-copy-from'), new RegExp(`${next - 1}年度乡镇`));
    const created = p.waitForResponse((r) => r.url().endsWith('/api/assessment/schemes') && r.request().method() === 'POST');
    await p.getByTestId('scheme-create-save').click();
    schemeId = (await (await created).json()).id;
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('草稿');
    await expect.poll(() => p.getByTestId('weight-sum').innerText()).toContain('100');

    // 7 (the leader's 5%) down to 0: the top level adds up to 95.
    await p.getByTestId('edit-7').click();
    await fillNumber(p, 'indicator-weight', 0);
    await p.getByTestId('indicator-save').click();
    await expect.poll(() => p.getByTestId('weight-sum').innerText()).toContain('95');
    await p.getByTestId('step-publish').click();
    await p.getByText(/一级指标分值合计为95分，须为100分/).waitFor();
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('草稿');
    await screenshot(p, 'assessment-draft-95');

    await p.getByTestId('edit-7').click();
    await fillNumber(p, 'indicator-weight', 5);
    await p.getByTestId('indicator-save').click();
    await expect.poll(() => p.getByTestId('weight-sum').innerText()).toContain('100');
    await p.getByTestId('step-openConsultation').click();
    await p.getByRole('dialog').getByText('截止日期', { exact: true }).waitFor();
    const opened = p.waitForResponse((r) => r.url().endsWith('/open-consultation'));
    await p.getByTestId('step-confirm').click();
    expect((await opened).status()).toBe(200);
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('征求意见');
  });

  it('a township leader comments; the county answers and publishes', async () => {
    const t = town.page;
    await loginAs(t, 'town01.leader');
    await openScheme(t);
    await t.getByTestId('comment-add').click();
    await selectOption(t, t.getByTestId('comment-code'), /^7 分管负责人/);
    await t.getByTestId('comment-text').fill('建议把分管负责人指标细化为批办及时、听取汇报两项。');
    await t.getByTestId('comment-save').click();
    await t.getByTestId('comment-item').waitFor();

    const p = county.page;
    await openScheme(p);
    await p.getByTestId('comment-answer-btn').click();
    await selectOption(p, p.getByTestId('comment-adopted'), '未采纳');
    await p.getByTestId('comment-answer').fill('今年暂不细分，明年征求意见时再研究。');
    await p.getByTestId('comment-answer-save').click();
    await p.getByTestId('comment-answered').waitFor();
    await p.getByTestId('step-publish').click();
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('已发布');
  });

  it('the county issues the scheme as a 通知: the button opens the draft, and opens it again the second time', async () => {
    const p = county.page;
    await openScheme(p);
    const title = `关于印发《${titleOf(next)}》的通知`;
    // The button beside the steps on a phone too.
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await loginAs(phone.page, 'county.admin');
      await openScheme(phone.page);
      await phone.page.getByTestId('scheme-notice').waitFor();
      await screenshot(phone.page, 'assessment-notice-button-390', { fullPage: false });
    } finally {
      await phone.close();
    }
    await p.getByTestId('scheme-notice').click();
    await p.waitForURL(/\/documents\/outgoing\/[0-9a-f-]{36}$/);
    const first = p.url();
    await p.getByText(title).first().waitFor();
    await screenshot(p, 'assessment-notice-draft-1366', { fullPage: true });
    // The draft exists: the second click opens that same draft (the server's 409 names it).
    await openScheme(p);
    await p.getByTestId('scheme-notice').click();
    await p.waitForURL(first);
    await p.getByText(title).first().waitFor();
  });

  it('the township clerk sees its running score and a gap', async () => {
    const t = town.page;
    await loginAs(t, 'town01.clerk');
    await openScheme(t);
    await t.getByTestId('own-result').waitFor();
    // Next year has no records yet: the measured items stand at 0 with their gap shown; the leader's item waits for the county.
    expect(Number(await t.getByTestId('result-rank').innerText())).toBeGreaterThanOrEqual(1);
    await expect.poll(() => t.getByTestId('gap-4.1').innerText()).toBe('差15分');
    await expect.poll(() => t.getByTestId('own-4.1').innerText()).toContain('值班日志完整率');
    // The gap links to the register behind the figure.
    await expect.poll(() => t.getByTestId('records-4.1').getAttribute('href')).toBe('/duty/log');
    await expect.poll(() => t.getByTestId('own-7').innerText()).toContain('待评');
    await screenshot(t, 'assessment-township-390', { fullPage: true });
  });

  it('self-assessment with evidence, a manual score by the county clerk', async () => {
    const p = county.page;
    await openScheme(p);
    await p.getByTestId('step-openSelfAssessment').click();
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('自评');

    const t = town.page;
    await openScheme(t);
    await t.getByTestId('self-btn-6.2').click();
    await t.getByTestId('self-evidence').fill('三室照片（附件）、设备清单 /supervision/environment');
    await t.getByTestId('self-save').click();
    await expect.poll(() => t.getByTestId('self-btn-6.2').innerText()).toContain('修改');

    // The year-end summary, waiting for the leader in charge; the county sees it flagged.
    await expect.poll(() => t.getByTestId('self-state').innerText()).toBe('未提交自评');
    await t.getByTestId('self-summary-btn').click();
    await t.getByTestId('self-summary-text').fill('全年办文办会规范，值班日志逐日记录，信息报送按月完成；档案柜尚需补充。');
    await t.getByTestId('self-summary-save').click();
    await expect.poll(() => t.getByTestId('self-state').innerText()).toBe('自评未经分管负责人确认');
    await screenshot(t, 'assessment-self-390', { fullPage: true });
    await openScheme(p);
    await expect.poll(() => p.getByTestId('self-counts').innerText()).toContain('未确认 1 个');

    // town01's leader in charge confirms it.
    const l = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await loginAs(l.page, 'town01.leader');
      await openScheme(l.page);
      await expect.poll(() => l.page.getByTestId('self-summary').innerText()).toContain('全年办文办会规范');
      const confirmed = l.page.waitForResponse((r) => r.url().endsWith('/self-assessment/confirm'));
      await l.page.getByTestId('self-confirm').click();
      expect((await confirmed).status()).toBe(200);
      await expect.poll(() => l.page.getByTestId('self-state').innerText()).toBe('自评已确认');
      await expect.poll(() => l.page.getByTestId('self-confirm').count()).toBe(0);
    } finally {
      await l.close();
    }
    await openScheme(p);
    await expect.poll(() => p.getByTestId('self-counts').innerText()).toContain('已确认 1 个单位');
    await screenshot(p, 'assessment-self-county-1366', { fullPage: true });

    await p.getByTestId('step-startScoring').click();
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('评分');

    const c = await openBrowser();
    try {
      await loginAs(c.page, 'county.clerk');
      await openScheme(c.page);
      const first = c.page.getByTestId('assessment-results').locator('tbody tr.ant-table-row').first();
      await first.locator('.ant-table-row-expand-icon').click();
      await c.page.getByTestId('score-btn-6.2').first().click();
      // The township's evidence is beside the score.
      await expect.poll(() => c.page.getByTestId('score-self-evidence').innerText()).toContain('三室照片');
      await fillNumber(c.page, 'score-value', 5.5);
      await c.page.getByTestId('score-reason').fill('三室齐全，设备清单与实物相符，档案柜不足扣0.5分');
      await c.page.getByTestId('score-save').click();
      await expect.poll(() => c.page.getByTestId('score-6.2').first().innerText()).toContain('5.5');
      await scoreTheRest(c.page, schemeId);
    } finally {
      await c.close();
    }
    await openScheme(p);
    await p.getByTestId('step-openNotice').click();
    await p.getByTestId('step-confirm').click();
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('公示');
  });

  it('the township appeals, the county answers with a new score, the results are final', async () => {
    const t = town.page;
    await openScheme(t);
    await t.getByTestId('appeal-btn-3.1').click();
    await t.getByTestId('appeal-reason').fill('本年度信访件全部按期办结，登记完整，请复核。');
    await t.getByTestId('appeal-save').click();
    await t.getByTestId('appeal-item').waitFor();

    const p = county.page;
    await openScheme(p);
    await p.getByTestId('appeal-answer-btn').click();
    await p.getByTestId('appeal-answer').fill('经复核属实，调整为14分。');
    await fillNumber(p, 'appeal-new-score', 14);
    await p.getByTestId('appeal-answer-save').click();
    await p.getByTestId('appeal-answered').waitFor();
    await expect.poll(() => p.getByTestId('appeal-answered').innerText()).toContain('→ 14');
    await p.getByTestId('step-finalise').click();
    await expect.poll(() => p.getByTestId('scheme-status').innerText()).toBe('结果确定');
    // The ranking chart draws (ECharts' canvas inside its box) and every office's grade is in the table.
    await p.getByTestId('assessment-ranking-chart').locator('canvas').waitFor();
    const results = p.getByTestId('assessment-results');
    await expect.poll(() => results.locator('tbody tr.ant-table-row').count()).toBe(18);
    const gradeCells = await results.locator('tbody tr.ant-table-row').allInnerTexts();
    for (const r of gradeCells) expect(r).toMatch(/优秀|良好|合格|不合格/);
    await screenshot(p, 'assessment-final-1366', { fullPage: true });

    // The ranking as Excel (downloaded) and as the A4 landscape print, both read back.
    const firstRow = p.getByTestId('assessment-results').locator('tbody tr.ant-table-row').first();
    const leader = (await firstRow.locator('td').nth(2).innerText()).trim();
    const leaderTotal = (await firstRow.getByTestId('result-total').innerText()).trim();
    const [xlsx] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/考评结果\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => void rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const row = rows.find((r) => r.includes(leader));
    expect(row).toBeDefined();
    expect(row![0]).toBe('1');
    expect(row).toContain(leaderTotal);
    const [tab] = await Promise.all([p.context().waitForEvent('page'), p.getByTestId('print-pdf').click()]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    const pdf = await p.evaluate(async (id) => {
      const res = await fetch(`/api/assessment/schemes/${id}/results/export?format=pdf`);
      return Array.from(new Uint8Array(await res.arrayBuffer()));
    }, schemeId);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    const page1 = await doc.getPage(1);
    const [w, h] = [page1.view[2]!, page1.view[3]!];
    expect(w).toBeGreaterThan(h);
    const text = (await page1.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).toContain('考评结果');
    expect(text).toContain(leader);
    await doc.destroy();

    await openScheme(t);
    await expect.poll(() => t.getByTestId('own-3.1').innerText()).toContain('14');
    await t.getByTestId('own-result').waitFor();
    await expect.poll(() => t.getByTestId('assessment-results').innerText()).toMatch(/等次\s*(优秀|良好|合格|不合格)/);
  });
});
