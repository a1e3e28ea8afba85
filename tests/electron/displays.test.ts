/**
 * app.displays and the display-media handler share one display order, so the
 * renderer's i-th capture of a round is the i-th display it was told of.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { desktopCapturer, FakeFrame, FakeSession, screen } from './fake-electron';
import { fixedClock } from '../../core/clock';
import { CaptureRound, installDisplayMediaHandler } from '../../electron/display-media';
import { inDisplayOrder } from '../../electron/displays';
import { electronPlatform } from '../../electron/platform';

afterEach(() => {
  screen.displays = [];
  desktopCapturer.sources = [];
});

const LEFT = { id: 2779098405, bounds: { x: -1280, y: 0, width: 1280, height: 1024 }, scaleFactor: 1, rotation: 0 };
const MAIN = { id: 69734662, bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2, label: 'Built-in' };

describe('platform.displays', () => {
  it('reports every display in Electron’s order, with string ids, bounds and scale only', () => {
    screen.displays = [MAIN, LEFT];
    const platform = electronPlatform(() => null, new CaptureRound(fixedClock(0)));
    expect(platform.displays()).toEqual([
      { id: '69734662', bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2 },
      { id: '2779098405', bounds: { x: -1280, y: 0, width: 1280, height: 1024 }, scaleFactor: 1 },
    ]);
  });

  it('reports no displays as an empty list (the renderer then takes one capture)', () => {
    const platform = electronPlatform(() => null, new CaptureRound(fixedClock(0)));
    expect(platform.displays()).toEqual([]);
  });
});

describe('screen sources in display order', () => {
  const source = (id: string, display_id: string) => ({ id, name: id, display_id }) as never;

  it('sorts by display id; sources without a matching display go last, in Electron’s order', () => {
    const displays = [
      { id: '7', bounds: { x: 0, y: 0, width: 1, height: 1 }, scaleFactor: 1 },
      { id: '3', bounds: { x: 1, y: 0, width: 1, height: 1 }, scaleFactor: 1 },
    ];
    const sorted = inDisplayOrder(
      [source('s-x', ''), source('s-3', '3'), source('s-y', '99'), source('s-7', '7')],
      displays,
    );
    expect(sorted.map((s) => s.id)).toEqual(['s-7', 's-3', 's-x', 's-y']);
  });

  it('the display-media handler hands out screens in that order, round after round', async () => {
    screen.displays = [MAIN, LEFT];
    desktopCapturer.sources = [
      { id: 'screen:1:0', name: 'Screen 2', display_id: '2779098405' },
      { id: 'screen:0:0', name: 'Screen 1', display_id: '69734662' },
    ];
    const session = new FakeSession();
    const round = new CaptureRound(fixedClock(0));
    installDisplayMediaHandler(session as never, round);
    const request = () =>
      new Promise<{ video: { id: string } } | null>((resolve) =>
        session.displayMediaHandler!(
          {
            frame: new FakeFrame('app://authdesk/index.html'),
            securityOrigin: 'app://authdesk',
            videoRequested: true,
            audioRequested: false,
            userGesture: true,
          },
          resolve,
        ),
      );
    const ids = async () => [(await request())?.video.id, (await request())?.video.id, await request()];
    expect(await ids()).toEqual(['screen:0:0', 'screen:1:0', null]);
    round.reset();
    expect(await ids()).toEqual(['screen:0:0', 'screen:1:0', null]);
  });
});
