/**
 * A small launch fixture for the desktop smoke checks on the REAL Electron
 * binary (playwright-core's `_electron.launch`). The packaging helper owns
 * the suite's shared fixture; the lead unifies them at merge.
 *
 * Skips with one line when node_modules/electron/dist is missing (the binary
 * cannot be downloaded on our build machines). Each launch gets its own data
 * folder, keychain service and X server (Xvfb, so screen capture and the
 * clipboard work without a desktop); AUTHDESK_TEST_HOOKS=1 lets a check read
 * the tray menu's labels.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { createSecretStore } from '../../core/vault/index';
import { ensureRendererBuilt } from '../support/bridge';
import { uniqueServiceName } from '../support/keychain';
import { repoRoot } from '../support/vectors';
import { startXvfb, type XServer } from '../support/xvfb';

const electronDist = path.join(repoRoot, 'node_modules', 'electron', 'dist');
export const electronMissing = !existsSync(electronDist);

/** `describe`, or a skipped one that says why in one line. */
export function describeDesktop(name: string, body: () => void): void {
  if (electronMissing) {
    console.warn(`[skipped] ${name}: the Electron binary is not installed (${electronDist} is missing)`);
    describe.skip(name, body);
  } else describe(name, body);
}

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
  x: XServer;
  dataDir: string;
  /** Calls window.authenticator in the main window (the real preload and IPC). */
  api<T>(fn: string, input?: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
  /** The tray menu's labels as main last built them. */
  trayLabels(): Promise<string[]>;
  close(): Promise<void>;
}

let built = false;
function ensureBuilt(): void {
  if (built) return;
  ensureRendererBuilt();
  const r = spawnSync('node', ['scripts/build-node.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/build-node.mjs failed: the smoke checks need dist/electron.');
  built = true;
}

export async function launchDesktop(env: Record<string, string> = {}): Promise<LaunchedApp> {
  ensureBuilt();
  const x = await startXvfb();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'authdesk-smoke-'));
  const keychainService = uniqueServiceName('authdesk-smoke');
  const app = await _electron.launch({
    args: [repoRoot],
    cwd: repoRoot,
    env: {
      ...(process.env as Record<string, string>),
      ...x.env,
      AUTHDESK_DATA_DIR: dataDir,
      AUTHDESK_KEYCHAIN_SERVICE: keychainService,
      AUTHDESK_TEST_HOOKS: '1',
      ...env,
    } as Record<string, string>,
  });
  const window = await app.firstWindow();
  await window.locator('.app, .lock-screen').first().waitFor();
  return {
    app,
    window,
    x,
    dataDir,
    api: (fn, input) =>
      window.evaluate(
        ([name, arg]) => {
          const [group, action] = (name as string).split('.') as [string, string];
          const api = (window as unknown as { authenticator: Record<string, Record<string, (i?: unknown) => unknown>> })
            .authenticator;
          return api[group]![action]!(arg) as never;
        },
        [fn, input] as const,
      ),
    trayLabels: () =>
      app.evaluate(() => ((globalThis as Record<string, unknown>).__authdeskTrayLabels as () => string[])()),
    close: async () => {
      await app.close().catch(() => undefined);
      await x.stop();
      const store = createSecretStore(keychainService);
      for (const account of await store.accounts().catch(() => [])) await store.delete(account);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const SMOKE_SECRET = 'JBSWY3DPEHPK3PXP';
export const SMOKE_URI = `otpauth://totp/ACME:alice@example.com?secret=${SMOKE_SECRET}&issuer=ACME`;
