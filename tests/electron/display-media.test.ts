import { afterEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { BrowserWindow, FakeFrame, FakeSession } from './fake-electron';
import { fixedClock } from '../../core/clock';
import {
  CaptureRound,
  comeBack,
  HIDE_TIMEOUT_MS,
  installDisplayMediaHandler,
  ROUND_IDLE_MS,
  stepAside,
} from '../../electron/display-media';

const SCREENS = [
  { id: 'screen:0:0', name: 'Screen 1' },
  { id: 'screen:1:0', name: 'Screen 2' },
];

afterEach(() => void vi.useRealTimers());

describe('CaptureRound', () => {
  it('hands out each screen once per round, then refuses', () => {
    const round = new CaptureRound(fixedClock(0));
    expect([round.take(2), round.take(2), round.take(2)]).toEqual([0, 1, null]);
    round.reset();
    expect(round.take(2)).toBe(0);
  });

  it('starts a new round after a pause, so a single-capture renderer always gets the first screen', () => {
    const clock = fixedClock(0);
    const round = new CaptureRound(clock);
    expect(round.take(2)).toBe(0);
    clock.advance(ROUND_IDLE_MS + 1);
    expect(round.take(2)).toBe(0);
    clock.advance(ROUND_IDLE_MS - 1);
    expect(round.take(2)).toBe(1);
  });
});

describe('the display-media handler', () => {
  function setUp(screens: () => Promise<unknown[]> = async () => SCREENS) {
    const session = new FakeSession();
    const round = new CaptureRound(fixedClock(0));
    installDisplayMediaHandler(session as never, round, screens as never);
    const request = (frame: FakeFrame | null, securityOrigin = 'app://authdesk') =>
      new Promise<unknown>((resolve) =>
        session.displayMediaHandler!(
          { frame, securityOrigin, videoRequested: true, audioRequested: false, userGesture: true },
          resolve,
        ),
      );
    return { session, round, request };
  }
  const ours = () => new FakeFrame('app://authdesk/index.html');

  it('answers our page with one whole screen per call, no picker, no audio', async () => {
    const { session, request } = setUp();
    expect(session.displayMediaOptions).toEqual({ useSystemPicker: false });
    expect(await request(ours())).toEqual({ video: SCREENS[0] });
    expect(await request(ours())).toEqual({ video: SCREENS[1] });
    expect(await request(ours())).toBeNull();
  });

  it('refuses other origins, subframes and vanished frames', async () => {
    const { request } = setUp();
    expect(await request(new FakeFrame('https://evil.example/'), 'https://evil.example')).toBeNull();
    expect(await request(new FakeFrame('app://authdesk/index.html', ours()))).toBeNull();
    expect(await request(null)).toBeNull();
    expect(await request(ours(), 'https://evil.example')).toBeNull();
  });

  it('refuses (rather than crashing) when the screens cannot be listed', async () => {
    const { request } = setUp(async () => {
      throw new Error('no screen access');
    });
    expect(await request(ours())).toBeNull();
  });
});

describe('stepping aside for a capture', () => {
  it('hides the window and resolves once it is hidden; comes back restored and focused', async () => {
    const win = new BrowserWindow();
    win.show();
    const round = new CaptureRound(fixedClock(0));
    round.take(2);
    await stepAside(win as never, round);
    expect(win.visible).toBe(false);
    expect(round.take(2)).toBe(0); // a new round starts with the first screen
    win.minimized = true;
    await comeBack(win as never, round);
    expect(win.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
    expect(win.visible).toBe(true);
  });

  it('does not wait forever when the window manager sends no hide event', async () => {
    vi.useFakeTimers();
    const win = new BrowserWindow();
    win.show();
    win.emitsHide = false;
    let done = false;
    const pending = stepAside(win as never, new CaptureRound(fixedClock(0))).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(HIDE_TIMEOUT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
    expect(win.listenerCount('hide')).toBe(0);
  });

  it('returns at once when the window is already hidden', async () => {
    const win = new BrowserWindow();
    await stepAside(win as never, new CaptureRound(fixedClock(0)));
    expect(win.calls).toEqual([]);
  });
});
