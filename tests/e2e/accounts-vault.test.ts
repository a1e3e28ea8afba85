/**
 * Vault drift shown in the window: a keychain item without an account and an
 * account whose keychain item is gone (both made for real in gnome-keyring)
 * appear as a banner with one repair button each; repairing updates the list.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { createKeytarStore } from '../../electron/core/vault';
import { launchBrowser, openApp, screenshot, type AppPage } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';
import { referenceTotp } from '../support/reference-otp';

const T = 1_700_000_000_000;
const ORPHAN_ID = 'orphan0123456789';
const ORPHAN_SECRET = 'MFRGGZDFMZTWQ2LK';

let browser: Browser;
let bridge: TestBridge;
let app: AppPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  bridge = await startTestBridge({ clock: fixedClock(T) });
});
afterEach(async () => {
  expect(app?.errors ?? []).toEqual([]);
  await app?.context.close();
  app = undefined;
  await bridge?.cleanup();
});

describe('vault problems banner (real keychain drift)', () => {
  it('offers to restore an orphan key and to forget an account whose key is gone', async () => {
    await bridge.call('accounts.add', { manual: { issuer: 'Kept', name: 'k', secret: 'JBSWY3DPEHPK3PXP' } });
    const broken = await bridge.call('accounts.add', {
      manual: { issuer: 'Broken', name: 'b', secret: 'GEZDGNBVGY3TQOJQ' },
    });
    const keychain = createKeytarStore(bridge.keychainService);
    await keychain.set(ORPHAN_ID, ORPHAN_SECRET);
    await keychain.delete(broken.id);

    app = await openApp(browser, bridge, { frozenAt: T });
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
    const ids = (await bridge.call('accounts.list')).map((a) => a.id);
    expect(ids).toContain(ORPHAN_ID);
    expect(ids).not.toContain(broken.id);
    expect(await bridge.call('vault.status')).toEqual({ problems: [] });
  });
});
