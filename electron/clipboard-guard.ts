/**
 * Copying a code, done in main: the text plus the markers each OS uses for
 * "a password manager put this here, keep it out of clipboard history and
 * sync", then clearing it after `clipboardClearSeconds`, on lock and on quit,
 * but only while the clipboard still holds what we put there (KeePassXC's
 * rule: never wipe something the person copied since).
 *
 * No `electron` import: the clipboard, the timers and the clock are injected,
 * so this runs under plain Node in the tests and in the web test bridge.
 *
 * Electron 45's clipboard is the W3C-shaped one (`clipboard.write([ClipboardItem])`):
 * one write commits every format atomically. Writing the text and then each
 * marker with separate calls would not work: every write replaces the whole
 * clipboard (electron/electron#2130, #41462), so the markers would wipe the text.
 */
import type { Clock } from '../core/clock';

/** Raw OS clipboard formats go through Electron's custom format prefix. */
export const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

const DWORD_ZERO = new Uint8Array(4); // a little-endian 0: "no" for the two Windows opt-outs

/** The concealment markers for `platform`, as format -> payload. */
export function concealedFormats(platform: NodeJS.Platform, text: string): Record<string, Uint8Array> {
  const utf8 = new TextEncoder().encode(text);
  switch (platform) {
    case 'darwin':
      // nspasteboard.org: clipboard managers skip items carrying this type.
      return { [osFormat('org.nspasteboard.ConcealedType')]: utf8 };
    case 'win32':
      return {
        // Clipboard monitors (and Windows' own history) skip content with this format.
        [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: new Uint8Array([1]),
        // Win+V history and cloud clipboard sync: a DWORD 0 opts this item out.
        [osFormat('CanIncludeInClipboardHistory')]: DWORD_ZERO,
        [osFormat('CanUploadToCloudClipboard')]: DWORD_ZERO,
      };
    default:
      // KDE's Klipper (and others that follow it) do not keep items with this hint.
      return { [osFormat('x-kde-passwordManagerHint')]: new TextEncoder().encode('secret') };
  }
}

/** The system clipboard, reduced to what we need. `write` commits all entries at once. */
export interface ClipboardPort {
  write(entries: Record<string, string | Uint8Array>): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

export interface TimerPort {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const nodeTimers: TimerPort = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.(); // a pending clear must not keep a quitting process alive
    return t;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ClipboardGuardOptions {
  clipboard: ClipboardPort;
  timers?: TimerPort;
  clock: Clock;
  platform: NodeJS.Platform;
  /** settings.clipboardClearSeconds, read at each copy (0 = never). */
  clearSeconds: () => Promise<number>;
}

export class ClipboardGuard {
  private held: { text: string; clearAt: number | null } | null = null;
  private timer: unknown = null;
  private readonly timers: TimerPort;

  constructor(private readonly options: ClipboardGuardOptions) {
    this.timers = options.timers ?? nodeTimers;
  }

  /** Writes `code` (concealed) and schedules its clearing. Returns the delay in seconds (0 = never). */
  async copy(code: string): Promise<number> {
    const seconds = await this.options.clearSeconds();
    await this.options.clipboard.write({ 'text/plain': code, ...concealedFormats(this.options.platform, code) });
    this.cancelTimer();
    const now = this.options.clock.now();
    this.held = { text: code, clearAt: seconds > 0 ? now + seconds * 1000 : null };
    if (seconds > 0) this.timer = this.timers.set(() => void this.clearIfOurs().catch(() => undefined), seconds * 1000);
    return seconds;
  }

  /** Clears the clipboard if it still holds the code we wrote. Returns whether it cleared. */
  async clearIfOurs(): Promise<boolean> {
    const held = this.held;
    this.cancelTimer();
    this.held = null;
    if (!held) return false;
    if ((await this.options.clipboard.readText()) !== held.text) return false;
    await this.options.clipboard.clear();
    return true;
  }

  /**
   * Timers stand still while the computer sleeps: on wake, a code whose time
   * is up is cleared now rather than whenever the timer finally fires.
   */
  async clearIfDue(): Promise<boolean> {
    const held = this.held;
    if (!held || held.clearAt === null || this.options.clock.now() < held.clearAt) return false;
    return this.clearIfOurs();
  }

  /** True while a copied code may still be on the clipboard (quit waits for the clear). */
  get holding(): boolean {
    return this.held !== null;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
