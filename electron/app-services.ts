/**
 * Everything behind the handlers, wired once for the app (main.ts) and the
 * web bridge (devtools/web-bridge): the data folder, the settings store, the
 * vault (opened on first use, its own writes acknowledged so only other
 * processes' changes become accountsChanged events), and the handlers with
 * their pending enrollment drafts, and the everyday-desktop services (copy
 * in main, app lock, clock check; the caller brings the clipboard, the OS
 * prompt and the shell's callbacks). Plain Node: no `electron` import here
 * (lint enforces it), so the bridge runs exactly this code.
 */
import type { Clock } from '../core/clock';
import { offsetClock, type DateProbe } from '../core/clock-check';
import type { LockPasswordFile } from '../core/app-lock-password';
import { vaultFiles } from '../core/paths';
import { ensureDataFolder } from '../core/data-folder';
import { openSettingsStore, type SettingsStore } from '../core/settings';
import type { LoadedPolicy } from '../core/policy';
import { createSecretStore, openVault } from '../core/vault/index';
import { watchFileChanges, type FileWatch } from '../core/watch';
import {
  backupKeychainService,
  backupPassword,
  createAutoBackup,
  type AutoBackup,
  type BackupTimers,
} from '../core/backup/index';
import type { EventName, UpdateCheckResult } from '../common/ipc/contract';
import type { LockState, ShortcutStatus } from '../common/desktop';
import type { OsPrompt } from './app-lock';
import type { ClipboardPort, TimerPort } from './clipboard-guard';
import type { ExportShell } from './handlers/export-shell';
import {
  createDesktopServices,
  createHandlers,
  retryingVault,
  type DesktopServices,
  type Handlers,
  type Platform,
  type Services,
} from './handlers';

/** What the shell brings to the everyday-desktop services (handlers/desktop-services.ts). */
export interface AppDesktopOptions {
  /** Electron's clipboard in the app; an in-memory one in the web bridge. */
  clipboard: ClipboardPort;
  /** Where the clock check reads a Date header from. */
  probe: DateProbe;
  /** Touch ID on macOS; none elsewhere (the lock password is used). */
  os?: OsPrompt;
  timers?: TimerPort;
  passwords?: LockPasswordFile;
  shortcutStatus?: () => ShortcutStatus;
  closeQuickPick?: () => Promise<void>;
  /** After lockChanged went out to every page (the shell hides the quick-pick, refreshes the tray). */
  onLockChange?: (state: LockState) => void;
  /** After any change to the list, our own write or another process's (the shell refreshes the tray). */
  onAccountsChanged?: () => void;
}

export interface AppServicesOptions {
  dataDir: string;
  /** The keychain service name (one item per account under it). */
  keychainService: string;
  clock: Clock;
  platform: Platform;
  /** Tells every page about a change made outside it (another process's write, a settings change). */
  emit: (name: EventName) => void;
  /** The machine's admin policy the settings store obeys (none: no managed settings). */
  policy?: LoadedPolicy;
  /** The opt-in release check behind app.checkUpdate. */
  checkUpdate?: () => Promise<UpdateCheckResult>;
  /** Copy in main, app lock, clock check, shortcut and quick-pick. */
  desktop: AppDesktopOptions;
  /** The import open dialog (Electron's in the app; the web bridge and tests name a file). */
  chooseImportFile?: () => Promise<string | null>;
  /** The export save/open dialogs and window protection (Electron's in the app; stand-ins in the bridge and tests). */
  exportShell?: ExportShell;
  /** The backup folder dialog (Electron's in the app; the web bridge and tests name a folder). */
  chooseBackupFolder?: () => Promise<string | null>;
  /** The backup's quiet-period timer (tests fire it by hand); real timers by default. */
  backupTimers?: BackupTimers;
}

export interface AppServices {
  services: Services;
  handlers: Handlers;
  settings: SettingsStore;
  desktop: DesktopServices & { setApplyOffset(on: boolean): void };
  /** Automatic backups: the shell flushes a waiting one on quit. */
  backup: AutoBackup;
  /** Stops watching and backing up; resolves once a running backup has written its files. */
  close(): Promise<void>;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { dataDir, clock, platform, emit } = options;
  // 0700 and ours; a refusal (another owner, group-writable) must not stop the window from opening:
  // the vault and settings calls report the same clear error there.
  await ensureDataFolder(dataDir).catch((err: unknown) => console.error('[authdesk] data folder:', err));
  const settings = openSettingsStore(dataDir, options.policy);
  const files = vaultFiles(dataDir);
  const shell = options.desktop;
  const desktop = createDesktopServices({
    dataDir,
    settings,
    clock,
    clipboard: shell.clipboard,
    platform: process.platform,
    timers: shell.timers,
    os: shell.os,
    probe: shell.probe,
    passwords: shell.passwords,
    shortcutStatus: shell.shortcutStatus,
    closeQuickPick: shell.closeQuickPick,
    accountsChanged: () => emit('accountsChanged'),
    onLockChange: (state) => {
      emit('lockChanged');
      shell.onLockChange?.(state);
    },
    onClockStatus: () => emit('desktopStatusChanged'),
  });
  // The vault's clock follows the measured offset while settings.applyClockOffset is on; the code
  // handlers add the same offset themselves (and report validity in local time, see handlers/codes.ts).
  const codeClock = offsetClock(clock, () => desktop.clockCheck.appliedOffset());
  let watcher: FileWatch | null = null;
  // Every change to the list, ours or another process's, starts the backup's quiet period.
  let backup: AutoBackup | null = null;
  // Opened on first use, not here: a locked or missing keychain must not stop the window
  // from opening; the handlers return the vault's own clear error instead.
  const vault = retryingVault(
    () => openVault({ dataDir, secrets: createSecretStore(options.keychainService), clock: codeClock }),
    {
      metadataPath: files.metadata,
      afterWrite: async () => {
        await watcher?.acknowledge();
        backup?.vaultChanged();
        shell.onAccountsChanged?.(); // our own writes raise no watcher event
      },
    },
  );
  watcher = await watchFileChanges({
    file: files.metadata,
    onChange: () => {
      emit('accountsChanged');
      backup?.vaultChanged();
      shell.onAccountsChanged?.();
    },
  });
  backup = createAutoBackup({
    dataDir,
    vault,
    settings,
    // Its own service name: an extra item under the vault's service would look like an orphan key.
    password: backupPassword(createSecretStore(backupKeychainService(options.keychainService))),
    clock,
    timers: options.backupTimers,
    onStatusChange: () => emit('backupChanged'),
  });
  const offSettings = settings.onChange((next) => {
    desktop.setApplyOffset(next.applyClockOffset);
    emit('settingsChanged');
  });
  const services: Services = {
    vault,
    settings,
    clock,
    platform,
    checkUpdate: options.checkUpdate,
    desktop,
    chooseImportFile: options.chooseImportFile,
    exportShell: options.exportShell,
    backup,
    chooseBackupFolder: options.chooseBackupFolder,
  };
  return {
    services,
    handlers: createHandlers(services),
    settings,
    desktop,
    backup,
    close: async () => {
      offSettings();
      watcher?.close();
      await backup.close();
    },
  };
}
