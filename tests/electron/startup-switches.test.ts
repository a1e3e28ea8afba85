/** What main.ts decides from its command line before anything runs: debugging refused in release builds, the test clock only in development. */
import { describe, expect, it } from 'vitest';
import { appClock, policyOverrideAllowed, refuseDebugging } from '../../electron/startup-switches';

function fakeApp(isPackaged: boolean, switches: string[]) {
  const set = new Set(switches);
  return {
    isPackaged,
    switches: set,
    commandLine: { hasSwitch: (n: string) => set.has(n), removeSwitch: (n: string) => void set.delete(n) },
  };
}

describe('refuseDebugging', () => {
  it.each(['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address'])(
    'refuses --%s in a packaged app and removes the switch',
    (name) => {
      const app = fakeApp(true, [name, 'self-test']);
      expect(refuseDebugging(app)).toBe(
        `authdesk: --${name} is not allowed in release builds (it would expose the app to a debugger).`,
      );
      expect([...app.switches]).toEqual(['self-test']);
    },
  );

  it('lets development builds keep them (Playwright drives `electron .` through them)', () => {
    const app = fakeApp(false, ['remote-debugging-port']);
    expect(refuseDebugging(app)).toBeNull();
    expect(app.switches.has('remote-debugging-port')).toBe(true);
  });

  it('lets a packaged app start normally without them', () => {
    expect(refuseDebugging(fakeApp(true, ['self-test']))).toBeNull();
  });
});

describe('appClock', () => {
  const T = Date.UTC(2026, 0, 15, 12, 0, 0);

  it('stands still at AUTHDESK_TEST_NOW_MS in development, and says so', () => {
    const { clock, note } = appClock(fakeApp(false, []), { AUTHDESK_TEST_NOW_MS: String(T) });
    expect(clock.now()).toBe(T);
    expect(note).toBe('test clock fixed at 2026-01-15T12:00:00.000Z (AUTHDESK_TEST_NOW_MS)');
  });

  it('is always the real time in a packaged app', () => {
    const { clock, note } = appClock(fakeApp(true, []), { AUTHDESK_TEST_NOW_MS: String(T) });
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(60_000);
    expect(note).toBeNull();
  });

  it('ignores a value that is not milliseconds, with a note', () => {
    const { clock, note } = appClock(fakeApp(false, []), { AUTHDESK_TEST_NOW_MS: 'yesterday' });
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(60_000);
    expect(note).toMatch(/not milliseconds/);
  });

  it('honours the policy file override only in development', () => {
    expect(policyOverrideAllowed(fakeApp(false, []))).toBe(true);
    expect(policyOverrideAllowed(fakeApp(true, []))).toBe(false);
  });
});
