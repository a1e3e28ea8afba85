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

describe('secret-service store: prepare() (the CLI reaches the keychain while it reads accounts.json)', () => {
  it('a prepared store reads the same values, prepared twice or not at all; nothing found is null', async () => {
    const service = uniqueServiceName('prepare');
    const writer = createSecretServiceStore(service);
    try {
      await writer.set('a', 'JBSWY3DPEHPK3PXP');
      await writer.set('b', 'GEZDGNBVGY3TQOJQ');
      const prepared = createSecretServiceStore(service);
      prepared.prepare!();
      prepared.prepare!();
      expect(await prepared.getMany!(['b', 'missing', 'a'])).toEqual(['GEZDGNBVGY3TQOJQ', null, 'JBSWY3DPEHPK3PXP']);
      expect(await prepared.getMany!(['missing'])).toEqual([null]);
      prepared.close();
      const fresh = createSecretServiceStore(service);
      expect(await fresh.getMany!(['missing', 'a'])).toEqual([null, 'JBSWY3DPEHPK3PXP']);
      fresh.close();
    } finally {
      await writer.delete('a');
      await writer.delete('b');
      writer.close();
    }
  });

  it('prepare() on a bus that is not there throws nothing and leaves nothing unhandled; the read reports it', async () => {
    const store = createSecretServiceStore(uniqueServiceName('prepare-nobus'), {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/authdesk-bus' },
    });
    expect(() => store.prepare!()).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the failed attempt settles first
    await expect(store.getMany!(['a'])).rejects.toMatchObject({
      code: 'keychain-no-dbus',
      message: KEYCHAIN_NO_DBUS_MESSAGE,
    });
  });
});
