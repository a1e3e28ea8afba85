/**
 * The app lock: password (scrypt file), the OS prompt (Touch ID, faked as
 * Electron's systemPreferences), what a lock drops, and when it locks itself
 * (idle, screen lock, suspend) with powerMonitor played by the fake.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../fake-electron'));
import { clipboard, powerMonitor, systemPreferences } from '../fake-electron';
import { fixedClock } from '../../../core/clock';
import { lockPasswordFile, APP_LOCK_FILE } from '../../../core/app-lock-password';
import { keyEntry } from '../../../core/otp/key-cache';
import { openSettingsStore, SETTINGS_FILE } from '../../../core/settings';
import { installAutoLock } from '../../../electron/auto-lock';
import { electronClipboard, touchIdPrompt } from '../../../electron/desktop-adapters';
import { createDesktopServices } from '../../../electron/handlers';

const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
let dir: string;

function setup(platform: NodeJS.Platform = 'linux') {
  const settings = openSettingsStore(dir);
  const changes: boolean[] = [];
  const desktop = createDesktopServices({
    dataDir: dir,
    settings,
    clock: fixedClock(Date.UTC(2026, 0, 1)),
    clipboard: electronClipboard,
    platform,
    timers: { set: () => 0, clear: () => undefined },
    os: touchIdPrompt(platform),
    passwords: lockPasswordFile(dir, TEST_SCRYPT),
    probe: async () => Promise.reject(new Error('offline')),
    onLockChange: (s) => changes.push(s.locked),
  });
  return { settings, desktop, lock: desktop.lock, changes };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'authdesk-lock-'));
  systemPreferences.touchId = false;
  systemPreferences.touchIdAnswer = true;
  powerMonitor.removeAllListeners();
  powerMonitor.idleSeconds = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the app lock with a password', () => {
  it('refuses to lock while off or without a password, with a sentence saying what to do', async () => {
    const { lock, settings } = setup();
    await expect(lock.lock()).rejects.toMatchObject({ code: 'lock-unavailable', message: /Turn it on in Settings/ });
    await settings.set({ appLock: 'password' });
    await expect(lock.lock()).rejects.toMatchObject({ code: 'lock-unavailable', message: /Set a lock password/ });
    expect((await lock.lock(true)).locked).toBe(false); // automatic locks stay quiet
  });

  it('stores only a salted scrypt hash, in its own file, never in settings.json', async () => {
    const { lock, settings } = setup();
    await settings.set({ appLock: 'password' });
    await lock.setPassword('correct horse battery');
    const stored = readFileSync(path.join(dir, APP_LOCK_FILE), 'utf8');
    expect(stored).not.toContain('correct horse');
    expect(JSON.parse(stored)).toMatchObject({ kdf: 'scrypt', N: 1024, r: 8, p: 1 });
    expect(Buffer.from(JSON.parse(stored).salt, 'base64')).toHaveLength(16);
    expect(readFileSync(path.join(dir, SETTINGS_FILE), 'utf8')).not.toContain('correct horse');
    // The same password twice gives another hash (fresh salt).
    await lock.setPassword('correct horse battery', 'correct horse battery');
    expect(readFileSync(path.join(dir, APP_LOCK_FILE), 'utf8')).not.toBe(stored);
  });

  it('changing the password needs the current one', async () => {
    const { lock } = setup();
    await lock.setPassword('first password');
    await expect(lock.setPassword('second password')).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(lock.setPassword('second password', 'wrong one')).rejects.toMatchObject({ code: 'wrong-password' });
    await lock.setPassword('second password', 'first password');
  });

  it('locks, refuses a wrong password, unlocks with the right one, and tells about each change', async () => {
    const { lock, settings, changes } = setup();
    await settings.set({ appLock: 'password' });
    await lock.setPassword('correct horse battery');
    expect(await lock.lock()).toMatchObject({ locked: true, kind: 'password', passwordSet: true });
    await expect(lock.unlock('nope nope')).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(lock.unlock()).rejects.toMatchObject({ code: 'wrong-password' });
    expect(lock.isLocked()).toBe(true);
    expect((await lock.unlock('correct horse battery')).locked).toBe(false);
    await vi.waitFor(() => expect(changes).toContain(false));
    expect(changes.filter((c) => c)).not.toHaveLength(0);
  });

  it('a lock drops the decoded keys, the shown HOTP codes and a copied code still on the clipboard', async () => {
    const { lock, settings, desktop } = setup();
    await settings.set({ appLock: 'password' });
    await lock.setPassword('correct horse battery');
    const before = keyEntry('JBSWY3DPEHPK3PXP');
    expect(keyEntry('JBSWY3DPEHPK3PXP')).toBe(before); // cached
    desktop.shownHotp.remember('a1', '123456');
    await desktop.clipboard.copy('654321');
    await lock.lock();
    expect(keyEntry('JBSWY3DPEHPK3PXP')).not.toBe(before);
    expect(desktop.shownHotp.get('a1')).toBeUndefined();
    expect(await clipboard.readText()).toBe('');
  });

  it('starts locked when a lock is configured', async () => {
    const first = setup();
    await first.settings.set({ appLock: 'password' });
    await first.lock.setPassword('correct horse battery');
    const second = setup();
    await second.lock.lockOnStart();
    expect(second.lock.isLocked()).toBe(true);
  });
});

describe('the OS lock', () => {
  it('asks Touch ID on macOS, and a cancelled prompt keeps it locked', async () => {
    systemPreferences.touchId = true;
    const { lock, settings } = setup('darwin');
    await settings.set({ appLock: 'os' });
    expect((await lock.lock()).osPromptAvailable).toBe(true);
    systemPreferences.touchIdAnswer = false;
    await expect(lock.unlock()).rejects.toMatchObject({ code: 'wrong-password' });
    systemPreferences.touchIdAnswer = true;
    expect((await lock.unlock()).locked).toBe(false);
  });

  it('elsewhere (no Windows Hello from Electron) it falls back to the lock password', async () => {
    const { lock, settings } = setup('win32');
    await settings.set({ appLock: 'os' });
    await expect(lock.lock()).rejects.toMatchObject({ code: 'lock-unavailable', message: /set a lock password/ });
    await lock.setPassword('correct horse battery');
    expect((await lock.lock()).osPromptAvailable).toBe(false);
    expect((await lock.unlock('correct horse battery')).locked).toBe(false);
  });
});

describe('locking itself', () => {
  it('after autoLockMinutes of system idle time, not before', async () => {
    const { lock, settings } = setup();
    await settings.set({ appLock: 'password', autoLockMinutes: 5 });
    await lock.setPassword('correct horse battery');
    const check = installAutoLock(powerMonitor, settings, lock);
    powerMonitor.idleSeconds = 299;
    await check();
    expect(lock.isLocked()).toBe(false);
    powerMonitor.idleSeconds = 300;
    await check();
    expect(lock.isLocked()).toBe(true);
  });

  it.each(['lock-screen', 'suspend'])('on %s', async (event) => {
    const { lock, settings } = setup();
    await settings.set({ appLock: 'password', autoLockMinutes: 0 });
    await lock.setPassword('correct horse battery');
    installAutoLock(powerMonitor, settings, lock);
    powerMonitor.emit(event);
    await vi.waitFor(() => expect(lock.isLocked()).toBe(true));
  });

  it('never while the lock is off (autoLockMinutes alone does nothing)', async () => {
    const { lock, settings } = setup();
    await settings.set({ appLock: 'off', autoLockMinutes: 1 });
    const check = installAutoLock(powerMonitor, settings, lock);
    powerMonitor.idleSeconds = 10_000;
    await check();
    powerMonitor.emit('suspend');
    await new Promise((r) => setImmediate(r));
    expect(lock.isLocked()).toBe(false);
  });
});
