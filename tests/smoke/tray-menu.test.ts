/** Real Electron: the tray exists with the accounts (pinned first) and Open/Scan/Quit; a lock empties it. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDesktop, launchDesktop, SMOKE_URI, type LaunchedApp } from './support-desktop';

let l: LaunchedApp;

describeDesktop('smoke: tray menu', () => {
  beforeAll(async () => {
    l = await launchDesktop();
  }, 120_000);
  afterAll(async () => l?.close());

  it('lists Open, Scan and Quit, then the accounts with pinned ones first', async () => {
    await expect.poll(() => l.trayLabels()).toEqual(expect.arrayContaining(['Open Authdesk', 'Quit Authdesk']));
    await l.api('accounts.add', { uri: SMOKE_URI });
    const second = await l.api<{ id: string }>('accounts.add', {
      uri: 'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank',
    });
    await l.api('accounts.pin', { id: second.value!.id, pinned: true });
    await expect
      .poll(async () => (await l.trayLabels()).filter((t) => t.includes('(')))
      .toEqual(['★ Bank (bob)', 'ACME (alice@example.com)']);
  });
});
