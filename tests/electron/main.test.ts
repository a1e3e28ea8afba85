/**
 * electron/main.ts wired for real (settings file, vault, watcher, handlers,
 * registry) with only Electron faked, and with NO usable keychain: the window
 * must still open, and the vault's channels must answer with the clear error.
 * The session bus is pointed at nothing before keytar is first used, so this
 * file needs its own process (Vitest runs each file in a fresh one).
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session } from './fake-electron';
import { events, type Outcome } from '../../common/ipc/contract';
import { repoRoot } from '../support/vectors';
import { WAIT } from './wiring-wait';

const dataDir = mkdtempSync(path.join(tmpdir(), 'authdesk-main-'));
const saved = { ...process.env };
let win: BrowserWindow;

beforeAll(async () => {
  process.env.AUTHDESK_DATA_DIR = dataDir;
  process.env.AUTHDESK_KEYCHAIN_SERVICE = 'authdesk-test-main-unavailable';
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path.join(dataDir, 'no-bus-here')}`;
  app.appPath = repoRoot;
  await import('../../electron/main');
  app.becomeReady();
  await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1), WAIT);
  win = BrowserWindow.all[0]!;
  await vi.waitFor(() => expect(ipcMain.handlers.size).toBeGreaterThan(0), WAIT);
});

afterAll(() => {
  process.env = saved;
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (channel: string, input: unknown = {}): Promise<Outcome<unknown>> =>
  Promise.resolve(
    ipcMain.handlers.get(channel)!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input),
  );

describe('main.ts', () => {
  it('registers the app:// scheme before ready and uses the shared data folder', () => {
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(app.paths.get('userData')).toBe(dataDir);
  });

  it('opens the hardened window on our bundle even though the keychain is unavailable', () => {
    expect(win.loadedUrl).toBe('app://authdesk/index.html');
    expect((win.options.webPreferences as Record<string, unknown>).preload).toBe(
      path.join(repoRoot, 'dist', 'electron', 'preload.cjs'),
    );
    expect(win.contentProtection).toBe(true);
    expect(session.defaultSession.protocolHandlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.displayMediaHandler).not.toBeNull();
  });

  it('lists accounts without the keychain, and answers keychain work with its error as a plain sentence', async () => {
    // Listing reads accounts.json only (it must work while the keychain is locked or missing).
    expect(await call('accounts.list')).toMatchObject({ ok: true, value: [] });
    const outcome = await call('accounts.add', {
      uri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    });
    // No bus at that address: the Secret Service store says so in its own words.
    expect(outcome).toMatchObject({ ok: false, error: { code: 'keychain-no-dbus' } });
    if (!outcome.ok) expect(outcome.error.message).not.toMatch(/\n\s+at |Error:/);
  });

  it('still serves settings and app info, and applies content protection live', async () => {
    expect(await call('settings.get')).toMatchObject({ ok: true, value: { contentProtection: true } });
    expect(await call('app.info')).toMatchObject({
      ok: true,
      value: { version: '0.0.0-test', portalPresets: [{ id: 'educloud' }, { id: 'other' }] },
    });
    expect(await call('settings.set', { contentProtection: false })).toMatchObject({ ok: true });
    expect(win.contentProtection).toBe(false);
    expect(win.webContents.sent).toContain(events.settingsChanged);
  });

  it('opens the import dialog on the window, in the language the settings say, once the app is running', async () => {
    dialog.opened.length = 0;
    expect(await call('transfer.importFile', {})).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(await call('settings.set', { language: 'nb' })).toMatchObject({ ok: true });
    expect(await call('transfer.importFile', {})).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(dialog.opened.map((d) => [d.parent === win, (d.options as { title: string }).title])).toEqual([
      [true, 'Import accounts'],
      [true, 'Importer kontoer'],
    ]);
    await call('settings.set', { language: 'en' });
  });

  it('refuses a foreign sender through the real wiring', async () => {
    const outcome = await ipcMain.handlers.get('settings.get')!(
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('tells the window when the CLI changes accounts.json', async () => {
    const file = path.join(dataDir, 'accounts.json');
    writeFileSync(`${file}.cli`, '{"format":"authdesk-vault","version":1,"accounts":[]}');
    renameSync(`${file}.cli`, file);
    await vi.waitFor(() => expect(win.webContents.sent).toContain(events.accountsChanged), { timeout: 5_000 });
  });

  it('asks for fresh codes after sleep', () => {
    powerMonitor.emit('resume');
    expect(win.webContents.sent).toContain(events.clockChanged);
  });

  it('brings the first window forward on a second launch', () => {
    win.minimized = true;
    win.visible = false;
    app.emit('second-instance');
    expect(win.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
  });

  it('quits when the last window closes (except on macOS)', () => {
    app.emit('window-all-closed');
    expect(app.calls).toEqual(process.platform === 'darwin' ? [] : ['quit']);
  });
});
