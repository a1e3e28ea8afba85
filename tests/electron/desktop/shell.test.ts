/**
 * Tray menu, global shortcut, quick-pick window and close-to-tray, with the
 * faked electron module playing the OS (a taken shortcut, the cursor's
 * display, the window's close event).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../fake-electron'));
import { BrowserWindow, globalShortcut, Menu, screen, Tray } from '../fake-electron';
import type { AccountMeta } from '../../../common/otp/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings';
import { events } from '../../../common/ipc/api-shape';
import { keepInTrayOnClose } from '../../../electron/close-to-tray';
import { placeOnDisplay, QUICK_PICK_URL, QuickPickWindow } from '../../../electron/quick-pick';
import { shellText } from '../../../electron/shell-text';
import { ShortcutBinding } from '../../../electron/shortcut';
import { AppTray, TRAY_ACCOUNT_LIMIT, trayMenuTemplate, type TrayModel } from '../../../electron/tray';
import { mainWindowOptions } from '../../../electron/window';

const account = (id: string, issuer: string, pinned = false): AccountMeta => ({
  id,
  issuer,
  name: `${id}@example.com`,
  createdAt: 0,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  ...(pinned ? { pinned: true } : {}),
});

function actions() {
  const calls: string[] = [];
  return {
    calls,
    copy: (id: string) => calls.push(`copy ${id}`),
    open: () => calls.push('open'),
    scan: () => calls.push('scan'),
    lock: () => calls.push('lock'),
    quit: () => calls.push('quit'),
  };
}

const en = shellText('en', 'en-US');
const model = (over: Partial<TrayModel> = {}): TrayModel => ({
  accounts: [account('a', 'Alpha'), account('b', 'Bravo', true), account('c', 'Charlie')],
  locked: false,
  lockAvailable: true,
  text: en,
  ...over,
});

describe('the tray menu', () => {
  it('lists accounts pinned first; a click copies that account; then Open, Scan, Lock, Quit', () => {
    const a = actions();
    const items = trayMenuTemplate(model(), a);
    const accounts = items.filter((i) => i.id?.startsWith('account:'));
    expect(accounts.map((i) => i.label)).toEqual([
      '★ Bravo (b@example.com)',
      'Alpha (a@example.com)',
      'Charlie (c@example.com)',
    ]);
    accounts[1]!.click!({} as never, undefined, {} as never);
    expect(a.calls).toEqual(['copy a']);
    expect(items.filter((i) => i.id && !i.id.startsWith('account:')).map((i) => i.label)).toEqual([
      'Open Authdesk',
      'Scan screen for QR code',
      'Lock',
      'Quit Authdesk',
    ]);
    for (const id of ['open', 'scan', 'lock', 'quit'])
      items.find((i) => i.id === id)!.click!({} as never, undefined, {} as never);
    expect(a.calls.slice(1)).toEqual(['open', 'scan', 'lock', 'quit']);
  });

  it('while locked it lists no account and cannot scan or lock again', () => {
    const items = trayMenuTemplate(model({ locked: true }), actions());
    expect(items.some((i) => i.id?.startsWith('account:'))).toBe(false);
    expect(JSON.stringify(items)).not.toContain('Alpha');
    expect(items.find((i) => i.id === 'scan')!.enabled).toBe(false);
    expect(items.find((i) => i.id === 'lock')!.enabled).toBe(false);
  });

  it('has no Lock item when no lock is configured, says so when empty, speaks Norwegian', () => {
    const items = trayMenuTemplate(model({ lockAvailable: false, accounts: [] }), actions());
    expect(items.find((i) => i.id === 'lock')).toBeUndefined();
    expect(items[0]!.label).toBe('No accounts yet');
    const nb = trayMenuTemplate(model({ text: shellText(null, 'nb-NO') }), actions());
    expect(nb.find((i) => i.id === 'open')!.label).toBe('Åpne Authdesk');
  });

  it('keeps a long list short', () => {
    const many = Array.from({ length: 40 }, (_, i) => account(`x${i}`, `Issuer ${i}`));
    const items = trayMenuTemplate(model({ accounts: many }), actions());
    expect(items.filter((i) => i.id?.startsWith('account:'))).toHaveLength(TRAY_ACCOUNT_LIMIT);
    expect(items.some((i) => i.label === `${40 - TRAY_ACCOUNT_LIMIT} more in the window…`)).toBe(true);
  });

  it('AppTray puts a rebuilt menu on the tray at each refresh', async () => {
    let state = model();
    const tray = new AppTray('/dist/renderer/tray-icon.png', async () => state, actions());
    await tray.refresh();
    const fake = Tray.all.at(-1)!;
    expect(fake.image).toEqual({ path: '/dist/renderer/tray-icon.png' });
    expect(fake.menu!.template.some((i) => i.label === 'Alpha (a@example.com)')).toBe(true);
    state = model({ locked: true });
    await tray.refresh();
    expect(fake.menu!.template.some((i) => String(i.label).includes('Alpha'))).toBe(false);
    expect(Menu.built.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the global shortcut', () => {
  beforeEach(() => {
    globalShortcut.registered.clear();
    globalShortcut.takenElsewhere.clear();
  });

  it('registers the accelerator and opens the quick-pick on press', () => {
    const pressed: string[] = [];
    const statuses: unknown[] = [];
    const binding = new ShortcutBinding(
      globalShortcut,
      () => pressed.push('open'),
      (s) => statuses.push(s),
    );
    expect(binding.apply('CommandOrControl+Alt+A')).toEqual({
      accelerator: 'CommandOrControl+Alt+A',
      registered: true,
      problem: null,
    });
    globalShortcut.press('CommandOrControl+Alt+A');
    expect(pressed).toEqual(['open']);
    expect(statuses).toHaveLength(1);
  });

  it('reports a shortcut another app holds instead of losing it silently', () => {
    globalShortcut.takenElsewhere.add('CommandOrControl+Alt+A');
    const statuses: unknown[] = [];
    const binding = new ShortcutBinding(
      globalShortcut,
      () => undefined,
      (s) => statuses.push(s),
    );
    expect(binding.apply('CommandOrControl+Alt+A')).toMatchObject({ registered: false, problem: 'taken' });
    expect(statuses).toEqual([{ accelerator: 'CommandOrControl+Alt+A', registered: false, problem: 'taken' }]);
  });

  it('an accelerator Electron cannot read is reported as invalid; changing it frees the old one', () => {
    const binding = new ShortcutBinding(
      globalShortcut,
      () => undefined,
      () => undefined,
    );
    binding.apply('CommandOrControl+Alt+A');
    expect(binding.apply('Ctrl+Alt+%%')).toMatchObject({ registered: false, problem: 'invalid' });
    expect(globalShortcut.registered.has('CommandOrControl+Alt+A')).toBe(false);
    expect(binding.apply('')).toMatchObject({ registered: false, problem: 'none' });
  });
});

describe('the quick-pick window', () => {
  beforeEach(() => {
    screen.displays = [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
      { id: 2, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, scaleFactor: 1 },
    ];
  });

  const options = () => ({
    preloadPath: '/app/dist/electron/preload.cjs',
    devTools: false,
    dark: false,
    title: 'Quick',
  });

  it('is hardened like the main window, always on top, and loads its own page from app://', () => {
    const opened: BrowserWindow[] = [];
    const qp = new QuickPickWindow(
      options,
      () => true,
      (w) => opened.push(w as never),
    );
    qp.show();
    const win = opened[0] as unknown as BrowserWindow;
    expect(win.options.webPreferences).toEqual(
      mainWindowOptions({ ...options(), contentProtection: true }).webPreferences,
    );
    expect(win.options).toMatchObject({ alwaysOnTop: true, frame: false, skipTaskbar: true, resizable: false });
    expect(win.loadedUrl).toBe(QUICK_PICK_URL);
    expect(QUICK_PICK_URL).toBe('app://authdesk/quick-pick/index.html');
    expect(win.contentProtection).toBe(true);
    expect(win.webContents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.windowOpenHandler).not.toBeNull();
  });

  it('opens on the display with the cursor, focused, and tells the page it was shown', () => {
    screen.cursor = { x: 2500, y: 700 };
    const opened: BrowserWindow[] = [];
    const qp = new QuickPickWindow(
      options,
      () => false,
      (w) => opened.push(w as never),
    );
    qp.show();
    const win = opened[0] as unknown as BrowserWindow;
    expect(win.bounds).toEqual({
      ...placeOnDisplay(screen.displays[1]!.bounds, { width: 420, height: 360 }),
      width: 420,
      height: 360,
    });
    expect(win.bounds!.x).toBeGreaterThanOrEqual(1920);
    expect(win.visible && win.focused).toBe(true);
    expect(win.webContents.sent).toContain(events.quickPickShown);
    win.emit('blur');
    expect(win.visible).toBe(false);
    qp.show();
    expect(opened).toHaveLength(1); // reused, not a second window
  });
});

describe('close to tray', () => {
  function closing(settings: Partial<Settings>, quitting = false) {
    const win = new BrowserWindow();
    win.visible = true;
    const explained: string[] = [];
    const saved: unknown[] = [];
    keepInTrayOnClose(win as never, {
      settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
      hasTray: () => true,
      isQuitting: () => quitting,
      explain: () => explained.push('told'),
      markExplained: async () => saved.push('closeToTrayExplained'),
    });
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    return { win, prevented, explained, saved };
  }

  it('hides instead of closing, and explains it the first time only', () => {
    const first = closing({ closeToTray: true, closeToTrayExplained: false });
    expect(first.prevented).toBe(true);
    expect(first.win.visible).toBe(false);
    expect(first.explained).toEqual(['told']);
    expect(first.saved).toEqual(['closeToTrayExplained']);
    const later = closing({ closeToTray: true, closeToTrayExplained: true });
    expect(later.prevented).toBe(true);
    expect(later.explained).toEqual([]);
  });

  it('closes for real when the setting is off or the app is quitting', () => {
    expect(closing({ closeToTray: false }).prevented).toBe(false);
    expect(closing({ closeToTray: true }, true).prevented).toBe(false);
  });
});
