/**
 * The bridge's services: the real vault (real keychain through keytar), the
 * real settings store, an injectable clock, and a web stand-in for the few
 * things only the Electron shell can do. Wired the way electron/main.ts wires
 * them, so the browser talks to exactly the handlers the app uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock';
import { vaultFiles } from '../../core/paths';
import { ensureDataFolder } from '../../core/data-folder';
import { openSettingsStore } from '../../core/settings';
import { createKeytarStore, openVault } from '../../core/vault/index';
import { watchFileChanges, type FileWatch } from '../../core/watch';
import { appInfo } from '../../electron/handlers/app-info';
import { retryingVault, type Platform, type Services } from '../../electron/handlers';
import type { DisplayInfo, EventName } from '../../common/ipc/contract';

export interface PlatformHooks {
  /** Called instead of moving a window (the browser has none to move). */
  onStepAside?: () => void | Promise<void>;
  onComeBack?: () => void | Promise<void>;
  /** What app.displays reports; default one 1920x1080 display (tests lay out several to exercise multi-display scans). */
  displays?: DisplayInfo[];
}

const ONE_DISPLAY: DisplayInfo[] = [{ id: '0', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }];

export interface BridgeServices {
  services: Services;
  /** Every URL app.openExternal was asked to open, in order. */
  opened: string[];
  close(): void;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function webPlatform(opened: string[], hooks: PlatformHooks): Platform {
  return {
    openExternal: async (url) => void opened.push(url),
    stepAside: async () => void (await hooks.onStepAside?.()),
    comeBack: async () => void (await hooks.onComeBack?.()),
    info: () => ({ ...appInfo(appVersion(), process.platform, {}), platform: 'web', waylandSession: false }),
    displays: () => structuredClone(hooks.displays ?? ONE_DISPLAY),
  };
}

export async function createBridgeServices(options: {
  dataDir: string;
  keychainService: string;
  clock: Clock;
  hooks: PlatformHooks;
  emit: (name: EventName) => void;
}): Promise<BridgeServices> {
  const { dataDir, keychainService, clock, hooks, emit } = options;
  await ensureDataFolder(dataDir);
  const files = vaultFiles(dataDir);
  const settings = openSettingsStore(dataDir);
  let watcher: FileWatch | null = null;
  const vault = retryingVault(() => openVault({ dataDir, secrets: createKeytarStore(keychainService), clock }), {
    metadataPath: files.metadata,
    // Our own writes are acknowledged, so only other processes' changes become events (as in the app).
    afterWrite: () => watcher?.acknowledge(),
  });
  watcher = await watchFileChanges({ file: files.metadata, onChange: () => emit('accountsChanged') });
  const offSettings = settings.onChange(() => emit('settingsChanged'));
  const opened: string[] = [];
  return {
    services: { vault, settings, clock, platform: webPlatform(opened, hooks) },
    opened,
    close: () => {
      offSettings();
      watcher?.close();
    },
  };
}
