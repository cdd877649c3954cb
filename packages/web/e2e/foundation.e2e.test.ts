import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  loginAs,
  logout,
  menuGroupItems,
  menuTopLevel,
  openBrowser,
  optionLabels,
  screenshot,
  switchLanguage,
  type BrowserSession,
} from './helpers.ts';

const BUSINESS_GROUPS = ['工作台', '办文', '办会', '信息调研', '接待', '值班', '档案'];

describeBrowser('the app shell', () => {
  let b: BrowserSession;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('logs in as the county clerk, shows the layout, switches language and logs out', async () => {
    const { page } = b;
    await page.goto('/login');
    await screenshot(page, 'foundation-login');
    await loginAs(page, 'county.clerk');
    await expect.poll(() => menuTopLevel(page)).toEqual([...BUSINESS_GROUPS, '督查', '系统']);
    await expect.poll(() => page.getByTestId('current-role').innerText()).toContain('县委办工作人员');
    await expect.poll(() => page.getByTestId('current-user').innerText()).toMatch(/\S+/);
    await page.getByTestId('org-switcher').waitFor();
    await expect.poll(() => menuGroupItems(page, '办文')).toEqual(expect.arrayContaining(['收文', '发文']));
    await screenshot(page, 'foundation-workbench-zh-CN');

    // The org switcher offers 全县 and the 18 townships.
    const offered = await optionLabels(page, page.getByTestId('org-switcher'));
    expect(offered[0]).toBe('全县');
    expect(offered).toContain('城关镇');

    await switchLanguage(page, 'English');
    await expect
      .poll(() => menuTopLevel(page))
      .toEqual(['Workbench', 'Documents', 'Meetings', 'Information', 'Reception', 'Duty', 'Archives', 'Supervision', 'System']);
    await expect.poll(() => page.getByTestId('logout').innerText()).toContain('Sign out');
    // The features' strings come in their own chunk (not with the login page): switched, they follow.
    await expect.poll(() => page.getByTestId('workbench-todos').innerText()).toMatch(/Overdue|Due today|This week|Other to-dos/);
    await screenshot(page, 'foundation-workbench-en');

    await switchLanguage(page, '繁體中文');
    await expect.poll(() => menuTopLevel(page)).toEqual(['工作臺', '辦文', '辦會', '資訊調研', '接待', '值班', '檔案', '督查', '系統']);
    expect(await page.evaluate(() => document.cookie)).toContain('lang=zh-TW');
    await expect.poll(() => page.getByTestId('workbench-todos').innerText()).not.toMatch(/workbench\.\w/);
    await screenshot(page, 'foundation-workbench-zh-TW');

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => menuTopLevel(page)).toContain('辦文');
    await switchLanguage(page, '简体中文');
    await expect.poll(() => menuTopLevel(page)).toContain('办文');

    await logout(page);
    await expect.poll(() => page.getByTestId('login-notice').innerText()).toContain('已安全退出');
    // Signed out means signed out: a page of the app leads back to the login form.
    await page.goto('/documents/inbox');
    await page.waitForURL(/\/login/);
  });

  // top: the menu's groups in order (a township's 督查 holds only its own-office filing, checked below);
  // pinned: the leader's 待我签发 / 待我批示 above every group.
  const cases: { user: string; role: string; top: string[]; system: string[]; pinned?: string[] }[] = [
    {
      user: 'county.admin',
      role: '县委办（业务管理员）',
      top: [...BUSINESS_GROUPS, '督查', '系统'],
      system: ['主送/抄送分组', '我的账户'],
    },
    { user: 'town01.clerk', role: '乡镇办公室工作人员', top: [...BUSINESS_GROUPS, '督查', '系统'], system: ['我的账户'] },
    // The leader in charge sees the office's annual assessment (issue 10), so 督查 is in the menu.
    {
      user: 'town01.leader',
      role: '分管领导',
      top: [...BUSINESS_GROUPS, '督查', '系统'],
      system: ['我的账户'],
      pinned: ['待我签发', '待我批示'],
    },
    { user: 'sysadmin', role: '系统管理员', top: ['系统'], system: ['账户管理', '主送/抄送分组', '我的账户'] },
    { user: 'secadmin', role: '安全保密管理员', top: ['系统'], system: ['角色与解锁', '登录锁定', '印章与签名密钥', '我的账户'] },
    { user: 'auditor', role: '安全审计员', top: ['系统'], system: ['审计日志', '我的账户'] },
  ];
  for (const c of cases) {
    it(`shows ${c.user} the menu of a ${c.role}`, async () => {
      const { page } = b;
      await loginAs(page, c.user);
      await expect.poll(() => page.getByTestId('current-role').innerText()).toContain(c.role);
      const top = await menuTopLevel(page);
      expect(top).toEqual([...(c.pinned ?? []), ...c.top]);
      if (c.top.includes('督查')) {
        const supervision = await menuGroupItems(page, '督查');
        // The county's supervision pages are the county office's; a township sees only its own office.
        expect(supervision.includes('督查总览')).toBe(c.user.startsWith('county.'));
        // Every office sees where it stands in the year's assessment.
        expect(supervision).toContain('考核评分');
      }
      await expect.poll(() => menuGroupItems(page, '系统')).toEqual(c.system);
      await expect.poll(() => page.getByTestId('org-switcher').count()).toBe(c.user === 'county.admin' ? 1 : 0);
      if (c.user === 'auditor') {
        // The 三员 land on their own page, not on the business workbench.
        await expect.poll(() => new URL(page.url()).pathname).toBe('/system/audit');
        await screenshot(page, 'foundation-auditor');
      }
      if (c.user === 'town01.clerk') await screenshot(page, 'foundation-town01-clerk');
      await logout(page);
    });
  }
});
