/**
 * `Authdesk --self-test`'s checks against the real keychain (the private
 * gnome-keyring of scripts/with-keyring.sh): it round-trips one item under its
 * own service and leaves nothing behind; a broken part is reported, not thrown.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../core/policy';
import { runSelfTest } from '../../core/self-test';
import { createKeytarStore } from '../../core/vault/index';
import type { SecretStore } from '../../core/vault/types';
import { requireSecretService, uniqueServiceName } from '../support/keychain';
import { repoRoot } from '../support/vectors';

requireSecretService();
const dir = mkdtempSync(path.join(tmpdir(), 'authdesk-self-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake app root holding the three built files the check looks for. */
function appRoot(complete: boolean): string {
  const root = path.join(dir, complete ? 'app' : 'broken-app');
  mkdirSync(path.join(root, 'dist/renderer'), { recursive: true });
  mkdirSync(path.join(root, 'dist/electron'), { recursive: true });
  writeFileSync(path.join(root, 'dist/renderer/index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'dist/electron/main.cjs'), '');
  if (complete) writeFileSync(path.join(root, 'dist/electron/preload.cjs'), '');
  return root;
}

const base = (secrets: SecretStore, appPath: string) => ({
  version: '0.1.0',
  commit: 'abcdef123456',
  packaged: true,
  appPath,
  dataDir: path.join(dir, 'data'),
  scratchSecrets: secrets,
  policy: loadPolicy(path.join(dir, 'no-policy.json')),
});

describe('runSelfTest', () => {
  it('passes on a working machine and leaves no keychain item or probe file behind', async () => {
    const secrets = createKeytarStore(uniqueServiceName('authdesk-self-test'));
    const report = await runSelfTest(base(secrets, appRoot(true)));
    expect(report).toMatchObject({ selfTest: 'authdesk', ok: true, version: '0.1.0', commit: 'abcdef123456' });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['keychain', true],
      ['app-bundle', true],
      ['data-folder', true],
      ['policy', true],
    ]);
    expect(await secrets.accounts()).toEqual([]);
    expect(readdirSync(path.join(dir, 'data'))).toEqual([]);
  });

  it('reports each broken part by name: keychain failing, bundle incomplete, policy malformed', async () => {
    const failing: SecretStore = {
      get: async () => null,
      set: async () => {
        throw new Error('The keychain is locked.');
      },
      delete: async () => false,
      accounts: async () => [],
      isLocked: async () => false,
      unlock: async () => true,
    };
    const policyFile = path.join(dir, 'bad-policy.json');
    writeFileSync(policyFile, '{ nope');
    const report = await runSelfTest({ ...base(failing, appRoot(false)), policy: loadPolicy(policyFile) });
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      { name: 'keychain', ok: false, detail: 'The keychain is locked.' },
      { name: 'app-bundle', ok: false, detail: expect.stringContaining('missing dist/electron/preload.cjs') },
      { name: 'data-folder', ok: true, detail: expect.any(String) },
      { name: 'policy', ok: false, detail: expect.stringContaining(policyFile) },
    ]);
  });

  it('checks the repo build the same way (what `electron . --self-test` sees)', async () => {
    const secrets = createKeytarStore(uniqueServiceName('authdesk-self-test'));
    const report = await runSelfTest(base(secrets, repoRoot));
    // dist/ exists once `npm run build` ran (npm test builds first); otherwise the check must say so.
    const bundle = report.checks.find((c) => c.name === 'app-bundle')!;
    expect(bundle.detail).toMatch(/^(complete|missing)/);
  });
});
