/**
 * What every SecretStore backend must do, as a suite any backend's test file
 * runs against a *real* store: `secretStoreConformance('keytar', factory)`.
 * The factory returns a fresh store for a service name it is given, so the
 * suite can check that two services never see each other's items.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../core/vault/types';
import { AuthdeskError } from '../../common/errors';
import { uniqueServiceName } from '../support/keychain';

export function secretStoreConformance(backend: string, makeStore: (service: string) => SecretStore): void {
  describe(`SecretStore conformance: ${backend}`, () => {
    const store = makeStore(uniqueServiceName('conf-a'));
    const other = makeStore(uniqueServiceName('conf-b'));
    const cleanup: [SecretStore, string][] = [];
    const set = async (s: SecretStore, account: string, secret: string) => {
      cleanup.push([s, account]);
      await s.set(account, secret);
    };
    afterAll(async () => {
      for (const [s, account] of cleanup) await s.delete(account).catch(() => undefined);
    });

    it('stores, reads back, overwrites and lists an item', async () => {
      await set(store, 'plain-id', 'JBSWY3DPEHPK3PXP');
      expect(await store.get('plain-id')).toBe('JBSWY3DPEHPK3PXP');
      await store.set('plain-id', 'GEZDGNBVGY3TQOJQ');
      expect(await store.get('plain-id')).toBe('GEZDGNBVGY3TQOJQ');
      expect((await store.accounts()).filter((a) => a === 'plain-id')).toEqual(['plain-id']);
    });

    it('keeps unicode account names and values exactly', async () => {
      const id = 'Zürich ✓ 東京 🙂 e\u0301';
      await set(store, id, 'ünïcödé-välue-🙂');
      expect(await store.get(id)).toBe('ünïcödé-välue-🙂');
      expect(await store.accounts()).toContain(id);
      // NFC and NFD spellings are different names: a store must not fold them.
      expect(await store.get(id.normalize('NFC'))).toBeNull();
    });

    it('keeps a long single-line value whole', async () => {
      const long = 'A'.repeat(8192) + 'Z';
      await set(store, 'long', long);
      expect(await store.get('long')).toBe(long);
    });

    it('answers null for a missing item and false when deleting one', async () => {
      expect(await store.get('never-stored')).toBeNull();
      expect(await store.delete('never-stored')).toBe(false);
    });

    it('deletes once: true, then false, then the item is gone', async () => {
      await set(store, 'to-delete', 'MZXW6YTBOI');
      expect(await store.delete('to-delete')).toBe(true);
      expect(await store.delete('to-delete')).toBe(false);
      expect(await store.get('to-delete')).toBeNull();
      expect(await store.accounts()).not.toContain('to-delete');
    });

    it('never shows one service the items of another', async () => {
      await set(store, 'shared-name', 'FROM-A');
      await set(other, 'shared-name', 'FROM-B');
      await set(other, 'only-in-b', 'B2');
      expect(await store.get('shared-name')).toBe('FROM-A');
      expect(await other.get('shared-name')).toBe('FROM-B');
      expect(await store.accounts()).not.toContain('only-in-b');
      expect((await other.accounts()).sort()).toEqual(['only-in-b', 'shared-name']);
      expect(await store.delete('only-in-b')).toBe(false);
      expect(await other.get('only-in-b')).toBe('B2');
    });

    it('refuses multi-line values with a specific error and stores nothing', async () => {
      for (const bad of ['ONE\nTWO', 'ONE\r\nTWO', 'ONE\r']) {
        const err = await store.set('multi-line', bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AuthdeskError);
        expect((err as AuthdeskError).message).toMatch(/single line/);
      }
      expect(await store.get('multi-line')).toBeNull();
    });

    it('lists the names of many items in one call, and each reads back', async () => {
      const ids = Array.from({ length: 25 }, (_, i) => `bulk-${i}`);
      const fresh = makeStore(uniqueServiceName('conf-bulk'));
      for (const id of ids) await set(fresh, id, `SECRET${id}`);
      expect((await fresh.accounts()).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(await fresh.get(id)).toBe(`SECRET${id}`);
      // A backend that reads many at once answers exactly as one get each: in order, null where absent.
      if (fresh.getMany) {
        const asked = [...ids.slice(0, 12).reverse(), 'not-there', 'bulk-3', 'ünïcode-absent'];
        expect(await fresh.getMany(asked)).toEqual(asked.map((id) => (ids.includes(id) ? `SECRET${id}` : null)));
        expect(await fresh.getMany([])).toEqual([]);
        expect(await fresh.getMany(['not-there'])).toEqual([null]);
      }
    });

    it('keeps a self-describing otpauth value whole', async () => {
      const uri =
        'otpauth://totp/Ex%C3%A4mple%3Aal%20ice?secret=JBSWY3DPEHPK3PXP&issuer=Ex%C3%A4mple&algorithm=SHA256&digits=8&period=60';
      await set(store, 'uri', uri);
      expect(await store.get('uri')).toBe(uri);
    });

    it('is unlocked in the test keyring, and unlock() then says so', async () => {
      expect(await store.isLocked()).toBe(false);
      expect(await store.unlock()).toBe(true);
    });
  });
}
