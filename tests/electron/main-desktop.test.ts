/**
 * electron/main.ts with the desktop shell wired for real (settings, lock file,
 * handlers, registry), only Electron faked: the tray exists, the shortcut is
 * registered and opens the quick-pick, whose page is a trusted sender; the
 * lock empties the tray; closing the window hides it to the tray once
 * explained. No keychain here (as in main.test.ts), so the vault's channels fail
 * cleanly and the tray lists no accounts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { app, BrowserWindow, globalShortcut, ipcMain, Notification, screen, Tray } from './fake-electron';
import { events, type Outcome } from '../../common/ipc/contract';
import { repoRoot } from '../support/vectors';
import { WAIT } from './wiring-wait';

const dataDir = mkdtempSync(path.join(tmpdir(), 'authdesk-main-desktop-'));
const saved = { ...process.env };
let win: BrowserWindow;

beforeAll(async () => {
  process.env.AUTHDESK_DATA_DIR = dataDir;
  process.env.AUTHDESK_KEYCHAIN_SERVICE = 'authdesk-test-main-desktop';
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(dataDir, 'no-bus-here')}`;
  app.appPath = repoRoot;
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }];
  await import('../../electron/main');
  app.becomeReady();
  await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1), WAIT);
  win = BrowserWindow.all[0]!;
  await vi.waitFor(() => expect(Tray.all).toHaveLength(1), WAIT);
});

afterAll(() => {
  process.env = saved;
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (from: BrowserWindow, channel: string, input: unknown = {}): Promise<Outcome<unknown>> =>
  Promise.resolve(
    ipcMain.handlers.get(channel)!({ sender: from.webContents, senderFrame: from.webContents.mainFrame }, input),
  );
const trayLabels = () => Tray.all[0]!.menu?.template.map((i) => String(i.label ?? '')) ?? [];

describe('main.ts desktop shell', () => {
  it('puts a tray icon with Open, Scan, Quit (no Lock while the lock is off)', async () => {
    await vi.waitFor(() => expect(trayLabels()).toContain('Open Authdesk'), WAIT);
    expect(Tray.all[0]!.image).toEqual({ path: path.join(repoRoot, 'dist', 'renderer', 'tray-icon.png') });
    expect(trayLabels()).toEqual(expect.arrayContaining(['Scan screen for QR code', 'Quit Authdesk']));
    expect(trayLabels()).not.toContain('Lock');
  });

  it('registers the default shortcut; pressing it opens the quick-pick, a trusted sender', async () => {
    expect(globalShortcut.registered.has('CommandOrControl+Alt+A')).toBe(true);
    expect(await call(win, 'app.desktopStatus')).toMatchObject({
      ok: true,
      value: { shortcut: { accelerator: 'CommandOrControl+Alt+A', registered: true, problem: null } },
    });
    globalShortcut.press('CommandOrControl+Alt+A');
    const pick = BrowserWindow.all[1]!;
    expect(pick.loadedUrl).toBe('app://authdesk/quick-pick/index.html');
    expect(pick.visible).toBe(true);
    expect(await call(pick, 'settings.get')).toMatchObject({ ok: true });
    expect(await call(pick, 'app.closeQuickPick')).toEqual({ ok: true, value: undefined });
    expect(pick.visible).toBe(false);
  });

  it('reports a shortcut taken by another app to the window', async () => {
    globalShortcut.takenElsewhere.add('CommandOrControl+Shift+Y');
    await call(win, 'settings.set', { shortcut: 'CommandOrControl+Shift+Y' });
    expect(win.webContents.sent).toContain(events.desktopStatusChanged);
    expect(await call(win, 'app.desktopStatus')).toMatchObject({
      value: { shortcut: { registered: false, problem: 'taken' } },
    });
  });

  it('locks: Lock appears once configured, locking tells the window and keeps codes refused', async () => {
    await call(win, 'settings.set', { appLock: 'password' });
    await call(win, 'app.setLockPassword', { password: 'correct horse battery' });
    await vi.waitFor(() => expect(trayLabels()).toContain('Lock'), WAIT);
    expect(await call(win, 'app.lock')).toMatchObject({ ok: true, value: { locked: true } });
    await vi.waitFor(() => expect(win.webContents.sent).toContain(events.lockChanged), WAIT);
    await vi.waitFor(() => expect(trayLabels()[0]).toMatch(/^Locked/), WAIT);
    expect(await call(win, 'codes.current')).toMatchObject({ ok: false, error: { code: 'app-locked' } });
    expect(await call(win, 'app.unlock', { password: 'correct horse battery' })).toMatchObject({
      value: { locked: false },
    });
  });

  it('closing the window hides it to the tray and says so once', async () => {
    win.visible = true;
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(win.visible).toBe(false);
    expect(Notification.shown).toHaveLength(1);
    await vi.waitFor(
      async () => expect(await call(win, 'settings.get')).toMatchObject({ value: { closeToTrayExplained: true } }),
      WAIT,
    );
    win.emit('close', { preventDefault: () => undefined });
    expect(Notification.shown).toHaveLength(1);
  });

  it('quits for real from the tray (before-quit lets it through)', () => {
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    let closePrevented = false;
    win.emit('close', { preventDefault: () => (closePrevented = true) });
    expect(closePrevented).toBe(false);
  });
});
