/**
 * The optional app lock (settings.appLock: 'off' | 'password' | 'os'). While
 * locked no code leaves main: the code channels refuse with 'app-locked'
 * (handlers/index.ts), the tray and quick-pick list nothing, the renderer
 * shows the lock screen, and main forgets its decoded keys and clears a
 * copied code. The secrets themselves stay in the OS keychain either way:
 * the lock guards the screen, not the keychain.
 *
 * No `electron` import: the OS prompt is injected (Touch ID in the app).
 */
import { AuthdeskError } from '../common/errors';
import type { LockState } from '../common/desktop';
import type { AppLockKind } from '../common/settings';
import type { LockPasswordFile } from '../core/app-lock-password';
import type { SettingsStore } from '../core/settings';

/** The OS's own unlock. Electron reaches Touch ID only; Windows Hello needs a native module. */
export interface OsPrompt {
  available(): boolean;
  /** Resolves true when the person authenticated, false when they cancelled or failed. */
  prompt(reason: string): Promise<boolean>;
}

export const noOsPrompt: OsPrompt = { available: () => false, prompt: async () => false };

export interface AppLockOptions {
  settings: SettingsStore;
  passwords: LockPasswordFile;
  os: OsPrompt;
  /** Runs on every lock: drop decoded keys, clear a copied code. */
  onLock: () => void | Promise<void>;
  onChange: (state: LockState) => void;
}

export class AppLock {
  private locked = false;

  constructor(private readonly options: AppLockOptions) {}

  isLocked(): boolean {
    return this.locked;
  }

  async state(): Promise<LockState> {
    const kind = (await this.options.settings.get()).appLock;
    return {
      locked: this.locked,
      kind,
      passwordSet: await this.options.passwords.isSet(),
      osPromptAvailable: this.options.os.available(),
    };
  }

  /** Locks if a lock is configured and usable; `quiet` (automatic locks) never throws for "not configured". */
  async lock(quiet = false): Promise<LockState> {
    const problem = await this.cannotLock();
    if (problem) {
      if (quiet) return this.state();
      throw new AuthdeskError('lock-unavailable', problem);
    }
    if (!this.locked) {
      this.locked = true;
      await this.options.onLock();
      this.changed();
    }
    return this.state();
  }

  async unlock(password?: string): Promise<LockState> {
    if (!this.locked) return this.state();
    const kind = (await this.options.settings.get()).appLock;
    const ok = await this.check(kind, password);
    if (!ok) {
      throw new AuthdeskError(
        'wrong-password',
        kind === 'os' ? 'The system did not confirm it is you. Try again.' : 'That password is not right.',
      );
    }
    this.locked = false;
    this.changed();
    return this.state();
  }

  /** Sets the lock password; changing an existing one needs the current one. */
  async setPassword(password: string, current?: string): Promise<LockState> {
    const { passwords } = this.options;
    if (await passwords.isSet()) {
      if (current === undefined || !(await passwords.verify(current)))
        throw new AuthdeskError('wrong-password', 'Enter the current lock password to change it.');
    }
    await passwords.set(password);
    this.changed();
    return this.state();
  }

  /** Start-up: an app with a lock configured starts locked. */
  async lockOnStart(): Promise<void> {
    if (!(await this.cannotLock())) {
      this.locked = true;
      await this.options.onLock();
    }
  }

  private async check(kind: AppLockKind, password: string | undefined): Promise<boolean> {
    if (kind === 'off') return true; // the lock was turned off while locked: nothing left to ask
    if (kind === 'os') {
      if (!this.options.os.available()) return password !== undefined && this.options.passwords.verify(password);
      return this.options.os.prompt('unlock Authdesk');
    }
    if (password === undefined) return false;
    return this.options.passwords.verify(password);
  }

  private async cannotLock(): Promise<string | null> {
    const kind = (await this.options.settings.get()).appLock;
    if (kind === 'off') return 'The app lock is off. Turn it on in Settings first.';
    if (kind === 'password' && !(await this.options.passwords.isSet())) return 'Set a lock password in Settings first.';
    if (kind === 'os' && !this.options.os.available() && !(await this.options.passwords.isSet()))
      return 'This system offers no unlock Authdesk can use (Touch ID is macOS only): set a lock password instead.';
    return null;
  }

  private changed(): void {
    void this.state().then(this.options.onChange, () => undefined);
  }
}
