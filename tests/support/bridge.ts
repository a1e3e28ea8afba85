/**
 * A web test bridge on a throw-away data folder and a unique keychain service
 * of the private gnome-keyring (scripts/with-keyring.sh), serving the
 * production bundle. `cleanup()` closes it and removes every keychain item
 * and file it created. Reusable by every e2e file and bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, type Clock } from '../../core/clock';
import { createSecretStore } from '../../core/vault/index';
import { backupKeychainService } from '../../core/backup/index';
import type { Channel, InputOf, ResultOf } from '../../common/ipc/contract';
import { invokeChannel } from '../../electron/handlers';
import { startBridge, type Bridge, type BridgeOptions } from '../../devtools/web-bridge/server';
import { requireSecretService, uniqueServiceName } from './keychain';

// Computed here rather than imported from vectors.ts, which imports vitest: benches use these helpers too.
const repoRoot = path.resolve(import.meta.dirname, '../..');

const distIndex = path.join(repoRoot, 'dist/renderer/index.html');
const sources = ['renderer', 'common', 'vite.config.ts', 'package.json'];

function newestMtime(p: string): number {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when dist/renderer is missing or older than a renderer source file. */
export function bundleIsStale(): boolean {
  if (!existsSync(distIndex)) return true;
  const built = statSync(distIndex).mtimeMs;
  return sources.some((s) => existsSync(path.join(repoRoot, s)) && newestMtime(path.join(repoRoot, s)) > built);
}

/**
 * Builds the renderer bundle (`vite build`) if it is missing or stale. Two
 * test files may start at once: a lock folder makes the second wait for the
 * first build instead of building over it.
 */
export function ensureRendererBuilt(): void {
  // AUTHDESK_E2E_NO_BUILD=1: use dist/renderer as it is (you built it yourself, e.g. while another file is mid-edit).
  if (process.env.AUTHDESK_E2E_NO_BUILD === '1' && existsSync(distIndex)) return;
  if (!bundleIsStale()) return;
  const lock = path.join(tmpdir(), 'authdesk-renderer-build.lock');
  const waitStep = new Int32Array(new SharedArrayBuffer(4));
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (tries > 1200)
        throw new Error(`Another renderer build holds ${lock} for over 4 minutes; remove it if no build is running.`);
      Atomics.wait(waitStep, 0, 0, 200); // waiting for another process's build, not passing test time
    }
  }
  try {
    if (!bundleIsStale()) return;
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0)
      throw new Error('`vite build` failed: the e2e tests need dist/renderer (see the output above).');
  } finally {
    rmdirSync(lock);
  }
}

export interface TestBridge extends Bridge {
  dataDir: string;
  keychainService: string;
  clock: Clock;
  /** Calls a channel through the same invokeChannel the page uses; throws with main's message on failure. */
  call<C extends Channel>(channel: C, input?: InputOf<C>): Promise<ResultOf<C>>;
  cleanup(): Promise<void>;
}

export async function startTestBridge(
  options: Partial<Omit<BridgeOptions, 'dataDir' | 'keychainService'>> = {},
): Promise<TestBridge> {
  requireSecretService();
  ensureRendererBuilt();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'authdesk-e2e-'));
  const keychainService = uniqueServiceName('authdesk-e2e');
  const clock = options.clock ?? fixedClock(Date.now());
  const bridge = await startBridge({ ...options, dataDir, keychainService, clock });
  return {
    ...bridge,
    dataDir,
    keychainService,
    clock,
    async call(channel, input) {
      const outcome = await invokeChannel(bridge.handlers, channel, input ?? {});
      if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.message} (${outcome.error.code})`);
      return outcome.value as never;
    },
    async cleanup() {
      await bridge.close();
      // The vault's items, and the backup password (its own service, core/backup/password.ts).
      for (const store of [
        createSecretStore(keychainService),
        createSecretStore(backupKeychainService(keychainService)),
      ])
        for (const account of await store.accounts()) await store.delete(account);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
