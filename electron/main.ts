/**
 * App lifecycle and wiring only. Policy lives in window.ts, the protocol in
 * protocol.ts, capture in display-media.ts, IPC in ipc/registry.ts, the work
 * itself in handlers/ and core/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, nativeTheme, powerMonitor, session } from 'electron';
import { clockJumpDetector } from './clock-jumps';
import { systemClock } from '../core/clock';
import { httpsDateProbe, offsetClock } from '../core/clock-check';
import { dataDir, keychainService, vaultFiles } from '../core/paths';
import { openSettingsStore } from '../core/settings';
import { createKeytarStore, openVault } from '../core/vault/index';
import { watchFileChanges, type FileWatch } from '../core/watch';
import { CaptureRound, installDisplayMediaHandler } from './display-media';
import { createDesktopServices, createHandlers, retryingVault } from './handlers';
import { electronClipboard, touchIdPrompt } from './desktop-adapters';
import { startDesktopShell, type DesktopShell } from './desktop';
import { broadcast, registerIpc } from './ipc/registry';
import type { EventName } from '../common/ipc/contract';
import { electronPlatform } from './platform';
import { registerAppScheme, serveBundle } from './protocol';
import { createMainWindow, devToolsAllowed, guardWebContents, hardenSession } from './window';

const dir = dataDir();
// The CLI computes the same folder; setting it keeps AUTHDESK_DATA_DIR working for the app too.
app.setPath('userData', dir);
registerAppScheme();

const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
const tell = (name: EventName) => broadcast(name, [...windows]);

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the first one forward (the 'second-instance' handler below).
  app.quit();
} else {
  app.on('second-instance', () => void showMainWindow());
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    // Closing to the tray hides the window, so this only runs after a real close (closeToTray off).
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => void showMainWindow());
  app.whenReady().then(start, (err: unknown) => {
    console.error('[authdesk] could not start:', err);
    app.exit(1);
  });
}

let openWindow: (() => Promise<BrowserWindow>) | null = null;

async function start(): Promise<void> {
  const ses = session.defaultSession;
  hardenSession(ses);
  // The app root (the asar archive when packaged, the repo with `electron .`): no __dirname games.
  const dist = path.join(app.getAppPath(), 'dist');
  serveBundle(ses, path.join(dist, 'renderer'));
  const round = new CaptureRound(systemClock);
  installDisplayMediaHandler(ses, round);

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const settings = openSettingsStore(dir);
  const files = vaultFiles(dir);
  let shell: DesktopShell | null = null;
  const desktop = createDesktopServices({
    dataDir: dir,
    settings,
    clock: systemClock,
    clipboard: electronClipboard,
    platform: process.platform,
    os: touchIdPrompt(),
    probe: httpsDateProbe({ now: () => systemClock.now() }),
    shortcutStatus: () => shell?.shortcut.status() ?? { accelerator: '', registered: false, problem: 'none' },
    closeQuickPick: async () => shell?.quickPick.hide(),
    accountsChanged: () => tell('accountsChanged'),
    onLockChange: (state) => {
      if (state.locked) shell?.quickPick.hide();
      void shell?.refreshTray();
      tell('lockChanged');
    },
    onClockStatus: () => tell('desktopStatusChanged'),
  });
  // The vault's clock follows the measured offset while settings.applyClockOffset is on; the code
  // handlers add the same offset themselves (and report validity in local time, see handlers/codes.ts).
  const codeClock = offsetClock(systemClock, () => desktop.clockCheck.appliedOffset());
  await desktop.lock.lockOnStart();
  let watcher: FileWatch | null = null;
  // Opened on first use, not here: a locked or missing keychain must not stop the window
  // from opening; the handlers return the vault's own clear error instead.
  const vault = retryingVault(
    () => openVault({ dataDir: dir, secrets: createKeytarStore(keychainService()), clock: codeClock }),
    {
      metadataPath: files.metadata,
      afterWrite: async () => {
        await watcher?.acknowledge();
        void shell?.refreshTray(); // our own writes raise no watcher event
      },
    },
  );
  const handlers = createHandlers({
    vault,
    settings,
    clock: systemClock,
    platform: electronPlatform(() => mainWindow, round),
    desktop,
  });
  registerIpc({ handlers, windows: () => [...windows] });

  settings.onChange((next) => {
    for (const win of windows) win.setContentProtection(next.contentProtection);
    tell('settingsChanged');
  });
  watcher = await watchFileChanges({
    file: files.metadata,
    onChange: () => {
      tell('accountsChanged');
      void shell?.refreshTray();
    },
  });

  powerMonitor.on('resume', () => tell('clockChanged'));
  const tick = clockJumpDetector({ onJump: () => tell('clockChanged') });
  setInterval(tick, 15_000).unref();

  const devTools = devToolsAllowed(app.isPackaged, process.env);
  shell = await startDesktopShell({
    dist,
    settings,
    vault,
    handlers,
    desktop,
    windows,
    showMainWindow,
    devTools,
    dark: () => nativeTheme.shouldUseDarkColors,
    tell,
  });

  openWindow = async () => {
    const win = createMainWindow({
      preloadPath: path.join(dist, 'electron', 'preload.cjs'),
      contentProtection: (await settings.get()).contentProtection,
      devTools,
      dark: nativeTheme.shouldUseDarkColors,
    });
    windows.add(win);
    shell?.adoptMainWindow(win);
    win.on('closed', () => {
      windows.delete(win);
      if (mainWindow === win) mainWindow = null;
      // A hidden quick-pick must not keep the app alive once the main window really closed.
      if (!mainWindow) shell?.quickPick.destroy();
    });
    mainWindow = win;
    return win;
  };
  await openWindow();
}

async function showMainWindow(): Promise<void> {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  } else if (openWindow) {
    // macOS keeps the app running with no window; the dock icon opens a new one.
    await openWindow();
  }
}
