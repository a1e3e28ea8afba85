/**
 * Copying a code in main: the clipboard guard over Electron's clipboard (the
 * fake commits each write() atomically and replaces everything, as Electron
 * does), injected timers and clock. And why it exists: under our permission
 * handler a page's navigator.clipboard.writeText is refused.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('../fake-electron'));
import { BrowserWindow, clipboard, FakeSession, pageClipboardWriteText } from '../fake-electron';
import { fixedClock } from '../../../core/clock';
import { ClipboardGuard, concealedFormats, osFormat, type TimerPort } from '../../../electron/clipboard-guard';
import { electronClipboard } from '../../../electron/desktop-adapters';
import { hardenSession } from '../../../electron/window';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const bytes = (text: string) => new TextEncoder().encode(text);

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: TimerPort = {
    set: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fireAll = async () => {
    const due = [...pending.values()];
    pending.clear();
    for (const t of due) t.fn();
    await vi.waitFor(() => undefined); // let the async clear run
    await new Promise((r) => setImmediate(r));
  };
  return { timers, pending, fireAll };
}

function guard(platform: NodeJS.Platform, seconds = 30) {
  const clock = fixedClock(T0);
  const t = manualTimers();
  const g = new ClipboardGuard({
    clipboard: electronClipboard,
    timers: t.timers,
    clock,
    platform,
    clearSeconds: async () => seconds,
  });
  return { g, clock, ...t };
}

beforeEach(() => {
  clipboard.formats = {};
  clipboard.writes = 0;
});

describe('copying a code from main', () => {
  it('writes the text and the concealment markers in one atomic write (Linux/KDE)', async () => {
    const { g } = guard('linux');
    expect(await g.copy('123456')).toBe(30);
    expect(clipboard.writes).toBe(1);
    expect(await clipboard.readText()).toBe('123456');
    expect(clipboard.formats[osFormat('x-kde-passwordManagerHint')]).toEqual(bytes('secret'));
  });

  it('uses the macOS and Windows conventions on those systems', async () => {
    await guard('darwin').g.copy('654321');
    expect(Object.keys(clipboard.formats).sort()).toEqual(
      ['text/plain', 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"'].sort(),
    );
    await guard('win32').g.copy('654321');
    expect(clipboard.formats[osFormat('ExcludeClipboardContentFromMonitorProcessing')]).toBeDefined();
    expect(clipboard.formats[osFormat('CanIncludeInClipboardHistory')]).toEqual(new Uint8Array(4));
    expect(clipboard.formats[osFormat('CanUploadToCloudClipboard')]).toEqual(new Uint8Array(4));
    expect(await clipboard.readText()).toBe('654321');
  });

  it('writing text then a marker separately would have lost the text (why it is one write)', async () => {
    await clipboard.writeText('123456');
    await electronClipboard.write(concealedFormats('linux', '123456'));
    expect(await clipboard.readText()).toBe('');
  });

  it('clears after clipboardClearSeconds while the clipboard still holds the code', async () => {
    const { g, pending, fireAll } = guard('linux', 20);
    await g.copy('123456');
    expect([...pending.values()].map((t) => t.ms)).toEqual([20_000]);
    await fireAll();
    expect(await clipboard.readText()).toBe('');
    expect(g.holding).toBe(false);
  });

  it('leaves the clipboard alone when the person copied something else since', async () => {
    const { g, fireAll } = guard('linux');
    await g.copy('123456');
    await clipboard.writeText('my own note');
    await fireAll();
    expect(await clipboard.readText()).toBe('my own note');
    expect(await g.clearIfOurs()).toBe(false);
  });

  it('0 seconds: never cleared by time, still cleared on lock/quit (clearIfOurs)', async () => {
    const { g, pending } = guard('linux', 0);
    expect(await g.copy('123456')).toBe(0);
    expect(pending.size).toBe(0);
    expect(await g.clearIfDue()).toBe(false);
    expect(await g.clearIfOurs()).toBe(true);
    expect(await clipboard.readText()).toBe('');
  });

  it('a second copy replaces the first timer', async () => {
    const { g, pending } = guard('linux');
    await g.copy('111111');
    await g.copy('222222');
    expect(pending.size).toBe(1);
  });

  it('after sleep, a code whose time is up is cleared at once (timers stood still)', async () => {
    const { g, clock } = guard('linux', 30);
    await g.copy('123456');
    clock.advance(29_000);
    expect(await g.clearIfDue()).toBe(false);
    clock.advance(2_000);
    expect(await g.clearIfDue()).toBe(true);
    expect(await clipboard.readText()).toBe('');
  });
});

describe('the old renderer copy path', () => {
  it('is refused under our permission handler, as in real Electron', async () => {
    const session = new FakeSession();
    hardenSession(session as never);
    const win = new BrowserWindow();
    await win.loadURL('app://authdesk/index.html');
    await expect(pageClipboardWriteText(session, win.webContents, '123456')).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    expect(await clipboard.readText()).toBe('');
  });

  it('only worked in the test browser because nothing there refuses it', async () => {
    const open = new FakeSession(); // no handler installed: Electron's default grants
    const win = new BrowserWindow();
    await win.loadURL('app://authdesk/index.html');
    await pageClipboardWriteText(open, win.webContents, '123456');
    expect(await clipboard.readText()).toBe('123456');
  });
});
