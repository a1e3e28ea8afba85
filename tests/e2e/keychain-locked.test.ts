/**
 * A locked keychain in real Chromium: this file runs its OWN gnome-keyring
 * (tests/support/private-keyring.ts) and locks it for real. The list shows,
 * the banner says "Your keychain is locked", Unlock asks the keyring for its
 * own prompt (none can open here without a display, so it ends dismissed and
 * the banner says so), and once the password has been typed into the keyring,
 * Unlock brings the codes back. Screenshots in EN and NB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { createSecretStore, openVault } from '../../core/vault/index';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { referenceTotp } from '../support/reference-otp';
import { startPrivateKeyring, type PrivateKeyring } from '../support/private-keyring';

const T = 1_700_000_000_000;
const SECRET = 'JBSWY3DPEHPK3PXP';
let keyring: PrivateKeyring;

beforeAll(async () => {
  keyring = await startPrivateKeyring();
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.address; // this file's process only: the bridge uses this keyring
}, 60_000);
afterAll(async () => {
  await keyring?.stop();
});

const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });

/** An account added by another process (so the app holds no copy of its key), then the keyring locked. */
async function lockedWithOneAccount() {
  const vault = await openVault({
    dataDir: session.bridge.dataDir,
    secrets: createSecretStore(session.bridge.keychainService),
  });
  await vault.add({
    issuer: 'GitHub',
    name: 'alice',
    secret: SECRET,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
  await keyring.lock();
}

describe('keychain locked banner', () => {
  it('says the keychain is locked, asks the keyring to unlock, and the codes come back', async () => {
    await lockedWithOneAccount();
    const { page } = await session.open({ frozenAt: T });
    const banner = page.getByRole('region', { name: 'Your keychain is locked' });
    await banner.waitFor();
    await page.locator('li.row', { hasText: 'GitHub' }).waitFor(); // the list needs no keychain
    await screenshot(page, 'keychain-locked-en');

    await banner.getByRole('button', { name: 'Unlock' }).click();
    await banner.getByText('The keychain is still locked: its unlock prompt was closed.', { exact: false }).waitFor();
    expect(await keyring.isLocked()).toBe(true);

    await keyring.typePassword(); // what the person does in the keyring's prompt
    await banner.getByRole('button', { name: 'Unlock' }).click();
    await banner.waitFor({ state: 'detached' });
    const code = page.locator('li.row', { hasText: 'GitHub' }).locator('.code');
    await expect.poll(() => code.getAttribute('data-code')).toBe(referenceTotp(SECRET, T));
  });

  it('in Norwegian', async () => {
    await session.bridge.call('settings.set', { language: 'nb' });
    await lockedWithOneAccount();
    const { page } = await session.open({ frozenAt: T });
    const banner = page.getByRole('region', { name: 'Nøkkelringen din er låst' });
    await banner.getByRole('button', { name: 'Lås opp' }).waitFor();
    await screenshot(page, 'keychain-locked-nb');
    await keyring.typePassword(); // unlocked again before the bridge cleans its items up
  });
});
