import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  baseUrl,
  describeBrowser,
  loginAs,
  logout,
  openBrowser,
  screenshot,
  selectOption,
  submitLogin,
  type BrowserSession,
  waitForPage,
} from './helpers.ts';

describeBrowser('the system pages of the 三员', () => {
  let b: BrowserSession;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('lets the system administrator create an account that must change its password at first sign-in', async () => {
    const { page } = b;
    const username = `e2e.clerk${Date.now() % 100_000}`;
    await loginAs(page, 'sysadmin');
    await waitForPage(page, /\/system\/users/);
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('测试员');
    await selectOption(page, dialog.getByLabel('单位', { exact: true }), '城关镇');
    // The role options follow the chosen org's kind: a township's roles once 城关镇 is set.
    await selectOption(page, dialog.getByLabel('角色', { exact: true }), '乡镇办公室工作人员');
    await dialog.getByLabel('初始密码').fill('Init#2026x');
    await screenshot(page, 'system-create-user');
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/users' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(created.status()).toBe(201);
    const row = page.locator('tr', { hasText: username });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('待改密');
    await screenshot(page, 'system-users');
    await logout(page);

    await submitLogin(page, username, 'Init#2026x');
    await page.waitForURL(/\/change-password/);
    await screenshot(page, 'system-forced-password-change');
    await page.getByLabel('原密码').fill('Init#2026x');
    await page.getByLabel('新密码', { exact: true }).fill('Mine#2026y');
    await page.getByLabel('确认新密码').fill('Mine#2026y');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('main-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByTestId('current-role').innerText()).toContain('乡镇办公室工作人员');
    await logout(page);
  });

  it('lets the security administrator unlock an account locked by wrong passwords', async () => {
    const { page } = b;
    for (let i = 0; i < 5; i++) {
      const res = await page.request.post(`${baseUrl()}/api/auth/login`, {
        data: { username: 'town02.clerk', password: 'wrong-Password1' },
      });
      expect([401, 423]).toContain(res.status());
    }
    await loginAs(page, 'secadmin');
    await waitForPage(page, /\/system\/roles/);
    const row = page.locator('tr', { hasText: 'town02.clerk' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('已锁定');
    await screenshot(page, 'system-roles-locked');
    await row.getByRole('button', { name: '解锁' }).click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已锁定').waitFor({ state: 'detached' });
    await logout(page);
    // Unlocked means the owner can sign in again.
    await loginAs(page, 'town02.clerk');
    await logout(page);
  });

  it('shows the audit administrator the log, filtered, and a verified chain', async () => {
    const { page } = b;
    await loginAs(page, 'auditor');
    await waitForPage(page, /\/system\/audit/);
    await page.getByLabel('操作人').fill('auditor'); // the auditor's own sign-in is always there
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => {
        const u = new URL(r.url());
        return u.pathname === '/api/audit' && u.searchParams.get('actor') === 'auditor';
      }),
      page.getByRole('button', { name: /查\s*询/ }).click(),
    ]);
    expect(filtered.status()).toBe(200);
    // The unfiltered rows stay on screen until the filtered page renders: wait for the filter to show.
    const rows = page.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.filter({ hasNotText: 'auditor' }).count()).toBe(0);
    // Actions and objects in words (登录 · 用户账号), not auth.login and user · b394137d.
    await expect.poll(() => rows.filter({ hasText: '登录' }).count()).toBeGreaterThan(0);
    await expect.poll(() => rows.first().getByTestId('audit-entity').innerText()).not.toMatch(/[0-9a-f]{8}|^user$/);
    await expect.poll(() => page.locator('tbody').innerText()).not.toContain('auth.login');
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    await expect.poll(() => result.innerText()).toContain('审计日志完整');
    await screenshot(page, 'system-audit-verified');
  });

  it('sends a user whose session ended back to the login page, saying so', async () => {
    const { page, context } = b;
    await loginAs(page, 'town01.clerk');
    await page.getByTestId('current-user').click();
    await waitForPage(page, /\/account/);
    await context.clearCookies({ name: 'township_sid' });
    await page.getByTestId('totp-setup').click(); // the server answers 401: no session any more
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByTestId('login-notice').innerText()).toContain('登录已过期');
  });
});
