/**
 * The live codes window in real Chromium, on the production bundle, served by
 * the web bridge with the REAL handlers, vault and gnome-keyring. Time is
 * frozen on both sides (server clock + page clock) so the codes on screen can
 * be checked against an independent RFC 6238 computation (node:crypto).
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { invokeChannel } from '../../electron/handlers';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { referenceHotp, referenceTotp } from '../support/reference-otp';
import commonEn from '../../renderer/i18n/en.json';

// 2023-11-14T22:13:20Z: 20 s into a 30 s period, 40 s into a 60 s one.
const T = 1_700_000_000_000;
const SECRET = 'JBSWY3DPEHPK3PXP';
const SECRET2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const clock = fixedClock(T);
const session = useAppSession({
  bridge: () => {
    clock.set(T);
    return { clock };
  },
});
let page: Page;

async function open(): Promise<void> {
  page = (await session.open({ frozenAt: T })).page;
}

const row = (text: string) => page.locator('li.row', { hasText: text });
const shownCode = (text: string) => row(text).locator('.code').getAttribute('data-code');

async function openAddForm(tab: 'Paste a link' | 'Enter a key') {
  await page.getByRole('button', { name: 'Add manually / paste link' }).first().click();
  await page.getByRole('tab', { name: tab }).click();
}

describe('accounts window (real bridge, real keychain)', () => {
  it('starts empty and offers the three ways to add an account', async () => {
    await open();
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    for (const name of ['Scan QR code', 'Set up two-factor sign-in', 'Add manually / paste link']) {
      expect(await page.locator('.empty').getByRole('button', { name }).count()).toBe(1);
    }
    await screenshot(page, 'accounts-empty');
  });

  it('adds an account from a pasted otpauth link and shows the RFC 6238 code for the frozen time', async () => {
    await open();
    await openAddForm('Paste a link');
    await page
      .getByLabel('Setup link')
      .fill(`otpauth://totp/ACME%20Corp:alice%40example.com?secret=${SECRET}&issuer=ACME%20Corp`);
    await screenshot(page, 'add-link');
    await page.getByRole('button', { name: 'Add account' }).click();

    await row('ACME Corp').waitFor();
    await expect.poll(() => shownCode('ACME Corp')).toBe(referenceTotp(SECRET, T)); // codes follow the list
    const text = await row('ACME Corp').locator('.code').textContent();
    expect(text).toMatch(/^\d{3} \d{3}$/);
    // The new row is focused (and flashed), so Enter copies at once.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain('ACME Corp');
    expect((await session.bridge.call('accounts.list')).map((a) => a.issuer)).toEqual(['ACME Corp']);
  });

  it('adds a hand-typed key with advanced options (SHA-256, 8 digits, 60 s)', async () => {
    await open();
    await openAddForm('Enter a key');
    await page.getByLabel('Service').fill('Büro');
    await page.getByLabel('Account name').fill('kari');
    await page.getByLabel('Secret key').fill('gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
    await page.getByText('Advanced').click();
    await page.getByLabel('Algorithm').selectOption('SHA256');
    await page.getByLabel('Digits').selectOption('8');
    await page.getByLabel('Period (seconds)').fill('60');
    await screenshot(page, 'add-manual');
    await page.getByRole('button', { name: 'Add account' }).click();

    await row('Büro').waitFor();
    await expect
      .poll(() => shownCode('Büro'))
      .toBe(referenceTotp(SECRET2, T, { algorithm: 'SHA256', digits: 8, period: 60 }));
    expect(await row('Büro').locator('.code').textContent()).toMatch(/^\d{4} \d{4}$/);
    const [saved] = await session.bridge.call('accounts.list');
    expect(saved).toMatchObject({ issuer: 'Büro', name: 'kari', algorithm: 'SHA256', digits: 8, period: 60 });
  });

  it("shows the sentence for main's error code (missing-secret), inline, and adds nothing", async () => {
    await open();
    await openAddForm('Paste a link');
    const link = 'otpauth://totp/ACME:bob?issuer=ACME';
    await page.getByLabel('Setup link').fill(link);
    await page.getByRole('button', { name: 'Add account' }).click();

    const expected = await invokeChannel(session.bridge.handlers, 'accounts.add', { uri: link });
    expect(expected.ok).toBe(false);
    expect(expected.ok ? '' : expected.error.code).toBe('missing-secret');
    // The renderer's one error path: the code's sentence in the UI language (EN + NB in common errors.*).
    const alert = page.locator('.add-view [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(commonEn.errors['missing-secret']);
    expect(await page.getByLabel('Setup link').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Setup link').inputValue()).toBe(link); // the input is kept
    await screenshot(page, 'add-invalid-link');
    expect(await session.bridge.call('accounts.list')).toEqual([]);
  });

  it('asks main for codes only at period boundaries and rolls over to the RFC code of the next period', async () => {
    await session.bridge.call('accounts.add', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
    const calls: string[] = [];
    const count = (r: Request) => r.url().includes('/rpc/codes.current') && calls.push(r.url());
    await open();
    page.on('request', count);
    await expect.poll(() => shownCode('ACME')).toBe(referenceTotp(SECRET, T));
    // The first fetch (on mount) may start after open() returns: count from here, once its code is on screen.
    calls.length = 0;

    // 9 s of the 10 s left in the period: nothing is fetched, the countdown is CSS.
    await page.clock.runFor(9_000);
    expect(calls).toEqual([]);
    // The 30 s countdown loops in CSS: the rollover below must only change the digits, not re-create it.
    const countdown = await row('ACME').locator('.timed[data-loop="30"]').elementHandle();

    clock.set(T + 10_000);
    await page.clock.runFor(1_000);
    await expect.poll(() => shownCode('ACME')).toBe(referenceTotp(SECRET, T + 10_000));
    await expect.poll(() => calls.length).toBe(1);
    expect(referenceTotp(SECRET, T + 10_000)).not.toBe(referenceTotp(SECRET, T));
    expect(await countdown!.evaluate((el) => el.isConnected)).toBe(true);
  });

  it('copies a code on click and on Enter, with visible and spoken feedback', async () => {
    await session.bridge.call('accounts.add', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
    await open();
    const expected = referenceTotp(SECRET, T);
    await expect.poll(() => shownCode('ACME')).toBe(expected);

    await row('ACME').locator('.row-copy').click();
    // Main writes the clipboard (codes.copy): a round trip, so wait for it as the Enter case below does.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await row('ACME').locator('.copied-badge').waitFor({ state: 'visible' });
    expect(await row('ACME').getAttribute('class')).toContain('is-copied');
    expect(await page.getByTestId('announcer').textContent()).toContain('Code for ACME copied');

    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await row('ACME').locator('.row-copy').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });

  it('shows HOTP codes on request, each press advancing the persisted counter', async () => {
    await session.bridge.call('accounts.add', {
      manual: { issuer: 'Bank', name: 'counter', secret: SECRET, type: 'hotp', counter: 0 },
    });
    await open();
    expect(await row('Bank').locator('.code').textContent()).toBe('••• •••');
    const next = row('Bank').getByRole('button', { name: 'Show next code' });
    await next.click();
    await expect.poll(() => shownCode('Bank')).toBe(referenceHotp(SECRET, 0));
    await next.click();
    await expect.poll(() => shownCode('Bank')).toBe(referenceHotp(SECRET, 1));
    expect((await session.bridge.call('accounts.list'))[0]).toMatchObject({ type: 'hotp', counter: 2 });
  });
});
