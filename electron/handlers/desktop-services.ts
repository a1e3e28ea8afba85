/**
 * The everyday-desktop services the handlers use, built the same way by the
 * app (electron/desktop.ts passes Electron's clipboard, Touch ID, the shortcut),
 * the web test bridge and the handler tests (stand-ins for the shell parts).
 * Locking drops everything main holds that is derived from a secret: the
 * decoded keys and remembered codes (key-cache), the last HOTP codes shown,
 * and a copied code still on the clipboard.
 */
import type { Clock } from '../../core/clock';
import { ClockCheck, type DateProbe } from '../../core/clock-check';
import { lockPasswordFile, type LockPasswordFile } from '../../core/app-lock-password';
import { clearKeyCache } from '../../core/otp/key-cache';
import type { SettingsStore } from '../../core/settings';
import type { ClockStatus, LockState, ShortcutStatus } from '../../common/desktop';
import { AppLock, noOsPrompt, type OsPrompt } from '../app-lock';
import { ClipboardGuard, type ClipboardPort, type TimerPort } from '../clipboard-guard';

/** The HOTP code each account last showed: "copy" copies that one instead of spending another counter. */
export class ShownHotp {
  private readonly codes = new Map<string, string>();
  remember(id: string, code: string): void {
    this.codes.set(id, code);
  }
  get(id: string): string | undefined {
    return this.codes.get(id);
  }
  clear(): void {
    this.codes.clear();
  }
}

export interface DesktopServices {
  clipboard: ClipboardGuard;
  lock: AppLock;
  clockCheck: ClockCheck;
  shownHotp: ShownHotp;
  shortcutStatus(): ShortcutStatus;
  closeQuickPick(): Promise<void>;
  /** Tells every window (and the tray) that the list changed order: a pin is our own write, which the file watcher ignores. */
  accountsChanged(): void;
}

export interface DesktopServiceOptions {
  dataDir: string;
  settings: SettingsStore;
  /** The raw local clock (the clock check measures it; codes use the offset one). */
  clock: Clock;
  clipboard: ClipboardPort;
  platform: NodeJS.Platform;
  timers?: TimerPort;
  os?: OsPrompt;
  probe: DateProbe;
  passwords?: LockPasswordFile;
  shortcutStatus?: () => ShortcutStatus;
  closeQuickPick?: () => Promise<void>;
  accountsChanged?: () => void;
  onLockChange?: (state: LockState) => void;
  onClockStatus?: (status: ClockStatus) => void;
}

export function createDesktopServices(options: DesktopServiceOptions): DesktopServices & {
  /** settings.applyClockOffset as last read (kept current by the caller via settings.onChange). */
  setApplyOffset(on: boolean): void;
} {
  const { settings } = options;
  let applyOffset = false;
  void settings.get().then(
    (s) => (applyOffset = s.applyClockOffset),
    () => undefined,
  );
  const clipboard = new ClipboardGuard({
    clipboard: options.clipboard,
    timers: options.timers,
    clock: options.clock,
    platform: options.platform,
    clearSeconds: async () => (await settings.get()).clipboardClearSeconds,
  });
  const shownHotp = new ShownHotp();
  const lock = new AppLock({
    settings,
    passwords: options.passwords ?? lockPasswordFile(options.dataDir),
    os: options.os ?? noOsPrompt,
    onLock: async () => {
      clearKeyCache();
      shownHotp.clear();
      await clipboard.clearIfOurs().catch(() => undefined);
    },
    onChange: (state) => options.onLockChange?.(state),
  });
  const clockCheck = new ClockCheck({
    probe: options.probe,
    clock: options.clock,
    url: async () => (await settings.get()).portalUrl,
    applyOffset: () => applyOffset,
    onStatus: options.onClockStatus,
  });
  return {
    clipboard,
    lock,
    clockCheck,
    shownHotp,
    shortcutStatus: options.shortcutStatus ?? (() => ({ accelerator: '', registered: false, problem: 'none' })),
    closeQuickPick: options.closeQuickPick ?? (async () => undefined),
    accountsChanged: options.accountsChanged ?? (() => undefined),
    setApplyOffset: (on) => void (applyOffset = on),
  };
}
