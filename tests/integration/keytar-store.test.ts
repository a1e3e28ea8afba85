/** The keytar SecretStore against the real Secret Service (gnome-keyring via scripts/with-keyring.sh). */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKeytarStore } from '../../core/vault/keytar-store';
import { KEYCHAIN_UNAVAILABLE_MESSAGE } from '../../core/vault/keychain-errors';
import { AuthdeskError } from '../../common/errors';
import { requireSecretService, uniqueServiceName } from '../support/keychain';
import { repoRoot } from '../support/vectors';
import { secretStoreConformance } from './secret-store-conformance';

requireSecretService();
secretStoreConformance('keytar (gnome-keyring)', (service) => createKeytarStore(service));

const probe = path.join(repoRoot, 'tests/integration/fixtures/store-probe.ts');
async function runProbe(env: NodeJS.ProcessEnv, op: 'list' | 'set') {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', probe, uniqueServiceName('probe'), op],
    { cwd: repoRoot, env },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { ok: boolean; code?: string; message?: string };
}

describe('keytar store errors', () => {
  it('says how to fix a missing native module, and only when a call needs it', async () => {
    const store = createKeytarStore('any', {
      loadKeytar: () => Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
    });
    const err = await store.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthdeskError);
    expect((err as AuthdeskError).code).toBe('keychain-unavailable');
    expect((err as AuthdeskError).message).toContain('apt-get install libsecret-1-dev && npm rebuild keytar');
  });

  it.each([
    ['a session bus socket that does not exist', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/authdesk-bus' }],
    ['an empty session bus address', { DBUS_SESSION_BUS_ADDRESS: '' }],
    ['no session bus at all (and no X11 to start one)', { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined }],
  ])('reports keychain-unavailable with the fix for %s', async (_name, override) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...override };
    for (const [key, value] of Object.entries(override)) if (value === undefined) delete env[key];
    for (const op of ['list', 'set'] as const) {
      const outcome = await runProbe(env, op);
      expect(outcome).toEqual({ ok: false, code: 'keychain-unavailable', message: KEYCHAIN_UNAVAILABLE_MESSAGE });
    }
  });

  it('rejects an empty service name', () => {
    expect(() => createKeytarStore('')).toThrow(AuthdeskError);
  });
});
