/**
 * The bridge's services: the app's own (createAppServices: the real vault
 * through keytar, the real settings store, the handlers) with an injectable
 * clock and a web stand-in for the few things only the Electron shell can
 * do, so the browser talks to exactly the handlers the app uses.
 */
import { buildCommit } from '../../scripts/build-stamp.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock';
import { appInfo } from '../../electron/app-info';
import { createAppServices } from '../../electron/app-services';
import type { Handlers, Platform, Services } from '../../electron/handlers';
import type { ExportShell } from '../../electron/handlers/export-shell';
import type { LoadedPolicy } from '../../core/policy';
import type { DisplayInfo, EventName, UpdateCheckResult } from '../../common/ipc/contract';
import { httpsDateProbe, type DateProbe } from '../../core/clock-check';
import { memoryClipboard, type MemoryClipboard } from './memory-clipboard';

export interface PlatformHooks {
  /** Called instead of moving a window (the browser has none to move). */
  onStepAside?: () => void | Promise<void>;
  onComeBack?: () => void | Promise<void>;
  /** What app.displays reports; default one 1920x1080 display (tests lay out several to exercise multi-display scans). */
  displays?: DisplayInfo[];
  /** An admin policy for the settings store (tests of managed settings); none by default. */
  policy?: LoadedPolicy;
  /** What the update check answers (the bridge never asks the internet); absent: not available. */
  checkUpdate?: () => Promise<UpdateCheckResult>;
  /** Where the clock check reads a Date header (tests: a local HTTPS server with a skewed clock); default HTTPS. */
  dateProbe?: DateProbe;
  /** Stands in for the import open dialog: the path to import, or null (cancelled). Absent: not available. */
  chooseImportFile?: () => Promise<string | null>;
  /** Stands in for the export save/open dialogs and window protection. Absent: exporting is not available. */
  exportShell?: ExportShell;
  /** Stands in for the backup folder dialog: the folder to use, or null (cancelled). Absent: not available. */
  chooseBackupFolder?: () => Promise<string | null>;
}

const ONE_DISPLAY: DisplayInfo[] = [{ id: '0', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }];

export interface BridgeServices {
  services: Services;
  handlers: Handlers;
  /** Every URL app.openExternal was asked to open, in order. */
  opened: string[];
  /** What codes.copy wrote ("main's" clipboard); the client copies its text on to the page's clipboard. */
  clipboard: MemoryClipboard;
  /** Resolves once a running backup has written its files. */
  close(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Unbundled here, so no stamp: ask git once, the way the build does. */
let stamped: string | undefined;
const commit = () => (stamped ??= buildCommit(process.env, repoRoot));

function webPlatform(opened: string[], hooks: PlatformHooks): Platform {
  return {
    openExternal: async (url) => void opened.push(url),
    stepAside: async () => void (await hooks.onStepAside?.()),
    comeBack: async () => void (await hooks.onComeBack?.()),
    info: () => ({
      ...appInfo(appVersion(), process.platform, {}, commit()),
      platform: 'web',
      waylandSession: false,
    }),
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
  const opened: string[] = [];
  const clipboard = memoryClipboard();
  const app = await createAppServices({
    ...options,
    platform: webPlatform(opened, options.hooks),
    policy: options.hooks.policy,
    checkUpdate: options.hooks.checkUpdate,
    chooseImportFile: options.hooks.chooseImportFile,
    exportShell: options.hooks.exportShell,
    chooseBackupFolder: options.hooks.chooseBackupFolder,
    desktop: { clipboard, probe: options.hooks.dateProbe ?? httpsDateProbe({ now: () => options.clock.now() }) },
  });
  return { services: app.services, handlers: app.handlers, opened, clipboard, close: app.close };
}
