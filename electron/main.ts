/**
 * App lifecycle and wiring only. Policy lives in window.ts, the protocol in
 * protocol.ts, capture in display-media.ts, IPC in ipc/registry.ts, the work
 * itself in handlers/ and core/.
 */
import path from 'node:path';
import { app, BrowserWindow, nativeTheme, powerMonitor, session } from 'electron';
import { clockJumpDetector } from './clock-jumps';
import { forbiddenDebugSwitch } from './debug-flags';
import { systemClock } from '../core/clock';
import { dataDir, keychainService, vaultFiles } from '../core/paths';
import { openSettingsStore } from '../core/settings';
import { ensureDataFolder } from '../core/data-folder';
import { createKeytarStore, openVault } from '../core/vault/index';
import { watchFileChanges, type FileWatch } from '../core/watch';
import { CaptureRound, installDisplayMediaHandler } from './display-media';
import { createHandlers, retryingVault } from './handlers';
import { broadcast, registerIpc } from './ipc/registry';
import type { EventName } from '../common/ipc/contract';
import { electronPlatform } from './platform';
import { registerAppScheme, serveBundle } from './protocol';
import { createMainWindow, devToolsAllowed, guardWebContents, hardenSession } from './window';

// A packaged app never runs with a debugger or remote-debugging port attached (see debug-flags.ts).
const debugSwitch = app.isPackaged ? forbiddenDebugSwitch(process.argv) : null;
if (debugSwitch) {
  console.error(`[authdesk] refusing to start with ${debugSwitch}: it would expose your secrets to other programs.`);
  app.exit(1);
}

const dir = dataDir();
// The CLI computes the same folder; setting it keeps AUTHDESK_DATA_DIR working for the app too.
app.setPath('userData', dir);
registerAppScheme();

const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
const tell = (name: EventName) => broadcast(name, [...windows]);

if (debugSwitch) {
  // app.exit above ends the process; nothing else is wired.
} else if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the first one forward (the 'second-instance' handler below).
  app.quit();
} else {
  app.on('second-instance', () => void showMainWindow());
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
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

  // 0700 and ours; a refusal (another owner, group-writable) must not stop the window from opening:
  // the vault and settings calls report the same clear error there.
  await ensureDataFolder(dir).catch((err: unknown) => console.error('[authdesk] data folder:', err));
  const settings = openSettingsStore(dir);
  const files = vaultFiles(dir);
  let watcher: FileWatch | null = null;
  // Opened on first use, not here: a locked or missing keychain must not stop the window
  // from opening; the handlers return the vault's own clear error instead.
  const vault = retryingVault(
    () => openVault({ dataDir: dir, secrets: createKeytarStore(keychainService()), clock: systemClock }),
    {
      metadataPath: files.metadata,
      afterWrite: () => watcher?.acknowledge(),
    },
  );
  const handlers = createHandlers({
    vault,
    settings,
    clock: systemClock,
    platform: electronPlatform(() => mainWindow, round),
  });
  registerIpc({ handlers, windows: () => [...windows] });

  settings.onChange((next) => {
    for (const win of windows) win.setContentProtection(next.contentProtection);
    tell('settingsChanged');
  });
  watcher = await watchFileChanges({ file: files.metadata, onChange: () => tell('accountsChanged') });

  powerMonitor.on('resume', () => tell('clockChanged'));
  const tick = clockJumpDetector({ onJump: () => tell('clockChanged') });
  setInterval(tick, 15_000).unref();

  openWindow = async () => {
    const win = createMainWindow({
      preloadPath: path.join(dist, 'electron', 'preload.cjs'),
      contentProtection: (await settings.get()).contentProtection,
      devTools: devToolsAllowed(app.isPackaged, process.env),
      dark: nativeTheme.shouldUseDarkColors,
    });
    windows.add(win);
    win.on('closed', () => {
      windows.delete(win);
      if (mainWindow === win) mainWindow = null;
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
