/** The real Electron app opens its hardened window on the (empty) account list. */
import { expect, it } from 'vitest';
import { describeSmoke, useAuthdesk } from './support/authdesk';

describeSmoke('smoke: the window', 'window', () => {
  const session = useAuthdesk();

  it('opens on the account list, served from app:// with only the bridge exposed', async () => {
    const { window } = session;
    await window.getByRole('heading', { name: 'No accounts yet' }).waitFor({ timeout: 30_000 });
    await window.getByRole('button', { name: 'Scan QR code' }).first().waitFor();
    expect(window.url()).toBe('app://authdesk/index.html');
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { authenticator: object }).authenticator).sort(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['accounts', 'app', 'codes', 'enroll', 'events', 'settings', 'vault'],
    });
  });

  it('reports its version and commit (the About entry reads them)', async () => {
    const info = await session.window.evaluate(() =>
      (window as unknown as { authenticator: { app: { info(): Promise<unknown> } } }).authenticator.app.info(),
    );
    expect(info).toMatchObject({ ok: true, value: { version: expect.any(String), commit: expect.any(String) } });
  });
});
