/**
 * 办会, 值班, 接待 end to end in town01: record a meeting whose decision becomes a follow-up and is
 * closed; generate a month's roster, log a call, hand over (both people confirm); register a
 * visit; register a petition, accept it, extend it once (a second extension refused), close it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  navigate,
  loginAs,
  logout,
  openBrowser,
  screenshot,
  selectOption,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

const dialog = (page: Page) => page.locator('.ant-modal:visible');
/** The township leader's name as the person selects list it (/api/people). */
const leaderName = (page: Page) =>
  page.evaluate(async () => {
    const people = (await (await fetch('/api/people')).json()).items as { displayName: string; role: string }[];
    return people.find((p) => p.role === 'leader_in_charge')!.displayName;
  });

describeBrowser('daily registers', () => {
  let s: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    s = await openBrowser();
    page = s.page;
    await loginAs(page, 'town01.clerk');
  });
  afterAll(async () => s?.close());

  it('records a meeting, turns a decision into a follow-up and closes it', async () => {
    await navigate(page, '/meetings');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('meeting-new').click();
    const d = dialog(page);
    await d.getByTestId('meeting-title').fill('党委会（浏览器测试）');
    await d.getByTestId('meeting-place').fill('党委会议室');
    await selectOption(page, d.getByTestId('meeting-host'), await leaderName(page));
    await d.getByTestId('meeting-item').fill('研究秋冬季森林防火工作');
    await d.getByTestId('meeting-decisions').fill('成立森林防火专班\n开展隐患排查');
    await screenshot(page, 'meetings-new-form');
    await d.getByTestId('meeting-save').click();
    await waitForPage(page, /\/meetings\/[0-9a-f-]{36}$/);
    await page.getByTestId('meeting-finalise').click();
    await page.getByText('待主持人确认').first().waitFor();
    await page.getByTestId('follow-0-0').click();
    await dialog(page).getByTestId('follow-owner').fill('王建国');
    await dialog(page).getByTestId('follow-save').click();
    await page.getByText('已转督办').first().waitFor();
    await screenshot(page, 'meetings-minutes-record', { fullPage: true });

    await page.getByTestId('meeting-follow-ups').click();
    await waitForPage(page, /\/meetings\/follow-ups\?meetingId=/);
    const row = page.locator('tr', { hasText: '成立森林防火专班' }).filter({ hasText: '党委会（浏览器测试）' }).first();
    await row.getByRole('button', { name: /办\s*结/ }).click();
    await dialog(page).getByTestId('followup-text').fill('专班已成立并开展巡查');
    await dialog(page).getByTestId('followup-ok').click();
    await page.locator('tr', { hasText: '专班已成立并开展巡查' }).getByText('已办结').waitFor();
    await screenshot(page, 'meetings-follow-ups');
  });

  it('generates a month of roster, logs a call, hands over with both confirming', async () => {
    await navigate(page, '/duty/roster');
    await page.getByTestId('roster-generate').click();
    // Names on the roster are picked from the office's people (issue 12), not typed.
    const leader = await leaderName(page);
    const clerks = await page.evaluate(async () =>
      ((await (await fetch('/api/people')).json()).items as { displayName: string; role: string }[])
        .filter((p) => p.role === 'office_staff')
        .map((p) => p.displayName),
    );
    await selectOption(page, dialog(page).getByTestId('roster-leaders'), leader);
    await selectOption(page, dialog(page).getByTestId('roster-staff'), clerks[0]!);
    await dialog(page).getByTestId('roster-ok').click();
    await page.locator('tr', { hasText: leader }).first().waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(28);
    await screenshot(page, 'duty-roster-month');

    await navigate(page, '/duty/log');
    await page.getByTestId('log-new').click();
    await dialog(page).getByTestId('log-unit').fill('县应急管理局');
    await dialog(page).getByTestId('log-content').fill('通知明日上午召开防汛视频会议（浏览器测试）');
    await dialog(page).getByTestId('log-save').click();
    await page.getByRole('cell', { name: '通知明日上午召开防汛视频会议（浏览器测试）' }).waitFor();
    await screenshot(page, 'duty-log');

    await navigate(page, '/duty/handover');
    await page.getByTestId('handover-new').click();
    const d = dialog(page);
    // The leader takes over: the second confirmation below is theirs.
    await selectOption(page, d.getByTestId('handover-incoming'), await leaderName(page));
    await d.getByTestId('handover-outstanding').fill('滑坡点夜间巡查（浏览器测试）');
    await d.getByTestId('handover-save').click();
    const row = page.locator('tr', { hasText: '滑坡点夜间巡查（浏览器测试）' });
    await row.getByRole('button', { name: /确认交接/ }).click();
    // Confirmed once: the button goes for this person, and the handover waits for the other.
    await row.getByRole('button', { name: /确认交接/ }).waitFor({ state: 'detached' });
    await row.getByText('待确认').waitFor();
    await logout(page);
    await loginAs(page, 'town01.leader');
    await navigate(page, '/duty/handover');
    await page
      .locator('tr', { hasText: '滑坡点夜间巡查（浏览器测试）' })
      .getByRole('button', { name: /确认交接/ })
      .click();
    await page.locator('tr', { hasText: '滑坡点夜间巡查（浏览器测试）' }).getByText('已交接').waitFor();
    await screenshot(page, 'duty-handover');
    await logout(page);
    await loginAs(page, 'town01.clerk');
  });

  it('registers a visit', async () => {
    await navigate(page, '/reception/visitors');
    await page.getByTestId('visit-new').click();
    const d = dialog(page);
    await d.getByTestId('visit-unit').fill('邻县县委办（浏览器测试）');
    await d.getByTestId('visit-names').fill('刘建国、陈海燕');
    await d.getByTestId('visit-purpose').fill('考察办公室规范化建设');
    await d.getByTestId('visit-host').fill('王镇长');
    await d.getByTestId('visit-save').click();
    await page.getByText('邻县县委办（浏览器测试）').waitFor();
    await screenshot(page, 'reception-visits');
  });

  it('registers a petition, accepts it, extends once (a second refused), closes it', async () => {
    await navigate(page, '/reception/petitions');
    await screenshot(page, 'reception-petitions-list');
    await page.getByTestId('petition-new').click();
    const d = dialog(page);
    await d.getByTestId('petition-name').fill('赵秀英');
    await d.getByTestId('petition-id').fill('110101199003071234');
    await d.getByTestId('petition-phone').fill('13812345678');
    await d.getByTestId('petition-subject').fill('宅基地界址纠纷（浏览器测试）');
    await d.getByTestId('petition-content').fill('反映与邻居宅基地界址不清。');
    await d.getByTestId('petition-save').click();
    await waitForPage(page, /\/reception\/petitions\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await expect(page.getByTestId('petitioner').innerText()).resolves.toContain('1101**********1234');
    await page.getByTestId('petition-reveal').click();
    await page.getByText('110101199003071234').waitFor();

    await page.getByTestId('petition-accept').click();
    await dialog(page).getByTestId('step-ok').click();
    await page.getByTestId('petition-status').getByText('办理中').waitFor();
    await page.getByTestId('petition-extend').click();
    await dialog(page).getByTestId('step-days').fill('30');
    await dialog(page).getByTestId('step-reason').fill('涉及多部门调查');
    await dialog(page).getByTestId('step-approvedBy').fill('王镇长');
    await dialog(page).getByTestId('step-ok').click();
    await page.getByText('延期 30 日').waitFor();
    // The second extension: the button is gone, and the API refuses it.
    await page.getByTestId('petition-extend').waitFor({ state: 'detached' });
    const second = await page.evaluate(async (pid) => {
      const me = await (await fetch('/api/me')).json();
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const res = await fetch(`/api/petitions/${pid}/extend`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ days: 5, reason: '再延', approvedBy: '王镇长', approvedOn: today, notifiedOn: today }),
      });
      return { status: res.status, body: await res.json() };
    }, id);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('PETITION_ALREADY_EXTENDED');
    await screenshot(page, 'reception-petition-extended', { fullPage: true });

    await page.getByTestId('petition-close').click();
    await dialog(page).getByTestId('step-result').fill('经调解双方达成协议');
    await dialog(page).getByTestId('step-ok').click();
    await page.getByTestId('petition-status').getByText('已办结').waitFor();
    await screenshot(page, 'reception-petition-closed', { fullPage: true });
  });
});
