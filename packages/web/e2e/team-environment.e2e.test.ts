/**
 * Team and environment kept in the browser (issue 12): a township records a new staff member and a
 * training session with attendees from its staff database; the county acknowledges the filing,
 * records a change of a township's leader in charge (history kept), assigns a post to the new
 * member from the township's page and issues the 十条禁令, which the township reads and
 * acknowledges, and the county sees it acknowledged.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumberWithCheck } from '@township-office/domain/personnel';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, loginAs, navigate, openBrowser, screenshot, selectOption, type BrowserSession } from './helpers.ts';

/** An antd DatePicker inside a dialog: type the date, confirm, and wait until the input holds it. */
async function pickDate(page: Page, input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
  void page;
}

const TOPIC = '公文处理与信息报送业务培训';
const NEW_NAME = '林晓雯';
const ID_NUMBER = idNumberWithCheck('43102119940518062');

describeBrowser('队伍与环境: staff filing, training, leader change, posts, the 十条禁令', () => {
  let county: BrowserSession;
  let town: BrowserSession;

  beforeAll(async () => {
    county = await openBrowser({ viewport: { width: 1366, height: 768 } });
    town = await openBrowser({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await county?.close();
    await town?.close();
  });

  it('a township files a new staff member with every particular', async () => {
    const t = town.page;
    await loginAs(t, 'town02.clerk');
    await navigate(t, '/supervision/my-office');
    await t.getByTestId('my-staff').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(t, 'team-my-office-staff');
    await t.getByTestId('file-join').click();
    const dialog = t.getByRole('dialog');
    await dialog.getByTestId('particular-name').fill(NEW_NAME);
    await dialog.getByTestId('particular-idNumber').fill(ID_NUMBER);
    await selectOption(t, dialog.locator('#gender'), '女');
    await pickDate(t, dialog.locator('#birthDate'), '1994-05-18');
    await dialog.getByTestId('particular-ethnicity').fill('汉族');
    await selectOption(t, dialog.locator('#politicalStatus'), '中共党员');
    await selectOption(t, dialog.locator('#education'), '大学本科');
    await dialog.getByTestId('particular-major').fill('秘书学');
    await dialog.getByTestId('particular-post').fill('科员');
    await dialog.getByTestId('particular-officeRole').fill('办公室工作人员');
    // A bad phone number is named in words, never as a pattern.
    await dialog.getByTestId('particular-phone').fill('12ab');
    await dialog.getByTestId('filing-save').click();
    const phoneError = dialog.locator('.ant-form-item', { has: t.getByTestId('particular-phone') }).locator('.ant-form-item-explain');
    await expect.poll(() => phoneError.innerText()).toContain('联系电话');
    await expect.poll(() => phoneError.innerText()).not.toMatch(/[\^$\\]|Invalid/);
    await dialog.getByTestId('particular-phone').fill('0745-2678901');
    await pickDate(t, dialog.locator('#startDate'), '2026-01-05');
    await screenshot(t, 'team-join-dialog');
    await dialog.getByTestId('filing-save').click();
    await t.getByText('已报送，等待县委办确认').waitFor();
    const filings = t.getByTestId('my-filings');
    await expect.poll(() => filings.innerText()).toContain(NEW_NAME);
    await expect.poll(() => filings.locator('tr', { hasText: NEW_NAME }).innerText()).toContain('待确认');
  });

  it('a township records a training session with attendees from its staff database, and coverage follows', async () => {
    const t = town.page;
    await navigate(t, '/supervision/my-office?section=training');
    await t.getByTestId('training-coverage').waitFor();
    const staff = await t.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      return (await (await fetch(`/api/personnel/staff?orgId=${me.org.id}&status=active`)).json()).items.map(
        (s: { name: string }) => s.name,
      ) as string[];
    });
    await t.getByTestId('record-training').click();
    const dialog = t.getByRole('dialog');
    await dialog.getByTestId('training-topic').fill(TOPIC);
    for (const name of staff) await selectOption(t, dialog.getByTestId('training-attendees'), name);
    await dialog.getByTestId('training-save').click();
    await t.getByText('已登记培训，参训情况已更新').waitFor();
    const row = t.getByTestId('training-sessions').locator('tr', { hasText: TOPIC });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(String(staff.length));
    const today = await t.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const coverage = await t.evaluate(
      async (y) => {
        const me = await (await fetch('/api/me')).json();
        return (await (await fetch(`/api/training/coverage?year=${y}&orgId=${me.org.id}`)).json()).people as { lastTrained: string }[];
      },
      Number(today.slice(0, 4)),
    );
    expect(coverage.every((p) => p.lastTrained === today)).toBe(true);
    await screenshot(t, 'team-my-office-training');
  });

  it('the county acknowledges the filing and records a change of a township’s leader in charge, keeping the history', async () => {
    const p = county.page;
    await loginAs(p, 'county.admin');
    await navigate(p, '/supervision/team');
    const pending = p.getByTestId('pending-filings');
    const row = pending.locator('tr', { hasText: NEW_NAME });
    await row.getByRole('button', { name: /确认备案/ }).click();
    await p.getByText('已确认备案').waitFor();
    await expect.poll(() => pending.innerText()).not.toContain(NEW_NAME);

    const leaders = p.getByTestId('leaders');
    const town02 = await p.evaluate(
      async () => (await (await fetch('/api/orgs')).json()).items.find((o: { code: string }) => o.code === 'T02').id as string,
    );
    const before = await p.evaluate(
      async (id) => (await (await fetch(`/api/personnel/leaders?orgId=${id}&history=true`)).json()).items.length as number,
      town02,
    );
    await p.getByTestId(`change-leader-${town02}`).click();
    const dialog = p.getByRole('dialog');
    await selectOption(p, dialog.getByTestId('leader-account'), /town02\.leader/);
    await dialog.locator('#position').fill('党委副书记');
    await dialog.getByTestId('leader-basis').fill('任党政办主任五年，熟悉办文办会');
    await screenshot(p, 'team-leader-change');
    await dialog.getByTestId('leader-save').click();
    await p.getByText('已变更分管领导，原任记录已保留').waitFor();
    await expect.poll(() => leaders.locator('tr', { hasText: '东坪镇' }).first().innerText()).toContain('党委副书记');
    const history = await p.evaluate(
      async (id) => (await (await fetch(`/api/personnel/leaders?orgId=${id}&history=true`)).json()).items as { until: string | null }[],
      town02,
    );
    expect(history).toHaveLength(before + 1);
    expect(history.filter((l) => l.until === null)).toHaveLength(1);
    await screenshot(p, 'team-county', { fullPage: true });
  });

  it('the county assigns a post to the new member from the township’s page', async () => {
    const p = county.page;
    const town02 = await p.evaluate(
      async () => (await (await fetch('/api/orgs')).json()).items.find((o: { code: string }) => o.code === 'T02').id as string,
    );
    await navigate(p, `/supervision/townships/${town02}`);
    await p.getByTestId('assign-writing').click();
    const dialog = p.getByRole('dialog');
    await selectOption(p, dialog.getByTestId('post-holder'), NEW_NAME);
    await dialog.getByTestId('post-save').click();
    await p.getByText('已保存').first().waitFor();
    await expect.poll(() => p.getByTestId('posts').locator('tr', { hasText: '文秘写作' }).innerText()).toContain(NEW_NAME);
    await screenshot(p, 'team-township-posts', { fullPage: true });
  });

  it('the county issues the 十条禁令; the township reads and acknowledges it; the county sees it', async () => {
    const p = county.page;
    await navigate(p, '/supervision/environment');
    await p.getByTestId('issue-prohibitions').click();
    const dialog = p.getByRole('dialog');
    const title = '关于重申办公室工作“十条禁令”的通知';
    await dialog.getByTestId('prohibitions-title').fill(title);
    await dialog
      .getByTestId('prohibitions-body')
      .fill('一、严禁泄露国家秘密和工作秘密。\n二、严禁擅自对外提供文件资料。\n三、严禁迟报、漏报、瞒报重要信息。');
    await dialog.getByTestId('prohibitions-save').click();
    await p.getByText('已印发，各乡镇将在本单位页面学习确认').waitFor();
    const docRow = p.getByTestId('county-rule-documents').locator('tr', { hasText: title });
    await expect.poll(() => docRow.innerText()).toContain('0/18');
    await screenshot(p, 'environment-county', { fullPage: true });

    const t = town.page;
    await navigate(t, '/supervision/my-office?section=rules');
    const townRow = t.getByTestId('rule-documents').locator('tr', { hasText: title });
    await townRow.getByRole('button', { name: '学习并确认' }).click();
    const read = t.getByRole('dialog');
    await expect.poll(() => read.getByTestId('rule-document-body').innerText()).toContain('严禁泄露国家秘密');
    await read.getByTestId('ack-confirm').click();
    await expect.poll(() => townRow.innerText()).toContain('已确认');
    await screenshot(t, 'team-my-office-rules', { fullPage: true });

    await p.reload();
    await expect.poll(() => p.getByTestId('county-rule-documents').locator('tr', { hasText: title }).innerText()).toContain('1/18');
  });

  it('a township keeps its rooms and expenses, each save saying it was saved', async () => {
    const t = town.page;
    await navigate(t, '/supervision/my-office?section=environment');
    await t.getByTestId('edit-room-archive').click();
    const dialog = t.getByRole('dialog');
    await dialog.getByTestId('room-area').fill('36');
    await dialog.getByTestId('room-save').click();
    await t.getByText('已保存').first().waitFor();
    await expect.poll(() => t.getByTestId('rooms').locator('tr', { hasText: '档案室' }).innerText()).toContain('36');
    // No raw key, no UUID, no UTC timestamp in the room table.
    const text = await t.getByTestId('rooms').innerText();
    expect(text).not.toMatch(/supervision\.field|[0-9a-f]{8}-[0-9a-f]{4}-|T\d{2}:\d{2}/);
    await screenshot(t, 'team-my-office-environment', { fullPage: true });
  });
});
