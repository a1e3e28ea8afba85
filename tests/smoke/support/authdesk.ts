/**
 * The one launch fixture every smoke file shares: `useAuthdesk()` starts the
 * real Electron app once per file (its own temp data folder, keychain service
 * and no machine policy), hands out the window, and afterwards closes the app
 * and removes the folder and every keychain item it made.
 *
 * `describeSmoke(name, needs, fn)` skips a file's checks, with the reason in
 * the suite name, when they cannot run here; the ONE line explaining a whole
 * skipped suite is printed by global-setup.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createSecretStore } from '../../../core/vault/index';
import { uniqueServiceName } from '../../support/keychain';
import { repoRoot } from '../../support/vectors';
import { smokeTarget, type SmokeTarget } from './target';

export type Needs = 'window' | 'binary' | 'packaged';

/** `describe`, or a skipped suite that says why. */
export function describeSmoke(name: string, needs: Needs, fn: () => void) {
  const whole = inject('smokeSkip');
  if (whole) return describe.skip(`${name} [skipped: ${whole}]`, fn);
  const target = smokeTarget() as SmokeTarget;
  if (needs === 'window' && !target.ui) return describe.skip(`${name} [skipped: ${target.uiSkip}]`, fn);
  if (needs === 'packaged' && target.kind !== 'packaged')
    return describe.skip(`${name} [skipped: packaged app only; set AUTHDESK_SMOKE_APP]`, fn);
  return describe(name, fn);
}

/** A private data folder, keychain service and policy path, as environment for the app. */
export function smokeSandbox(prefix: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const service = uniqueServiceName(prefix);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTHDESK_DATA_DIR: dataDir,
    AUTHDESK_KEYCHAIN_SERVICE: service,
    // A policy file that does not exist: the machine's own policy must not change the checks.
    AUTHDESK_POLICY_FILE: path.join(dataDir, 'policy.json'),
    // The UI strings the checks look for.
    LANG: 'en_US.UTF-8',
    LANGUAGE: 'en',
  };
  const display = inject('smokeDisplay');
  if (display) env.DISPLAY = display;
  const secrets = createSecretStore(service);
  const cleanup = async () => {
    for (const account of await secrets.accounts()) await secrets.delete(account);
    const scratch = createSecretStore(`${service}.self-test`);
    for (const account of await scratch.accounts()) await scratch.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { dataDir, service, env, secrets, cleanup };
}

export interface AuthdeskSession {
  readonly app: ElectronApplication;
  /** The main window, loaded. */
  readonly window: Page;
  readonly sandbox: ReturnType<typeof smokeSandbox>;
}

/** Starts Authdesk for this file. `nowMs` fixes the clock in main (AUTHDESK_TEST_NOW_MS) and in the window. */
export function useAuthdesk(options: { nowMs?: number } = {}): AuthdeskSession {
  let app: ElectronApplication | undefined;
  let window: Page | undefined;
  let sandbox: ReturnType<typeof smokeSandbox> | undefined;

  beforeAll(async () => {
    if (inject('smokeSkip')) return;
    const { ui } = smokeTarget() as SmokeTarget;
    if (!ui) return;
    sandbox = smokeSandbox('authdesk-smoke');
    const env = { ...sandbox.env };
    if (options.nowMs !== undefined) env.AUTHDESK_TEST_NOW_MS = String(options.nowMs);
    // Loaded only when the suite runs: playwright-core is large, and a skipped suite should cost nothing.
    const { _electron } = await import('playwright-core');
    app = await _electron.launch({
      executablePath: ui.electron,
      args: [ui.appPath],
      cwd: repoRoot,
      env: env as Record<string, string>,
      timeout: 60_000,
    });
    window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    if (options.nowMs !== undefined) {
      // The renderer animates the countdown with its own clock: freeze it at the same instant, then start over.
      await app.context().clock.install({ time: options.nowMs });
      await app.context().clock.pauseAt(options.nowMs);
      await window.reload();
    }
  });

  afterAll(async () => {
    await app?.close();
    await sandbox?.cleanup();
  });

  return {
    get app() {
      return app!;
    },
    get window() {
      return window!;
    },
    get sandbox() {
      return sandbox!;
    },
  };
}
