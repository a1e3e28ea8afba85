/**
 * main.ts started with --self-test (Electron faked, the keychain real): one
 * JSON line on stdout, no window, no single-instance lock, and the exit code
 * says whether every check passed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { app, BrowserWindow } from './fake-electron';
import { requireSecretService, uniqueServiceName } from '../support/keychain';
import { repoRoot } from '../support/vectors';

requireSecretService();
const dataDir = mkdtempSync(path.join(tmpdir(), 'authdesk-main-self-test-'));
const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
  rmSync(dataDir, { recursive: true, force: true });
});

it('prints one JSON report and exits without opening a window', async () => {
  process.env.AUTHDESK_DATA_DIR = dataDir;
  process.env.AUTHDESK_KEYCHAIN_SERVICE = uniqueServiceName('authdesk-main-self-test');
  process.env.AUTHDESK_POLICY_FILE = path.join(dataDir, 'none.json');
  app.appPath = repoRoot;
  app.switches.add('self-test');
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await import('../../electron/main');
    await vi.waitFor(() => expect(app.calls.some((c) => c.startsWith('exit:'))).toBe(true), { timeout: 10_000 });
  } finally {
    write.mockRestore();
  }
  const report = JSON.parse(lines.join('')) as {
    selfTest: string;
    ok: boolean;
    checks: { name: string; ok: boolean }[];
  };
  expect(report.selfTest).toBe('authdesk');
  expect(report.checks.find((c) => c.name === 'keychain')).toMatchObject({ ok: true });
  expect(app.calls).toContain(report.ok ? 'exit:0' : 'exit:1');
  app.becomeReady();
  expect(BrowserWindow.all).toHaveLength(0);
  expect(app.paths.size).toBe(0); // not even userData: the self-test touches nothing of the app's
});
