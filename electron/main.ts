/**
 * App lifecycle and wiring only. Policy lives in window.ts, the protocol in
 * protocol.ts, capture in display-media.ts, IPC in ipc/registry.ts, the work
 * itself in handlers/ and core/. Three ways to start: refused (a debugging
 * switch on a release build), `--self-test` (one JSON line, no window), or
 * the app.
 */
import path from 'node:path';
import { app, BrowserWindow, nativeTheme, powerMonitor, session } from 'electron';
import { clockJumpDetector } from './clock-jumps';
import { BUILD_COMMIT } from '../core/build-info';
import { dataDir, keychainService } from '../core/paths';
import { loadPolicy, policyFile } from '../core/policy';
import type { SettingsStore } from '../core/settings';
import { AuthdeskError } from '../common/errors';
import { runSelfTest, SELF_TEST_SWITCH } from '../core/self-test';
import { checkForUpdate } from '../core/update-check';
import { createSecretStore } from '../core/vault/index';
import { createAppServices } from './app-services';
import { httpsDateProbe } from '../core/clock-check';
import { CaptureRound, installDisplayMediaHandler } from './display-media';
import { electronClipboard, touchIdPrompt } from './desktop-adapters';
import { startDesktopShell, type DesktopShell } from './desktop';
import { broadcast, registerIpc } from './ipc/registry';
import type { EventName } from '../common/ipc/contract';
import { electronPlatform } from './platform';
import { importFileDialog } from './import-dialog';
import { exportShell } from './export-dialogs';
import { backupFolderDialog } from './backup-folder-dialog';
import { dialogText } from './dialog-text';
import { flushBackupOnQuit } from './backup-on-quit';
import { registerAppScheme, serveBundle } from './protocol';
import { appClock, policyOverrideAllowed, refuseDebugging } from './startup-switches';
import { createMainWindow, devToolsAllowed, guardWebContents, hardenSession } from './window';
import { limitCoreDumps, limitHelperCoreDumps } from './core-dumps';

// Before anything reads a key: a crash from here on dumps no memory (Linux; see core-dumps.ts).
const coreDumps = limitCoreDumps();
if (!coreDumps.applied && process.platform === 'linux') console.error(`[authdesk] core dumps: ${coreDumps.detail}`);

const dir = dataDir();
const policy = loadPolicy(policyFile(process.env, process.platform, policyOverrideAllowed(app)));
for (const problem of policy.problems) console.error(`[authdesk] ${problem}`);
const { clock, note: clockNote } = appClock(app, process.env);
if (clockNote) console.error(`[authdesk] ${clockNote}`);

const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
const tell = (name: EventName) => broadcast(name, [...windows]);

const refusal = refuseDebugging(app, process.argv);
if (refusal) {
  console.error(refusal);
  app.exit(1);
} else if (app.commandLine.hasSwitch(SELF_TEST_SWITCH)) {
  // No window, no single-instance lock: it must work while the app is open, too.
  void selfTestAndExit();
} else {
  // The CLI computes the same folder; setting it keeps AUTHDESK_DATA_DIR working for the app too.
  app.setPath('userData', dir);
  registerAppScheme();
  runApp();
}

async function selfTestAndExit(): Promise<void> {
  const report = await runSelfTest({
    version: app.getVersion(),
    commit: BUILD_COMMIT,
    packaged: app.isPackaged,
    appPath: app.getAppPath(),
    dataDir: dir,
    scratchSecrets: createSecretStore(`${keychainService()}.self-test`),
    policy,
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  app.exit(report.ok ? 0 : 1);
}

function runApp(): void {
  if (!app.requestSingleInstanceLock()) {
    // A second launch only brings the first one forward (the 'second-instance' handler below).
    app.quit();
  } else {
    app.on('second-instance', () => void showMainWindow());
    app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
    limitHelperCoreDumps(app);
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
}

let openWindow: (() => Promise<BrowserWindow>) | null = null;

async function start(): Promise<void> {
  const ses = session.defaultSession;
  hardenSession(ses);
  // The app root (the asar archive when packaged, the repo with `electron .`): no __dirname games.
  const dist = path.join(app.getAppPath(), 'dist');
  serveBundle(ses, path.join(dist, 'renderer'));
  const round = new CaptureRound(clock);
  installDisplayMediaHandler(ses, round);

  let shell: DesktopShell | null = null;
  // The dialogs read the settings when one opens, which is always after start-up. They reach
  // them through this holder, filled in as soon as the services exist, rather than through
  // `settings` below, whose name is not bound until createAppServices has returned.
  let settingsStore: SettingsStore | null = null;
  const settingsNow = () => {
    if (!settingsStore) throw new AuthdeskError('internal', 'A dialog opened before Authdesk finished starting.');
    return settingsStore.get();
  };
  // The dialogs' words follow the language setting, else the OS locale.
  const words = async () => dialogText((await settingsNow()).language, app.getLocale());
  const { handlers, settings, services, desktop, backup } = await createAppServices({
    dataDir: dir,
    keychainService: keychainService(),
    clock,
    platform: electronPlatform(() => mainWindow, round),
    emit: tell,
    policy,
    checkUpdate: () => checkForUpdate({ current: app.getVersion() }),
    chooseImportFile: importFileDialog(() => mainWindow, words),
    exportShell: exportShell(
      () => mainWindow,
      async () => (await settingsNow()).contentProtection,
      words,
    ),
    chooseBackupFolder: backupFolderDialog(() => mainWindow, words),
    desktop: {
      clipboard: electronClipboard,
      os: touchIdPrompt(),
      probe: httpsDateProbe({ now: () => clock.now() }),
      shortcutStatus: () => shell?.shortcut.status() ?? { accelerator: '', registered: false, problem: 'none' },
      closeQuickPick: async () => shell?.quickPick.hide(),
      onLockChange: (state) => {
        if (state.locked) shell?.quickPick.hide();
        void shell?.refreshTray();
      },
      onAccountsChanged: () => void shell?.refreshTray(),
    },
  });
  settingsStore = settings;
  registerIpc({ handlers, windows: () => [...windows] });
  flushBackupOnQuit(app, backup);
  settings.onChange((next) => {
    for (const win of windows) win.setContentProtection(next.contentProtection);
  });
  await desktop.lock.lockOnStart();

  powerMonitor.on('resume', () => tell('clockChanged'));
  const tick = clockJumpDetector({ onJump: () => tell('clockChanged') });
  setInterval(tick, 15_000).unref();

  const devTools = devToolsAllowed(app.isPackaged, process.env);
  shell = await startDesktopShell({
    dist,
    settings,
    vault: services.vault,
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
