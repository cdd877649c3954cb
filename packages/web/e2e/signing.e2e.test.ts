/**
 * The security administrator's 印章与签名密钥 page (issue 13): picks a township, uploads its seal
 * picture (a PNG made here), sees it, rotates the signing key and sees the new key in use; the page
 * at 1366 px and 390 px.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePng } from '../../server/test/support/png.ts';
import { describeBrowser, loginAs, navigate, openBrowser, screenshot, selectOption, type BrowserSession } from './helpers.ts';

describeBrowser('seals and signing keys (security administrator)', () => {
  let b: BrowserSession;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('uploads a township’s seal picture and rotates its signing key', async () => {
    const { page } = b;
    await loginAs(page, 'secadmin');
    await navigate(page, '/system/signing');
    await selectOption(page, page.getByTestId('signing-org'), '东坪镇');
    await expect.poll(() => page.getByTestId('seal-card').innerText()).toContain('7.3.5.2');
    const [put] = await Promise.all([
      page.waitForResponse((r) => /\/api\/orgs\/[^/]+\/seal$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT'),
      page.locator('[data-testid="seal-card"] input[type=file]').setInputFiles({
        name: '东坪镇印章.png',
        mimeType: 'image/png',
        buffer: makePng({ width: 320, height: 320 }),
      }),
    ]);
    expect(put.status()).toBe(200);
    await page.getByTestId('seal-preview').waitFor();
    await expect.poll(() => page.getByTestId('seal-info').innerText()).toContain('320 × 320');
    await expect.poll(() => page.getByTestId('seal-info').innerText()).toContain('透明');

    const rows = page.locator('[data-testid="keys-table"] tbody tr.ant-table-row');
    const before = await rows.count();
    await page.getByTestId('key-rotate').click();
    const [rotated] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/signing-keys/rotate')),
      page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click(),
    ]);
    expect(rotated.status()).toBe(200);
    const fp = (await rotated.json()).fingerprint as string;
    await expect.poll(() => rows.count()).toBe(before + 1);
    const current = page.locator('[data-testid="keys-table"] tr', { hasText: '在用' });
    await expect.poll(() => current.innerText()).toContain(fp.slice(0, 16));
    await screenshot(page, 'system-signing');
  });

  it('fits a 390 px phone', async () => {
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await loginAs(phone.page, 'secadmin');
      await navigate(phone.page, '/system/signing');
      await selectOption(phone.page, phone.page.getByTestId('signing-org'), '东坪镇');
      await phone.page.getByTestId('seal-preview').waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(phone.page, 'system-signing-390', { fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
