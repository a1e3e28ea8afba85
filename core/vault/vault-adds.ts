/**
 * Adding accounts: one (enrollment) or many at once (an import). The keychain
 * item is written FIRST, then the metadata, so a crash leaves an orphan
 * secret that problems() reports and repair('restore') brings back; a failure
 * that is not a crash takes the keychain items back instead.
 */
import type { Vault } from './types';
import { encodeItemValue } from './item-value';
import { duplicateError, newAccount, type VaultContext } from './vault-context';

export function addOperations(ctx: VaultContext): Pick<Vault, 'add' | 'addMany'> {
  const { store, secrets, clock, secretOf } = ctx;
  return {
    async add(draft) {
      const account = newAccount(draft, clock.now());
      const existing = await ctx.findDuplicate(draft, (await store.current()).accounts);
      if (existing) throw duplicateError(existing);
      await secrets.set(account.id, encodeItemValue({ ...account, secret: draft.secret })); // FIRST: see the top
      secretOf.set(account.id, draft.secret);
      try {
        await store.mutate(async (doc) => {
          // Another process may have added the same key since we checked.
          const raced = await ctx.findDuplicate(draft, doc.accounts);
          if (raced) throw duplicateError(raced);
          doc.accounts.push(account);
        });
      } catch (err) {
        // Not a crash: undo the keychain write instead of leaving an orphan, but
        // only once we know the account did not reach the file after all.
        const saved = await store.current().then(
          (d) => d.accounts.some((a) => a.id === account.id),
          () => true,
        );
        if (!saved) {
          secretOf.delete(account.id);
          await secrets.delete(account.id).catch(() => undefined);
        }
        throw err;
      }
      return { ...account };
    },

    async addMany(drafts) {
      const now = clock.now();
      const accounts = drafts.map((d) => newAccount(d, now));
      await ctx.refuseDuplicates(drafts, (await store.current()).accounts);
      const written: string[] = [];
      let metadataTried = false;
      try {
        for (const [i, account] of accounts.entries()) {
          await secrets.set(account.id, encodeItemValue({ ...account, secret: drafts[i]!.secret }));
          written.push(account.id);
        }
        metadataTried = true;
        await store.mutate(async (doc) => {
          await ctx.refuseDuplicates(drafts, doc.accounts); // another process may have added one meanwhile
          doc.accounts.push(...accounts);
        });
      } catch (err) {
        // All or nothing: take back our keychain items unless the metadata did land after all.
        const saved =
          metadataTried &&
          (await store.current().then(
            (d) => d.accounts.some((a) => a.id === accounts[0]?.id),
            () => true,
          ));
        if (!saved) for (const id of written) await secrets.delete(id).catch(() => undefined);
        throw err;
      }
      accounts.forEach((a, i) => secretOf.set(a.id, drafts[i]!.secret));
      return accounts.map((a) => ({ ...a }));
    },
  };
}
