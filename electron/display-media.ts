/**
 * Screen capture for the QR scanner. The renderer calls getDisplayMedia();
 * main answers with a whole screen from desktopCapturer, without a picker:
 * the person already pressed "Scan my screen", and a picker listing windows
 * would only add a step (and could offer our own window).
 *
 * Several displays: each getDisplayMedia() call in one capture round gets the
 * next screen (0, 1, 2, ... in app.displays order); once every screen was handed out the call is
 * refused, which tells the renderer it has seen them all. A round starts at
 * app.stepAside / app.comeBack, or after ROUND_IDLE_MS without a request, so
 * a renderer that only ever asks once always gets the first screen.
 *
 * useSystemPicker stays false: the macOS system picker would ask every time.
 * On Wayland, Chromium goes through the desktop portal, which shows its own
 * picker whatever we do; AppInfo.waylandSession lets the renderer explain it.
 */
import { desktopCapturer, type BrowserWindow, type DesktopCapturerSource, type Session } from 'electron';
import type { Clock } from '../core/clock';
import { inDisplayOrder, listDisplays } from './displays';
import { isAppUrl } from './ipc/origin';

export const ROUND_IDLE_MS = 10_000;
/** How long stepAside waits for the 'hide' event before going ahead anyway. */
export const HIDE_TIMEOUT_MS = 200;

export class CaptureRound {
  private nextIndex = 0;
  private lastRequestAt = -Infinity;
  constructor(private readonly clock: Clock) {}

  /** The index of the screen to hand out now, or null when every one of `count` was handed out. */
  take(count: number): number | null {
    const now = this.clock.now();
    if (now - this.lastRequestAt > ROUND_IDLE_MS) this.nextIndex = 0;
    this.lastRequestAt = now;
    if (this.nextIndex >= count) return null;
    return this.nextIndex++;
  }

  reset(): void {
    this.nextIndex = 0;
    this.lastRequestAt = -Infinity;
  }
}

type ListScreens = () => Promise<DesktopCapturerSource[]>;

// No thumbnails: we never show a picker, and rendering them costs time per display.
// Ordered like app.displays, so the renderer knows which display each capture shows.
const listScreens: ListScreens = async () =>
  inDisplayOrder(
    await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 } }),
    listDisplays(),
  );

export function installDisplayMediaHandler(
  session: Session,
  round: CaptureRound,
  screens: ListScreens = listScreens,
): void {
  session.setDisplayMediaRequestHandler(
    (request, callback) => {
      const frame = request.frame;
      // Only our own top-level page may capture the screen.
      if (!frame || frame.parent !== null || !isAppUrl(frame.url) || !isAppUrl(request.securityOrigin)) {
        callback(null);
        return;
      }
      screens()
        .then((sources) => {
          const index = round.take(sources.length);
          callback(index === null ? null : { video: sources[index]! });
        })
        .catch(() => callback(null));
    },
    { useSystemPicker: false },
  );
}

/** Hides the window so the capture shows what is behind it; resolves once hidden (or after a short wait). */
export function stepAside(win: BrowserWindow, round: CaptureRound): Promise<void> {
  round.reset();
  if (!win.isVisible()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      win.off('hide', done);
      resolve();
    };
    // Some window managers never send 'hide' for an already-unmapped window.
    const timer = setTimeout(done, HIDE_TIMEOUT_MS);
    win.on('hide', done);
    win.hide();
  });
}

export function comeBack(win: BrowserWindow, round: CaptureRound): Promise<void> {
  round.reset();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return Promise.resolve();
}
