/**
 * What main tells the renderer about the desktop features: the app lock, the
 * global shortcut, the clock check and a copied code. No secrets, no codes.
 */
import type { AppLockKind } from './settings';

export interface LockState {
  locked: boolean;
  /** settings.appLock as main applies it. */
  kind: AppLockKind;
  /** A lock password has been set (its scrypt hash exists in the data folder). */
  passwordSet: boolean;
  /** The OS can prompt (Touch ID on macOS); false on Windows and Linux. */
  osPromptAvailable: boolean;
}

export interface ShortcutStatus {
  /** The accelerator from settings ('' = none). */
  accelerator: string;
  registered: boolean;
  /** Why it is not registered: taken by another app, not a valid accelerator, or none set. */
  problem: 'taken' | 'invalid' | 'none' | null;
}

export interface ClockStatus {
  /** 'unchecked' until the first check ends; 'offline' when the server could not be reached. */
  state: 'unchecked' | 'ok' | 'skewed' | 'offline';
  /** Server time minus this computer's time, ms (positive: this clock is behind). */
  offsetMs: number | null;
  /** The host asked (the configured portal by default). */
  server: string;
  checkedAt: number | null;
  /** The offset is being added to codes (settings.applyClockOffset and a measured offset). */
  applied: boolean;
}

export interface DesktopStatus {
  shortcut: ShortcutStatus;
  clock: ClockStatus;
}

export interface CopyResult {
  /** Seconds until main clears the clipboard (if it still holds this code); 0 = never. */
  clearAfterSeconds: number;
}

/** Above this the clock check warns (TOTP servers usually accept about one 30 s step either way). */
export const CLOCK_SKEW_WARN_MS = 15_000;
