/**
 * Decisions main.ts takes from its command line and environment before
 * anything else runs. Pure functions over an app-like object, so
 * tests/electron/startup-switches.test.ts checks them without Electron.
 */
import { fixedClock, systemClock, type Clock } from '../core/clock';
import { forbiddenDebugSwitch } from './debug-flags';

interface CommandLine {
  hasSwitch(name: string): boolean;
  removeSwitch(name: string): void;
}
interface AppLike {
  isPackaged: boolean;
  commandLine: CommandLine;
}

/**
 * Switches that would hand the running app to a debugger. The fuses already
 * ignore --inspect* (EnableNodeCliInspectArguments off) in release builds;
 * Chromium's remote-debugging switches are not covered by any fuse, so the
 * app refuses them itself. Development builds keep them (the smoke tests and
 * Playwright drive `electron .` through them).
 */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address'];

/** The refusal message when a release build is started with a debugging switch, else null. */
export function refuseDebugging(app: AppLike, argv: readonly string[] = []): string | null {
  if (!app.isPackaged) return null;
  const found = DEBUG_SWITCHES.filter((name) => app.commandLine.hasSwitch(name));
  if (found.length === 0) {
    // Node's --inspect* and Chromium's --remote-allow-origins, as written on the command line (debug-flags.ts).
    const written = forbiddenDebugSwitch(argv);
    return written
      ? `authdesk: ${written} is not allowed in release builds (it would expose the app to a debugger).`
      : null;
  }
  // Removed as well, so the DevTools server never starts even for the moment before exit.
  for (const name of found) app.commandLine.removeSwitch(name);
  return `authdesk: --${found[0]} is not allowed in release builds (it would expose the app to a debugger).`;
}

/**
 * The clock the app runs on. AUTHDESK_TEST_NOW_MS fixes it (smoke tests need a
 * known code), honoured only when not packaged: an installed copy always uses
 * the real time.
 */
export function appClock(app: AppLike, env: NodeJS.ProcessEnv): { clock: Clock; note: string | null } {
  const raw = env.AUTHDESK_TEST_NOW_MS?.trim();
  if (!raw || app.isPackaged) return { clock: systemClock, note: null };
  const ms = Number(raw);
  if (!Number.isSafeInteger(ms) || ms < 0)
    return {
      clock: systemClock,
      note: `AUTHDESK_TEST_NOW_MS=${raw} is not milliseconds since 1970; using the real time.`,
    };
  return { clock: fixedClock(ms), note: `test clock fixed at ${new Date(ms).toISOString()} (AUTHDESK_TEST_NOW_MS)` };
}

/** Policy file overrides (AUTHDESK_POLICY_FILE) are for tests and development, never for an installed copy. */
export function policyOverrideAllowed(app: AppLike): boolean {
  return !app.isPackaged;
}
