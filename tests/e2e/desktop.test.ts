/**
 * The desktop features' renderer side in real Chromium over the real bridge:
 * the lock screen replaces the app (no code left in the page) and unlocks
 * with the password; the quick-pick page (its own Vite entry) filters, copies
 * with Enter through codes.copy and closes.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { useAppSession } from '../support/app-session';
import { referenceTotp } from '../support/reference-otp';

const T = Date.UTC(2026, 2, 3, 9, 0, 10);
const SECRET = 'JBSWY3DPEHPK3PXP';
const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });

describe('desktop features in the renderer', () => {
  it('locking hides every code behind the lock screen; the password brings them back', async () => {
    const { bridge } = session;
    await bridge.call('accounts.add', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
    await bridge.call('settings.set', { appLock: 'password' });
    await bridge.call('app.setLockPassword', { password: 'correct horse battery' });
    const { page } = await session.open({ frozenAt: T });
    const code = referenceTotp(SECRET, T);
    await expect.poll(() => page.locator('.code').first().getAttribute('data-code')).toBe(code);

    await bridge.call('app.lock');
    await page.getByRole('heading', { name: 'Authdesk is locked' }).waitFor();
    expect(await page.content()).not.toContain(code);
    expect(await page.locator('.code').count()).toBe(0);

    await page.getByLabel('Lock password').fill('not the password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').filter({ hasText: 'That password is not right.' }).waitFor();
    await page.getByLabel('Lock password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.locator('.code').first().getAttribute('data-code')).toBe(code);
  });

  it('the quick-pick filters as you type and Enter copies the code through main', async () => {
    const { bridge } = session;
    await bridge.call('accounts.add', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
    await bridge.call('accounts.add', { uri: 'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank' });
    const { page } = await session.open({ frozenAt: T });
    await page.goto(`${bridge.origin}/quick-pick/index.html?token=${bridge.token}`);
    const box = page.getByRole('combobox', { name: 'Find an account' });
    await box.waitFor();
    await expect.poll(() => page.getByRole('option').count()).toBe(2);
    await box.fill('acm');
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(referenceTotp(SECRET, T));
    expect(await page.locator('body').textContent()).not.toContain(referenceTotp(SECRET, T)); // names only
  });

  it('pinning an account moves it to the top of the list', async () => {
    const { bridge } = session;
    await bridge.call('accounts.add', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
    await bridge.call('accounts.add', { uri: 'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank' });
    const { page } = await session.open({ frozenAt: T });
    const issuers = () => page.locator('.accounts-view li .issuer').allTextContents();
    await expect.poll(issuers).toEqual(['ACME', 'Bank']);
    await page.getByRole('button', { name: 'Pin Bank to the top' }).click();
    await expect.poll(issuers).toEqual(['Bank', 'ACME']);
    expect(await page.getByRole('button', { name: 'Unpin Bank' }).getAttribute('aria-pressed')).toBe('true');
  });
});
