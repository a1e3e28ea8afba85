/**
 * Vault drift shown in the window: a keychain item without an account and an
 * account whose keychain item is gone (both made for real in gnome-keyring)
 * appear as a banner with one repair button each; repairing updates the list.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { createSecretStore } from '../../core/vault/index';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { referenceTotp } from '../support/reference-otp';

const T = 1_700_000_000_000;
const ORPHAN_ID = 'orphan0123456789';
const ORPHAN_SECRET = 'MFRGGZDFMZTWQ2LK';

const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });

describe('vault problems banner (real keychain drift)', () => {
  it('offers to restore an orphan key and to forget an account whose key is gone', async () => {
    await session.bridge.call('accounts.add', { manual: { issuer: 'Kept', name: 'k', secret: 'JBSWY3DPEHPK3PXP' } });
    const broken = await session.bridge.call('accounts.add', {
      manual: { issuer: 'Broken', name: 'b', secret: 'GEZDGNBVGY3TQOJQ' },
    });
    const keychain = createSecretStore(session.bridge.keychainService);
    await keychain.set(ORPHAN_ID, ORPHAN_SECRET);
    await keychain.delete(broken.id);

    const app = await session.open({ frozenAt: T });
    const page = app.page;
    const banner = page.getByRole('region', { name: 'Some accounts need attention' });
    await banner.getByText(ORPHAN_ID).waitFor();
    await banner.getByText(/“Broken.*” has no key in the keychain/).waitFor();
    await screenshot(page, 'vault-problems');

    await banner.getByRole('button', { name: 'Restore account' }).click();
    const recovered = page.locator('li.row', { hasText: 'Recovered' });
    await recovered.waitFor();
    await expect.poll(() => recovered.locator('.code').getAttribute('data-code')).toBe(referenceTotp(ORPHAN_SECRET, T));

    await banner.getByRole('button', { name: 'Remove from list' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.locator('li.row', { hasText: 'Broken' }).waitFor({ state: 'detached' });
    const ids = (await session.bridge.call('accounts.list')).map((a) => a.id);
    expect(ids).toContain(ORPHAN_ID);
    expect(ids).not.toContain(broken.id);
    expect(await session.bridge.call('vault.status')).toEqual({ problems: [], recovered: null });
  });
});
