import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import type { Vault } from '../../../core/vault/index';
import { retryingVault } from '../../../electron/handlers';
import { realHandlers } from './harness';

let h: Awaited<ReturnType<typeof realHandlers>>;
beforeAll(async () => void (h = await realHandlers('authdesk-access')));
afterAll(async () => h?.cleanUp());

const locked = () => new AuthdeskError('keychain-unavailable', 'The keychain is locked.');

describe('retryingVault', () => {
  it('reports an open failure as the vault error, then opens once the keychain is back', async () => {
    let attempts = 0;
    const vault = retryingVault(
      async () => {
        attempts++;
        if (attempts === 1) throw locked();
        return h.vault;
      },
      { metadataPath: h.vault.metadataPath },
    );
    await expect(vault.list()).rejects.toMatchObject({ code: 'keychain-unavailable' });
    await expect(vault.list()).resolves.toEqual([]);
    await vault.list();
    expect(attempts).toBe(2);
    expect(vault.metadataPath).toBe(h.vault.metadataPath);
  });

  it('opens only once for concurrent first calls', async () => {
    let attempts = 0;
    const vault = retryingVault(async () => (attempts++, h.vault), { metadataPath: h.vault.metadataPath });
    await Promise.all([vault.list(), vault.problems(), vault.currentCodes()]);
    expect(attempts).toBe(1);
  });

  it('calls afterWrite after every call that may write the file, and not after reads', async () => {
    const writes: string[] = [];
    let last = '';
    const tracked: Vault = new Proxy(h.vault, {
      get: (target, key) => {
        const value = Reflect.get(target, key);
        return typeof value === 'function'
          ? (...args: unknown[]) => ((last = String(key)), value.apply(target, args))
          : value;
      },
    });
    const vault = retryingVault(async () => tracked, {
      metadataPath: h.vault.metadataPath,
      afterWrite: () => void writes.push(last),
    });
    const added = await vault.add({
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      issuer: 'W',
      name: 'w',
      secret: 'JBSWY3DPEHPK3PXP',
    });
    await vault.list();
    await vault.findDuplicate({
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      issuer: 'W',
      name: 'w',
      secret: 'JBSWY3DPEHPK3PXP',
    });
    await vault.rename(added.id, 'W2', 'w');
    await vault.reorder([added.id]);
    await expect(vault.nextHotp(added.id)).rejects.toMatchObject({ code: 'bad-input' }); // still counts: it may have written
    await vault.remove(added.id);
    expect(writes).toEqual(['add', 'rename', 'reorder', 'nextHotp', 'remove']);
  });
});
