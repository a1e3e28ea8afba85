/** The Linux SecretStore (Secret Service over D-Bus in JavaScript) against the real gnome-keyring. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { createSecretServiceStore } from '../../core/vault/secret-service/secret-service-store';
import { KEYCHAIN_NO_DBUS_MESSAGE } from '../../core/vault/keychain-errors';
import { requireSecretService, uniqueServiceName } from '../support/keychain';
import { repoRoot } from '../support/vectors';
import { secretStoreConformance } from './secret-store-conformance';

requireSecretService();
secretStoreConformance('secret-service (gnome-keyring)', (service) => createSecretServiceStore(service));

const probe = path.join(repoRoot, 'tests/integration/fixtures/store-probe.ts');
async function runProbe(env: NodeJS.ProcessEnv, op: 'list' | 'set') {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', probe, uniqueServiceName('probe'), op],
    { cwd: repoRoot, env },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { ok: boolean; code?: string; message?: string };
}

describe('secret-service store', () => {
  it('reads items keytar wrote and keytar reads ours (existing keychains keep working)', async () => {
    const service = uniqueServiceName('compat');
    const store = createSecretServiceStore(service);
    try {
      await keytar.setPassword(service, 'old', 'JBSWY3DPEHPK3PXP');
      await store.set('new', 'GEZDGNBVGY3TQOJQ');
      expect(await store.get('old')).toBe('JBSWY3DPEHPK3PXP');
      expect(await keytar.getPassword(service, 'new')).toBe('GEZDGNBVGY3TQOJQ');
      expect((await store.accounts()).sort()).toEqual(['new', 'old']);
    } finally {
      await store.delete('old');
      await store.delete('new');
    }
  });

  it.each([
    ['a session bus socket that does not exist', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/authdesk-bus' }],
    ['an empty session bus address', { DBUS_SESSION_BUS_ADDRESS: '' }],
    ['no session bus at all', { DBUS_SESSION_BUS_ADDRESS: undefined, XDG_RUNTIME_DIR: undefined, DISPLAY: undefined }],
  ])('reports keychain-no-dbus with its own message for %s', async (_name, override) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...override };
    for (const [key, value] of Object.entries(override)) if (value === undefined) delete env[key];
    for (const op of ['list', 'set'] as const) {
      expect(await runProbe(env, op)).toEqual({
        ok: false,
        code: 'keychain-no-dbus',
        message: KEYCHAIN_NO_DBUS_MESSAGE,
      });
    }
  });
});
