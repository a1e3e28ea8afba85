/**
 * Adding an account from an otpauth link in the real app, and the code it
 * shows for a fixed time (AUTHDESK_TEST_NOW_MS in main, a paused clock in the
 * window) against an independent RFC 6238 computation.
 */
import { expect, it } from 'vitest';
import { referenceTotp } from '../support/reference-otp';
import { describeSmoke, useAuthdesk } from './support/authdesk';

// 2023-11-14T22:13:20Z: 20 s into a 30 s period.
const T = 1_700_000_000_000;
const SECRET = 'JBSWY3DPEHPK3PXP';

describeSmoke('smoke: codes', 'window', () => {
  const session = useAuthdesk({ nowMs: T });

  it('adds an account from an otpauth link and shows the code for the fixed time', async () => {
    const { window } = session;
    await window.getByRole('button', { name: 'Add manually / paste link' }).first().click();
    await window.getByRole('tab', { name: 'Paste a link' }).click();
    await window.getByLabel('Setup link').fill(`otpauth://totp/ACME:alice%40example.com?secret=${SECRET}&issuer=ACME`);
    await window.getByRole('button', { name: 'Add account' }).click();

    const row = window.locator('li.row', { hasText: 'ACME' });
    await row.waitFor({ timeout: 30_000 });
    const expected = referenceTotp(SECRET, T);
    await expect.poll(() => row.locator('.code').getAttribute('data-code')).toBe(expected);
    // Main computed it (the window only displays): the bridge says the same, with the period's bounds.
    const codes = await window.evaluate(() =>
      (
        window as unknown as { authenticator: { codes: { current(): Promise<unknown> } } }
      ).authenticator.codes.current(),
    );
    expect(codes).toMatchObject({
      ok: true,
      value: [{ code: expected, validFrom: 1_699_999_980_000, validUntil: 1_700_000_010_000 }],
    });
  });
});
