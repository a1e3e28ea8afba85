/**
 * Finding and repairing what a crash or another program left behind: a
 * keychain item without an account (restored exactly from its
 * self-describing value), an account without its keychain item (forgotten
 * only when the keychain really has none), and the notice that accounts.json
 * was recovered from its backup.
 */
import { AuthdeskError } from '../../common/errors';
import type { Vault } from './types';
import { findProblems, restoredAccount } from './problems';
import { accountLabel } from './labels';
import { decodeItemValue } from './item-value';
import { explainedItems, trashItemName } from './trash';
import { mustFind, type VaultContext } from './vault-context';

type RepairOperations = Pick<Vault, 'problems' | 'repair' | 'restoreAll' | 'recovery' | 'acknowledgeRecovery'>;

export function repairOperations(ctx: VaultContext): RepairOperations {
  const { store, secrets, clock, secretOf } = ctx;
  const ops: RepairOperations = {
    async problems(options = {}) {
      // Names only: no secret value is read unless asked (authdesk doctor).
      const doc = await store.current();
      const accounts = doc.accounts;
      const { liveItems, orphanTrashItems } = explainedItems(accounts, doc.trash, await secrets.accounts());
      const found = findProblems(accounts, new Set([...liveItems, ...orphanTrashItems]));
      const missing = new Set(found.map((p) => p.id));
      for (const id of missing) secretOf.delete(id); // deleted behind our back: stop making its codes
      if (!options.readValues) return found;
      for (const account of accounts) {
        if (missing.has(account.id)) continue;
        secretOf.delete(account.id);
        try {
          await ctx.secretFor(account);
        } catch (err) {
          if (!(err instanceof AuthdeskError && err.code === 'keychain-bad-item')) throw err;
          found.push({ kind: 'unreadable-secret', id: account.id, label: accountLabel(account) });
        }
      }
      return found;
    },

    async repair(id, action) {
      if (action === 'restore') {
        const live = await secrets.get(id);
        // A trash item whose entry was lost restores the same way as a live orphan.
        const value = live ?? (await secrets.get(trashItemName(id)));
        if (value === null) throw new AuthdeskError('not-found', 'There is no keychain item to restore for that id.');
        const item = decodeItemValue(value, `keychain item ${id}`);
        if (live === null) await secrets.set(id, value);
        await store.mutate((doc) => {
          if (doc.accounts.some((a) => a.id === id))
            throw new AuthdeskError('bad-input', 'That account is not broken: nothing to restore.');
          doc.accounts.push(restoredAccount(id, item, clock.now()));
        });
        secretOf.set(id, item.kind === 'uri' ? item.draft.secret : item.secret);
        return;
      }
      // get() throws while the keychain is locked: a locked item is never taken for a missing one.
      if ((await secrets.get(id)) !== null)
        throw new AuthdeskError('bad-input', 'That account still has its secret: Authdesk will not forget it.');
      await store.mutate((doc) => {
        mustFind(doc.accounts, id);
        doc.accounts = doc.accounts.filter((a) => a.id !== id);
      });
    },

    async restoreAll() {
      const restored: string[] = [];
      for (const p of await ops.problems()) {
        if (p.kind !== 'orphan-secret') continue;
        await ops.repair(p.id, 'restore');
        restored.push(p.id);
      }
      return restored;
    },

    async recovery() {
      return (await store.current()).recovery ?? null;
    },

    async acknowledgeRecovery() {
      await store.mutate((doc) => {
        delete doc.recovery;
      });
    },
  };
  return ops;
}
