/**
 * createHandlers over the real thing: a real vault in a temp folder whose
 * secrets go to the real Secret Service (scripts/with-keyring.sh), a real
 * settings file, and a clock the test moves. Only the Platform (the window,
 * the OS browser) is a recording stand-in: it is Electron's part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../core/clock';
import type { LoadedPolicy } from '../../../core/policy';
import { openSettingsStore } from '../../../core/settings';
import { createSecretStore, openVault } from '../../../core/vault/index';
import type { SecretStore } from '../../../core/vault/types';
import {
  createDesktopServices,
  createHandlers,
  invokeChannel,
  type Handlers,
  type Platform,
} from '../../../electron/handlers';
import { appInfo } from '../../../electron/app-info';
import type { ExportShell } from '../../../electron/handlers/export-shell';
import { lockPasswordFile } from '../../../core/app-lock-password';
import { backupKeychainService, backupPassword, createAutoBackup } from '../../../core/backup/index';
import type { DateProbe } from '../../../core/clock-check';
import { memoryClipboard } from '../../../devtools/web-bridge/memory-clipboard';
import type { Channel, InputOf, Outcome, ResultOf, UpdateCheckResult } from '../../../common/ipc/contract';
import { requireSecretService, uniqueServiceName } from '../../support/keychain';

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** Cheap scrypt parameters for tests (the format and the check are the same; only the cost differs). */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface HarnessOptions {
  /** The admin policy the settings store obeys (none by default). */
  policy?: LoadedPolicy;
  checkUpdate?: () => Promise<UpdateCheckResult>;
  /** Reuse a data folder (settings stored by an earlier harness). */
  dataDir?: string;
  /** Where the clock check reads a Date header (default: offline). */
  probe?: DateProbe;
  /** Answers the import open dialog (transfer.importFile). */
  chooseImportFile?: () => Promise<string | null>;
  /** Answers the export save/open dialogs and records window protection (transfer.export*, transfer.verify*). */
  exportShell?: ExportShell;
  /** Answers the backup folder dialog (backup.chooseFolder). */
  chooseBackupFolder?: () => Promise<string | null>;
  /** Wraps the real keychain store (a store that fails after N writes, for all-or-nothing tests). */
  wrapSecrets?: (store: SecretStore) => SecretStore;
}

export async function realHandlers(prefix: string, options: HarnessOptions = {}) {
  requireSecretService();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const service = uniqueServiceName(prefix);
  const secrets = createSecretStore(service);
  const backupSecrets = createSecretStore(backupKeychainService(service));
  const clock = fixedClock(T0);
  const vault = await openVault({ dataDir, secrets: options.wrapSecrets?.(secrets) ?? secrets, clock });
  const platformCalls: string[] = [];
  const platform: Platform = {
    openExternal: async (url) => void platformCalls.push(`open ${url}`),
    stepAside: async () => void platformCalls.push('stepAside'),
    comeBack: async () => void platformCalls.push('comeBack'),
    info: () => appInfo('0.0.0-test', 'linux', {}),
    displays: () => [{ id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }],
  };
  const settings = openSettingsStore(dataDir, options.policy);
  const clipboard = memoryClipboard();
  const timers: { fn: () => void; ms: number }[] = [];
  const desktop = createDesktopServices({
    dataDir,
    settings,
    clock,
    clipboard,
    platform: 'linux',
    timers: { set: (fn, ms) => timers.push({ fn, ms }), clear: () => undefined },
    passwords: lockPasswordFile(dataDir, TEST_SCRYPT),
    probe: options.probe ?? (async () => Promise.reject(new Error('offline in tests'))),
  });
  // Automatic backups with cheap scrypt; the debounce timer never fires by itself (runNow / flush write).
  const backup = createAutoBackup({
    dataDir,
    vault,
    settings,
    password: backupPassword(backupSecrets),
    clock,
    timers: { set: () => 0, clear: () => undefined },
    scrypt: { n: TEST_SCRYPT.N, r: TEST_SCRYPT.r, p: TEST_SCRYPT.p },
  });
  const handlers: Handlers = createHandlers({
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
  });

  /** Through invokeChannel, exactly as the registry and the web bridge call it. */
  const call = <C extends Channel>(channel: C, input: InputOf<C>): Promise<Outcome<ResultOf<C>>> =>
    invokeChannel(handlers, channel, input) as Promise<Outcome<ResultOf<C>>>;
  /** Same, but unwrapped: fails the test with the error's own words. */
  const ok = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> => {
    const outcome = await call(channel, input);
    if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  };

  const cleanUp = async () => {
    for (const store of [secrets, backupSecrets])
      for (const account of await store.accounts()) await store.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    dataDir,
    secrets,
    clock,
    vault,
    handlers,
    platformCalls,
    call,
    ok,
    cleanUp,
    settings,
    clipboard,
    timers,
    desktop,
  };
}
