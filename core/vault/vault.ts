/**
 * The vault: account metadata (accounts.json) + one keychain item per account.
 *
 * Opening reads only accounts.json: listing accounts needs no keychain, so it
 * works while the keychain is locked or missing. A secret is read when an
 * operation needs that one account's code (and kept in this process, main or
 * CLI, for the next refresh). Each keychain value is self-describing (an
 * otpauth:// URI, item-value.ts), so an orphan item restores exactly.
 *
 * The two halves are never written in one transaction, so the ORDER of writes
 * decides what a crash leaves behind, and it is always something the user can
 * get back:
 * - add:    keychain first, then metadata (vault-adds.ts);
 * - remove: into the trash for 30 days (vault-trash-ops.ts, trash.ts);
 * - updateParams: keychain first (the restorable copy), then metadata;
 * - HOTP:   counter+1 is saved before the code is returned (vault-codes.ts).
 * Repairs of what a crash left are in vault-repair.ts. This file opens the
 * vault and holds the plain metadata edits.
 */
import type { Clock } from '../clock';
import { systemClock } from '../clock';
import type { LockOptions } from '../lock';
import { vaultFiles } from '../paths';
import { ensureDataFolder } from '../data-folder';
import { AuthdeskError } from '../../common/errors';
import type { SecretStore, Vault } from './types';
import type { CheckedCopy } from './checked-copy';
import { openMetadataStore } from './metadata-store';
import { accountLabel, cleanLabel } from './labels';
import { orderBy } from './order';
import { encodeItemValue, secretOfItem } from './item-value';
import { applyParamChange } from './param-change';
import { createVaultContext, missingSecretError, mustFind, type VaultContext } from './vault-context';
import { addOperations } from './vault-adds';
import { purgeExpiredTrash, trashOperations } from './vault-trash-ops';
import { repairOperations } from './vault-repair';
import { codeOperations } from './vault-codes';

export interface OpenVaultOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  /** Lock waiting (tests inject time). */
  lock?: LockOptions;
  /** For a short-lived reader (the CLI): accounts.json bytes that passed the check before are not checked again. */
  checkedCopy?: CheckedCopy;
}

export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const clock = options.clock ?? systemClock;
  const { secrets } = options;
  const files = vaultFiles(options.dataDir);
  await ensureDataFolder(files.dir);
  const store = await openMetadataStore(files, clock, options.lock, options.checkedCopy);
  await purgeExpiredTrash(store, secrets, clock.now());
  const ctx = createVaultContext(store, secrets, clock);
  return {
    metadataPath: files.metadata,
    ...metadataEdits(ctx),
    ...addOperations(ctx),
    ...trashOperations(ctx),
    ...codeOperations(ctx),
    ...repairOperations(ctx),
    unlock: () => secrets.unlock(),
  };
}

type MetadataEdits = Pick<Vault, 'list' | 'findDuplicate' | 'rename' | 'reorder' | 'pin' | 'updateParams'>;

/** Edits of accounts.json alone (labels, order, pins), plus the parameter change that rewrites both halves. */
function metadataEdits(ctx: VaultContext): MetadataEdits {
  const { store, secrets } = ctx;
  return {
    async list() {
      return (await store.current()).accounts.map((a) => ({ ...a }));
    },

    async findDuplicate(draft) {
      return ctx.findDuplicate(draft, (await store.current()).accounts);
    },

    async rename(id, issuer, name) {
      const clean = { issuer: cleanLabel(issuer), name: cleanLabel(name) };
      if (!clean.issuer && !clean.name) throw new AuthdeskError('bad-input', 'An account needs a name or an issuer.');
      return store.mutate((doc) => {
        const account = mustFind(doc.accounts, id);
        Object.assign(account, clean);
        return { ...account };
      });
    },

    async reorder(ids) {
      await store.mutate((doc) => {
        doc.accounts = orderBy(doc.accounts, ids);
      });
    },

    async pin(id, pinned) {
      return store.mutate((doc) => {
        const account = mustFind(doc.accounts, id);
        // Unpinned accounts carry no field at all: the file stays as older versions wrote it.
        if (pinned) account.pinned = true;
        else delete account.pinned;
        return { ...account };
      });
    },

    async updateParams(id, change) {
      const before = mustFind((await store.current()).accounts, id);
      const label = accountLabel(before);
      const after = applyParamChange(before, change, label);
      const oldValue = await secrets.get(id);
      if (oldValue === null) throw missingSecretError(before);
      const secret = secretOfItem(oldValue, label);
      // Keychain first: the self-describing copy must never describe older parameters than the account has.
      await secrets.set(id, encodeItemValue({ ...after, secret }));
      try {
        return await store.mutate((doc) => {
          const fresh = mustFind(doc.accounts, id);
          Object.assign(fresh, applyParamChange(fresh, change, label));
          return { ...fresh };
        });
      } catch (err) {
        await secrets.set(id, oldValue).catch(() => undefined); // the metadata did not change: put the old copy back
        throw err;
      }
    },
  };
}
