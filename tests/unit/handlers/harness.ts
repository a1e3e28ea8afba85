/**
 * createHandlers over the real thing: a real vault in a temp folder whose
 * secrets go to the real Secret Service (scripts/with-keyring.sh), a real
 * settings file, and a clock the test moves. Only the Platform (the window,
 * the OS browser) is a recording stand-in: it is Electron's part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../core/clock';
import { openSettingsStore } from '../../../core/settings';
import { createKeytarStore, openVault } from '../../../core/vault/index';
import {
  createDesktopServices,
  createHandlers,
  invokeChannel,
  type Handlers,
  type Platform,
} from '../../../electron/handlers';
import { lockPasswordFile } from '../../../core/app-lock-password';
import type { DateProbe } from '../../../core/clock-check';
import { memoryClipboard } from '../../../devtools/web-bridge/memory-clipboard';
import { appInfo } from '../../../electron/handlers/app-info';
import type { Channel, InputOf, Outcome, ResultOf } from '../../../common/ipc/contract';
import { requireSecretService, uniqueServiceName } from '../../support/keychain';

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** Cheap scrypt parameters for tests (the format and the check are the same; only the cost differs). */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export async function realHandlers(prefix: string, options: { probe?: DateProbe } = {}) {
  requireSecretService();
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const secrets = createKeytarStore(uniqueServiceName(prefix));
  const clock = fixedClock(T0);
  const vault = await openVault({ dataDir, secrets, clock });
  const platformCalls: string[] = [];
  const platform: Platform = {
    openExternal: async (url) => void platformCalls.push(`open ${url}`),
    stepAside: async () => void platformCalls.push('stepAside'),
    comeBack: async () => void platformCalls.push('comeBack'),
    info: () => appInfo('0.0.0-test', 'linux', {}),
    displays: () => [{ id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }],
  };
  const settings = openSettingsStore(dataDir);
  const clipboard = memoryClipboard();
  const timers: { fn: () => void; ms: number }[] = [];
  const desktop = createDesktopServices({
    dataDir,
    settings,
    clock,
    clipboard,
    platform: 'linux',
    timers: { set: (fn, ms) => timers.push({ fn, ms }), clear: () => undefined },
    passwords: lockPasswordFile(dataDir, TEST_SCRYPT),
    probe: options.probe ?? (async () => Promise.reject(new Error('offline in tests'))),
  });
  const handlers: Handlers = createHandlers({ vault, settings, clock, platform, desktop });

  /** Through invokeChannel, exactly as the registry and the web bridge call it. */
  const call = <C extends Channel>(channel: C, input: InputOf<C>): Promise<Outcome<ResultOf<C>>> =>
    invokeChannel(handlers, channel, input) as Promise<Outcome<ResultOf<C>>>;
  /** Same, but unwrapped: fails the test with the error's own words. */
  const ok = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> => {
    const outcome = await call(channel, input);
    if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value;
  };

  const cleanUp = async () => {
    for (const item of await secrets.list()) await secrets.delete(item.account);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    dataDir,
    secrets,
    clock,
    vault,
    handlers,
    platformCalls,
    call,
    ok,
    cleanUp,
    settings,
    clipboard,
    timers,
    desktop,
  };
}
