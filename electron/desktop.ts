/**
 * The everyday-desktop shell around the window: tray, global shortcut and
 * quick-pick, close-to-tray, auto-lock, the periodic clock check, start at
 * login, and clearing a copied code before quitting. main.ts calls
 * startDesktopShell once the handlers exist; each part lives in its own module.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, Notification, powerMonitor } from 'electron';
import type { Settings } from '../common/settings';
import type { EventName } from '../common/ipc/api-shape';
import type { SettingsStore } from '../core/settings';
import type { Vault } from '../core/vault/types';
import { installAutoLock, IDLE_CHECK_MS } from './auto-lock';
import { keepInTrayOnClose } from './close-to-tray';
import { invokeChannel, type DesktopServices, type Handlers } from './handlers';
import { QuickPickWindow } from './quick-pick';
import { shellText } from './shell-text';
import { ShortcutBinding } from './shortcut';
import { AppTray } from './tray';

/** How often the clock is compared with the portal's after the check at start. */
export const CLOCK_CHECK_EVERY_MS = 4 * 60 * 60_000;

export interface DesktopShellOptions {
  dist: string;
  settings: SettingsStore;
  vault: Vault;
  handlers: Handlers;
  desktop: DesktopServices & { setApplyOffset(on: boolean): void };
  windows: Set<BrowserWindow>;
  showMainWindow: () => Promise<void>;
  devTools: boolean;
  dark: () => boolean;
  tell: (name: EventName) => void;
}

export interface DesktopShell {
  quickPick: QuickPickWindow;
  shortcut: ShortcutBinding;
  /** Hooks close-to-tray on a new main window. */
  adoptMainWindow(win: BrowserWindow): void;
  refreshTray(): Promise<void>;
}

export async function startDesktopShell(o: DesktopShellOptions): Promise<DesktopShell> {
  let current: Settings = await o.settings.get();
  let quitting = false;
  const text = () => shellText(current.language, app.getLocale());
  const { desktop } = o;

  const quickPick = new QuickPickWindow(
    () => ({
      preloadPath: path.join(o.dist, 'electron', 'preload.cjs'),
      devTools: o.devTools,
      dark: o.dark(),
      title: text().quickPickTitle,
    }),
    () => current.contentProtection,
    (win, open) => (open ? o.windows.add(win) : o.windows.delete(win)),
  );
  const shortcut = new ShortcutBinding(
    globalShortcut,
    () => {
      if (!desktop.lock.isLocked()) quickPick.show();
      else void o.showMainWindow(); // the lock screen is where to go
    },
    () => o.tell('desktopStatusChanged'),
  );

  const tray = new AppTray(
    path.join(o.dist, 'renderer', 'tray-icon.png'),
    async () => ({
      accounts: desktop.lock.isLocked() ? [] : await o.vault.list().catch(() => []),
      locked: desktop.lock.isLocked(),
      lockAvailable: current.appLock !== 'off',
      text: text(),
    }),
    {
      copy: (id) => void invokeChannel(o.handlers, 'codes.copy', { id }),
      open: () => void o.showMainWindow(),
      scan: () => {
        void o.showMainWindow().then(() => o.tell('scanRequested'));
      },
      lock: () => void desktop.lock.lock(true),
      quit: () => app.quit(),
    },
  );
  const refreshTray = () => tray.refresh().catch(() => undefined);
  // Smoke tests on the real binary: Electron has no API that lists a tray's menu. Labels only, no codes.
  if (process.env.AUTHDESK_TEST_HOOKS === '1')
    (globalThis as Record<string, unknown>).__authdeskTrayLabels = () => tray.labels();

  const apply = (settings: Settings) => {
    current = settings;
    desktop.setApplyOffset(settings.applyClockOffset);
    shortcut.apply(settings.shortcut);
    if (process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
    void refreshTray();
  };
  apply(current);
  o.settings.onChange(apply);

  // Auto-lock on idle, screen lock and suspend; codes and the tray follow every lock change.
  const idleCheck = installAutoLock(powerMonitor, o.settings, desktop.lock);
  setInterval(() => void idleCheck().catch(() => undefined), IDLE_CHECK_MS).unref();
  powerMonitor.on('resume', () => void desktop.clipboard.clearIfDue().catch(() => undefined));

  // The clock: at start, then every few hours (on demand through app.checkClock).
  const checkClock = () => {
    if (current.clockCheck) void desktop.clockCheck.check();
  };
  checkClock();
  setInterval(checkClock, CLOCK_CHECK_EVERY_MS).unref();

  // Quit: the copied code goes first (only if the clipboard still holds it), then the app.
  app.on('before-quit', (event) => {
    quitting = true;
    if (!desktop.clipboard.holding) return;
    event.preventDefault();
    void desktop.clipboard
      .clearIfOurs()
      .catch(() => undefined)
      .finally(() => app.quit());
  });
  app.on('will-quit', () => {
    shortcut.release();
    tray.destroy();
  });

  return {
    quickPick,
    shortcut,
    refreshTray,
    adoptMainWindow: (win) =>
      keepInTrayOnClose(win, {
        settings: () => current,
        hasTray: () => true,
        isQuitting: () => quitting,
        explain: () => explainTray(text()),
        markExplained: () => o.settings.set({ closeToTrayExplained: true }),
      }),
  };
}

function explainTray(text: ReturnType<typeof shellText>): void {
  if (Notification.isSupported()) {
    new Notification({ title: text.trayTitle, body: text.trayBody, silent: true }).show();
  } else {
    void dialog.showMessageBox({ type: 'info', title: text.trayTitle, message: text.trayTitle, detail: text.trayBody });
  }
}
