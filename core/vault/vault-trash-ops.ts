/**
 * Removing an account into the 30-day trash, bringing it back, and purging
 * what has expired. The self-describing keychain value moves as it is, so an
 * undelete restores the account exactly. Each step's order keeps the secret
 * in at least one keychain item at every moment (see trash.ts).
 */
import { AuthdeskError } from '../../common/errors';
import { forgetKey } from '../otp/index';
import type { SecretStore, Vault } from './types';
import type { MetadataStore } from './metadata-store';
import { accountLabel } from './labels';
import { secretOfItem } from './item-value';
import { keychainLocked } from './keychain-errors';
import { expired, trashEntry, trashItemName } from './trash';
import { mustFind, type VaultContext } from './vault-context';

export function trashOperations(ctx: VaultContext): Pick<Vault, 'remove' | 'trash' | 'undelete'> {
  const { store, secrets, clock, secretOf } = ctx;
  return {
    async remove(id) {
      // Fail before touching metadata when the keychain cannot write (locked, no bus, no service).
      if (await secrets.isLocked()) throw keychainLocked();
      const account = mustFind((await store.current()).accounts, id);
      const value = await secrets.get(id);
      // 1. the value into its trash item (a metadata entry without a secret stays forgettable as before)
      if (value !== null) await secrets.set(trashItemName(id), value);
      // 2. the metadata into the trash section
      await store.mutate((doc) => {
        const fresh = mustFind(doc.accounts, id);
        doc.accounts = doc.accounts.filter((a) => a.id !== id);
        doc.trash = [...(doc.trash ?? []), { account: { ...fresh }, deletedAt: clock.now() }];
      });
      // 3. the live item; if this fails the secret is still in the trash item (and here), never lost.
      if (value !== null) {
        await secrets.delete(id);
        const secret = secretOf.get(id) ?? readableSecret(value, accountLabel(account));
        if (secret !== null) forgetKey(secret); // the decoded key leaves the key cache with the account
      }
      secretOf.delete(id);
    },

    async trash() {
      const trash = (await store.current()).trash ?? [];
      return trash.map(trashEntry).sort((a, b) => b.deletedAt - a.deletedAt);
    },

    async undelete(id) {
      const trashed = ((await store.current()).trash ?? []).find((t) => t.account.id === id);
      if (!trashed)
        throw new AuthdeskError(
          'not-found',
          'That account is not in the trash (it may have been purged after 30 days).',
        );
      const label = accountLabel(trashed.account);
      const value = (await secrets.get(trashItemName(id))) ?? (await secrets.get(id));
      if (value === null)
        throw new AuthdeskError(
          'not-found',
          `The keychain no longer holds the secret of ${label}: it cannot be restored.`,
        );
      const secret = secretOfItem(value, label); // an unreadable value is refused before anything moves
      await secrets.set(id, value); // 1. live item back, exactly as it was
      const restored = await store.mutate((doc) => {
        const entry = (doc.trash ?? []).find((t) => t.account.id === id);
        if (!entry) throw new AuthdeskError('not-found', 'That account is not in the trash any more.');
        doc.trash = (doc.trash ?? []).filter((t) => t.account.id !== id);
        if (!doc.accounts.some((a) => a.id === id)) doc.accounts.push({ ...entry.account });
        return { ...entry.account };
      }); // 2. metadata back
      secretOf.set(id, secret);
      await secrets.delete(trashItemName(id)); // 3. the trash copy
      return restored;
    },
  };
}

/** The secret of a value, or null when it is unreadable (only the key cache needs it here). */
function readableSecret(value: string, label: string): string | null {
  try {
    return secretOfItem(value, label);
  } catch {
    return null;
  }
}

/**
 * Deletes trash entries older than TRASH_DAYS. Opening must work with a locked
 * or absent keychain (listing needs none), so the purge waits for a later open then.
 */
export async function purgeExpiredTrash(store: MetadataStore, secrets: SecretStore, now: number): Promise<void> {
  const due = expired((await store.current()).trash, now);
  if (!due.length) return;
  try {
    if (await secrets.isLocked()) return;
    for (const t of due) await secrets.delete(trashItemName(t.account.id));
  } catch (err) {
    if (err instanceof AuthdeskError && err.code.startsWith('keychain-')) return;
    throw err;
  }
  const ids = new Set(due.map((t) => t.account.id));
  await store.mutate((doc) => {
    doc.trash = (doc.trash ?? []).filter((t) => !ids.has(t.account.id));
  });
}
