/**
 * The keytar SecretStore (the macOS/Windows backend) against the real Secret
 * Service: its conformance is checked here on an unlocked keyring (keytar's
 * findCredentials crashes on a locked one, which is why Linux does not use it).
 */
import { describe, expect, it } from 'vitest';
import { createKeytarStore } from '../../core/vault/keytar-store';
import { AuthdeskError } from '../../common/errors';
import { requireSecretService } from '../support/keychain';
import { secretStoreConformance } from './secret-store-conformance';

requireSecretService();
secretStoreConformance('keytar (gnome-keyring)', (service) => createKeytarStore(service));

describe('keytar store errors', () => {
  it('says how to fix a missing native module, and only when a call needs it', async () => {
    const store = createKeytarStore('any', {
      loadKeytar: () => Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
    });
    const err = await store.accounts().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthdeskError);
    expect((err as AuthdeskError).code).toBe('keychain-unavailable');
    expect((err as AuthdeskError).message).toContain('npm rebuild keytar');
  });

  it('rejects an empty service name', () => {
    expect(() => createKeytarStore('')).toThrow(AuthdeskError);
  });
});
