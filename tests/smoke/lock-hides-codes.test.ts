/** Real Electron: locking replaces the window with the lock screen, refuses code channels and empties the tray. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDesktop, launchDesktop, SMOKE_URI, type LaunchedApp } from './support-desktop';

let l: LaunchedApp;

describeDesktop('smoke: the lock hides the codes', () => {
  beforeAll(async () => {
    l = await launchDesktop();
    await l.api('accounts.add', { uri: SMOKE_URI });
    await l.api('settings.set', { appLock: 'password' });
    await l.api('app.setLockPassword', { password: 'correct horse battery' });
  }, 120_000);
  afterAll(async () => l?.close());

  it('locks: no code in the window, code channels refused, no account in the tray', async () => {
    const code = await l.window.locator('.code').first().getAttribute('data-code');
    await l.api('app.lock');
    await l.window.getByRole('heading', { name: 'Authdesk is locked' }).waitFor();
    expect(await l.window.content()).not.toContain(code!);
    expect(await l.api('codes.current', {})).toMatchObject({ ok: false, error: { code: 'app-locked' } });
    expect(await l.api('codes.copy', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'app-locked' } });
    await expect.poll(async () => (await l.trayLabels()).some((t) => t.includes('ACME'))).toBe(false);
  });

  it('unlocks with the password', async () => {
    await l.window.getByLabel('Lock password').fill('correct horse battery');
    await l.window.getByRole('button', { name: 'Unlock' }).click();
    await l.window.locator('.code').first().waitFor();
  });
});
