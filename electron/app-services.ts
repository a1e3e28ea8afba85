/**
 * Everything behind the handlers, wired once for the app (main.ts) and the
 * web bridge (devtools/web-bridge): the data folder, the settings store, the
 * vault (opened on first use, its own writes acknowledged so only other
 * processes' changes become accountsChanged events), and the handlers with
 * their pending enrollment drafts. Plain Node: no `electron` import here
 * (lint enforces it), so the bridge runs exactly this code.
 */
import type { Clock } from '../core/clock';
import { vaultFiles } from '../core/paths';
import { ensureDataFolder } from '../core/data-folder';
import { openSettingsStore, type SettingsStore } from '../core/settings';
import type { LoadedPolicy } from '../core/policy';
import { createSecretStore, openVault } from '../core/vault/index';
import { watchFileChanges, type FileWatch } from '../core/watch';
import type { EventName, UpdateCheckResult } from '../common/ipc/contract';
import { createHandlers, retryingVault, type Handlers, type Platform, type Services } from './handlers';

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
}

export interface AppServices {
  services: Services;
  handlers: Handlers;
  settings: SettingsStore;
  close(): void;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { dataDir, clock, platform, emit } = options;
  // 0700 and ours; a refusal (another owner, group-writable) must not stop the window from opening:
  // the vault and settings calls report the same clear error there.
  await ensureDataFolder(dataDir).catch((err: unknown) => console.error('[authdesk] data folder:', err));
  const settings = openSettingsStore(dataDir, options.policy);
  const files = vaultFiles(dataDir);
  let watcher: FileWatch | null = null;
  // Opened on first use, not here: a locked or missing keychain must not stop the window
  // from opening; the handlers return the vault's own clear error instead.
  const vault = retryingVault(
    () => openVault({ dataDir, secrets: createSecretStore(options.keychainService), clock }),
    { metadataPath: files.metadata, afterWrite: () => watcher?.acknowledge() },
  );
  watcher = await watchFileChanges({ file: files.metadata, onChange: () => emit('accountsChanged') });
  const offSettings = settings.onChange(() => emit('settingsChanged'));
  const services: Services = { vault, settings, clock, platform, checkUpdate: options.checkUpdate };
  return {
    services,
    handlers: createHandlers(services),
    settings,
    close: () => {
      offSettings();
      watcher?.close();
    },
  };
}
