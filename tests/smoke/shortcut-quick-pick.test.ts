/**
 * Real Electron: the global shortcut opens the quick-pick window on our origin.
 * The key press comes from xdotool on the private X server (skipped with a
 * line when xdotool is not installed: nothing else can press a global shortcut).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDesktop, launchDesktop, SMOKE_URI, type LaunchedApp } from './support-desktop';

const hasXdotool = spawnSync('which', ['xdotool']).status === 0;
let l: LaunchedApp;

describeDesktop('smoke: shortcut and quick-pick', () => {
  beforeAll(async () => {
    l = await launchDesktop();
    await l.api('accounts.add', { uri: SMOKE_URI });
  }, 120_000);
  afterAll(async () => l?.close());

  it('registers CommandOrControl+Alt+A', async () => {
    const status = await l.api<{ shortcut: { registered: boolean } }>('app.desktopStatus');
    expect(status.value!.shortcut).toMatchObject({ accelerator: 'CommandOrControl+Alt+A', registered: true });
  });

  it.skipIf(!hasXdotool)('the shortcut opens the quick-pick; Enter copies, Esc closes', async () => {
    const opened = l.app.waitForEvent('window');
    spawnSync('xdotool', ['key', 'ctrl+alt+a'], { env: l.x.env });
    const pick = await opened;
    expect(pick.url()).toBe('app://authdesk/quick-pick/index.html');
    await pick.getByRole('combobox').fill('acme');
    await pick.keyboard.press('Enter');
    await expect.poll(() => l.app.evaluate(({ clipboard }) => clipboard.readText())).toMatch(/^\d{6}$/);
    expect(await pick.evaluate(() => document.visibilityState)).toBeDefined();
  });
});
