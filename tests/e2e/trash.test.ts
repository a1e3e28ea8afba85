/**
 * Recently deleted, in real Chromium through the web bridge and the real
 * keyring: reached from the account list, each deleted account with the day
 * it was deleted, the days it has left and Restore; a restore brings the
 * account back with its code; an account whose keychain value was damaged
 * says which account and why, in one sentence. Screenshots in EN and NB.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { createSecretStore, openVault } from '../../core/vault/index';
import { trashItemName } from '../../core/vault/trash';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { referenceTotp } from '../support/reference-otp';

const DAY = 24 * 60 * 60 * 1000;
const DELETED_AT = Date.UTC(2026, 2, 2, 9, 0, 0);
const T = DELETED_AT + 3 * DAY + 60_000; // three days later: 27 days left
const GOOD = 'JBSWY3DPEHPK3PXP';

const session = useAppSession({ bridge: () => ({ clock: fixedClock(DELETED_AT) }) });

/** Two deleted accounts: one that restores, one whose trash item was overwritten with something that is no key. */
async function deleteTwo() {
  await session.bridge.call('accounts.add', { manual: { issuer: 'Kept', name: 'k', secret: 'GEZDGNBVGY3TQOJQ' } });
  const good = await session.bridge.call('accounts.add', { manual: { issuer: 'GitHub', name: 'alice', secret: GOOD } });
  const broken = await session.bridge.call('accounts.add', {
    manual: { issuer: 'Dropbox', name: 'bob', secret: 'MFRGGZDFMZTWQ2LK' },
  });
  await session.bridge.call('accounts.remove', { id: good.id });
  await session.bridge.call('accounts.remove', { id: broken.id });
  await createSecretStore(session.bridge.keychainService).set(trashItemName(broken.id), 'edited by hand: 0189!');
  return { good, broken };
}

describe('recently deleted (trash)', () => {
  it('lists deleted accounts with their dates and restores one; a damaged one says why', async () => {
    const { good, broken } = await deleteTwo();
    const { page } = await session.open({ frozenAt: T });
    await page.getByTestId('open-trash').click();
    await page.getByRole('heading', { name: 'Recently deleted' }).waitFor();
    const goodRow = page.locator(`[data-trash-id="${good.id}"]`);
    const brokenRow = page.locator(`[data-trash-id="${broken.id}"]`);
    await expect.poll(() => goodRow.innerText()).toMatch(/GitHub\s+alice[\s\S]*Deleted Mar 2, 2026[\s\S]*27 days left/);

    await brokenRow.getByRole('button', { name: 'Restore Dropbox (bob)' }).click();
    const sentence = brokenRow.getByRole('alert');
    await expect
      .poll(() => sentence.innerText())
      .toBe(
        'Dropbox (bob) cannot be restored: its key in the keychain was changed outside Authdesk and is no longer a key Authdesk can read.',
      );
    await screenshot(page, 'trash-en');

    await goodRow.getByRole('button', { name: 'Restore GitHub (alice)' }).click();
    await goodRow.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Back to accounts' }).click();
    const row = page.locator('li.row', { hasText: 'GitHub' });
    await expect.poll(() => row.locator('.code').getAttribute('data-code')).toBe(referenceTotp(GOOD, DELETED_AT)); // main's clock makes the codes
    expect((await session.bridge.call('vault.trash')).map((e) => e.id)).toEqual([broken.id]);
  });

  it('in Norwegian', async () => {
    const { broken } = await deleteTwo();
    await session.bridge.call('settings.set', { language: 'nb' });
    const { page } = await session.open({ frozenAt: T });
    await page.getByTestId('open-trash').click();
    await page.getByRole('heading', { name: 'Nylig slettet' }).waitFor();
    await page
      .locator(`[data-trash-id="${broken.id}"]`)
      .getByRole('button', { name: 'Gjenopprett Dropbox (bob)' })
      .click();
    await page.getByText('Dropbox (bob) kan ikke gjenopprettes').waitFor();
    await expect.poll(() => page.locator('.trash-list').innerText()).toMatch(/27 dager igjen/);
    await screenshot(page, 'trash-nb');
  });

  it('an account whose key was edited by hand says so on its row, in one sentence, and the others keep their codes', async () => {
    // Added by another process, so the app has no copy of the key cached: it reads the edited item.
    const secrets = createSecretStore(session.bridge.keychainService);
    const vault = await openVault({ dataDir: session.bridge.dataDir, secrets });
    const totp = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const;
    const kept = await vault.add({ ...totp, issuer: 'Kept', name: 'k', secret: GOOD });
    const broken = await vault.add({ ...totp, issuer: 'Dropbox', name: 'bob', secret: 'MFRGGZDFMZTWQ2LK' });
    await secrets.set(broken.id, 'edited by hand: 0189!');
    const { page } = await session.open({ frozenAt: T });
    const row = page.locator('li.row', { hasText: 'Dropbox' });
    await expect
      .poll(() => row.locator('.row-problem').innerText())
      .toBe('No code: the key of Dropbox in the keychain was changed outside Authdesk and cannot be read.');
    const keptCode = page.locator('li.row', { hasText: 'Kept' }).locator('.code');
    await expect.poll(() => keptCode.getAttribute('data-code')).toBe(referenceTotp(GOOD, DELETED_AT));
    expect(kept.id).not.toBe(broken.id);
    await screenshot(page, 'unreadable-key-en');
  });
});
