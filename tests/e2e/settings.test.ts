/**
 * The settings page (issue 8) in real Chromium against the real handlers and
 * settings file: the gear opens it, every change is written through
 * settings.set at once, applied at once (theme, large digits, language,
 * next code) and still there after a reload. Screenshots in both languages.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';

const T = 1_700_000_000_000;
const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });
let page: Page;

beforeEach(async () => {
  await session.bridge.call('accounts.add', {
    manual: { issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXP', digits: 8 },
  });
});

const saved = () => session.bridge.call('settings.get');

async function openSettings(): Promise<void> {
  page = (await session.open({ frozenAt: T })).page;
  await page.getByRole('button', { name: 'Settings' }).click();
}

describe('settings page', () => {
  it('shows every setting, in English and Norwegian', async () => {
    await openSettings();
    for (const label of [
      'Language',
      'Theme',
      'Large digits',
      'Always show the next code',
      'Clear a copied code from the clipboard',
      'App lock',
      'Lock when not used',
      'Hide the window from screenshots and screen sharing',
      'Shortcut to pick a code',
      'Closing the window keeps Authdesk in the tray',
      'Start Authdesk when I sign in to the computer',
      "Check the computer's clock",
      'Correct the codes for a wrong clock',
      'The portal the guided set-up opens',
    ])
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    await screenshot(page, 'settings-en');

    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { name: 'Innstillinger' }).waitFor();
    await screenshot(page, 'settings-nb');
    // The page switches before main's save lands: wait for the saved value (the full run read it too early).
    await expect.poll(async () => (await saved()).language).toBe('nb');
  });

  it('applies and keeps each change at once', async () => {
    await openSettings();
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(14, 16, 20)',
    );
    await page.getByLabel('Large digits').check();
    await page.getByLabel('Clear a copied code from the clipboard').selectOption('60');
    await page.getByLabel('App lock').selectOption('password');
    await page.getByLabel('Lock when not used').selectOption('15');
    await page.getByLabel('Hide the window from screenshots and screen sharing').uncheck();
    await page.getByLabel('Closing the window keeps Authdesk in the tray').uncheck();
    await page.getByLabel('Start Authdesk when I sign in to the computer').check();
    await page.getByLabel("Check the computer's clock").uncheck();
    const shortcut = page.getByLabel('Shortcut to pick a code');
    await shortcut.fill('CommandOrControl+Shift+K');
    await shortcut.press('Enter');
    await expect
      .poll(async () => {
        const s = await saved();
        return [s.theme, s.largeDigits, s.clipboardClearSeconds, s.appLock, s.autoLockMinutes, s.contentProtection];
      })
      .toEqual(['dark', true, 60, 'password', 15, false]);
    await expect
      .poll(async () => {
        const s = await saved();
        return [s.closeToTray, s.startAtLogin, s.clockCheck, s.shortcut];
      })
      .toEqual([false, true, false, 'CommandOrControl+Shift+K']);
    // Depends on the clock check: off with it.
    expect(await page.getByLabel('Correct the codes for a wrong clock').isDisabled()).toBe(true);

    await page.reload();
    await page.locator('li.row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-large-digits'))).toBe(true);
    const size = await page
      .locator('li.row .code')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(30); // 1.625rem = 26 px normally
    await screenshot(page, 'list-large-digits-dark');
  });

  it('refuses a portal address that is not https, and saves one that is', async () => {
    await openSettings();
    const portal = page.getByLabel('The portal the guided set-up opens');
    await portal.fill('http://example.org');
    await portal.press('Enter');
    await page.getByText('Enter the full address, starting with https://').waitFor();
    expect((await saved()).portalUrl).toBe('https://selfservice.educloud.no/');
    await portal.fill('https://portal.example.org/2fa');
    await portal.press('Enter');
    await expect.poll(async () => (await saved()).portalUrl).toBe('https://portal.example.org/2fa');
  });

  it('follows the system language and theme by default', async () => {
    page = (await session.open({ frozenAt: T, locale: 'nb-NO', colorScheme: 'dark' })).page;
    await page.getByRole('searchbox', { name: 'Søk i kontoer' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});
