/**
 * The global shortcut that opens the quick-pick (settings.shortcut, default
 * CommandOrControl+Alt+A). A shortcut another app already holds makes
 * `globalShortcut.register` return false; that is reported as a status the
 * settings page shows, never silently lost. An accelerator Electron cannot
 * parse throws; that is reported too.
 */
import type { ShortcutStatus } from '../common/desktop';

/** The part of Electron's globalShortcut we use (injected: tests pass a fake that can be "taken"). */
export interface ShortcutApi {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export class ShortcutBinding {
  private current: ShortcutStatus = { accelerator: '', registered: false, problem: 'none' };

  constructor(
    private readonly api: ShortcutApi,
    private readonly onPress: () => void,
    private readonly onStatus: (status: ShortcutStatus) => void,
  ) {}

  status(): ShortcutStatus {
    return { ...this.current };
  }

  /** Binds `accelerator` in place of the previous one ('' = none). Reports only when something changed. */
  apply(accelerator: string): ShortcutStatus {
    const wanted = accelerator.trim();
    if (wanted === this.current.accelerator && this.current.registered) return this.status();
    if (this.current.registered) this.api.unregister(this.current.accelerator);
    let next: ShortcutStatus;
    if (wanted === '') next = { accelerator: '', registered: false, problem: 'none' };
    else {
      try {
        const ok = this.api.register(wanted, this.onPress);
        next = { accelerator: wanted, registered: ok, problem: ok ? null : 'taken' };
      } catch {
        next = { accelerator: wanted, registered: false, problem: 'invalid' };
      }
    }
    const changed = JSON.stringify(next) !== JSON.stringify(this.current);
    this.current = next;
    if (changed) this.onStatus(this.status());
    return this.status();
  }

  release(): void {
    if (this.current.registered) this.api.unregister(this.current.accelerator);
    this.current = { ...this.current, registered: false };
  }
}
