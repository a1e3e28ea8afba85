import { describe, expect, it } from 'vitest';
import { clockJumpDetector } from '../../../electron/clock-jumps';
import { appInfo } from '../../../electron/app-info';

describe('clock jumps', () => {
  it('fires when the wall clock moves differently from the monotonic clock, not when both move together', () => {
    let wall = 1_700_000_000_000;
    let mono = 0;
    let jumps = 0;
    const tick = clockJumpDetector({
      onJump: () => jumps++,
      wallNow: () => wall,
      monotonicNow: () => mono,
      toleranceMs: 2_000,
    });
    wall += 15_000;
    mono += 15_000;
    tick();
    wall += 16_500; // a little scheduling noise
    mono += 15_000;
    tick();
    expect(jumps).toBe(0);
    wall += 3_600_000 + 15_000; // someone set the clock an hour ahead
    mono += 15_000;
    tick();
    expect(jumps).toBe(1);
    wall -= 60_000; // NTP pulls it back
    mono += 15_000;
    tick();
    expect(jumps).toBe(2);
  });
});

describe('appInfo', () => {
  it('reports Wayland sessions (the portal picker) and the portal presets', () => {
    expect(appInfo('1.2.3', 'linux', { XDG_SESSION_TYPE: 'wayland' })).toMatchObject({
      version: '1.2.3',
      platform: 'linux',
      waylandSession: true,
    });
    expect(appInfo('1.2.3', 'linux', { XDG_SESSION_TYPE: 'x11' }).waylandSession).toBe(false);
    expect(appInfo('1.2.3', 'darwin', { XDG_SESSION_TYPE: 'wayland' })).toMatchObject({
      platform: 'darwin',
      waylandSession: false,
    });
    expect(appInfo('1.2.3', 'freebsd', {}).platform).toBe('linux');
    expect(appInfo('1.2.3', 'win32', {}).portalPresets.map((p) => p.name)).toEqual([
      'Educloud (UiO)',
      'Other (enter URL)',
    ]);
  });
});
