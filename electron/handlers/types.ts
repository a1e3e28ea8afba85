/**
 * What the handlers need from the outside world, and the shape they return.
 * Plain Node only: the Electron registry and the web test bridge both build
 * handlers from these services, so nothing here may import `electron`.
 */
import type { Clock } from '../../core/clock';
import type { SettingsStore } from '../../core/settings';
import type { Vault } from '../../core/vault/types';
import type {
  AppInfo,
  Channel,
  DisplayInfo,
  ParsedInputOf,
  ResultOf,
  UpdateCheckResult,
} from '../../common/ipc/contract';
import type { DesktopServices } from './desktop-services';
import type { ExportShell } from './export-shell';
import type { AutoBackup } from '../../core/backup/index';

/** The few things only the shell can do (Electron in the app, stand-ins in the web bridge). */
export interface Platform {
  /** Opens an https: link in the default browser. */
  openExternal(url: string): Promise<void>;
  /** Moves the window out of the way before a screen capture; resolves once it is gone. */
  stepAside(): Promise<void>;
  /** Brings the window back and focuses it. */
  comeBack(): Promise<void>;
  info(): AppInfo;
  /** Every display, in the order getDisplayMedia hands out their captures. */
  displays(): DisplayInfo[];
}

export interface Services {
  vault: Vault;
  settings: SettingsStore;
  clock: Clock;
  platform: Platform;
  /** Asks the release feed (core/update-check.ts); absent where no network check belongs (the web bridge). */
  checkUpdate?: () => Promise<UpdateCheckResult>;
  /** Clipboard, app lock, clock check, shortcut and quick-pick (desktop-services.ts). */
  desktop: DesktopServices;
  /** The "Import from another app" open dialog: the chosen path, or null when cancelled. Absent: no dialog here. */
  chooseImportFile?: () => Promise<string | null>;
  /** The export side's dialogs and window protection (export-shell.ts). Absent: nothing can be exported here. */
  exportShell?: ExportShell;
  /** Automatic local backups (core/backup). Absent: the backup channels say they are not available. */
  backup?: AutoBackup;
  /** The backup folder dialog: the chosen folder, or null when cancelled. Absent: no dialog here. */
  chooseBackupFolder?: () => Promise<string | null>;
}

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Promise<ResultOf<C>>;

/** One plain async function per contract channel. */
export type Handlers = { [C in Channel]: Handler<C> };

/** A group's slice of the handlers (`accounts.*`, `codes.*`, ...). */
export type HandlerGroup<G extends string> = { [C in Channel as C extends `${G}.${string}` ? C : never]: Handler<C> };
