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
 * - add:    keychain first, then metadata -> a crash leaves an orphan secret,
 *           which problems() reports and repair('restore') turns into an account;
 * - remove: into the trash for 30 days (see trash.ts for the order of its steps);
 * - updateParams: keychain first (the restorable copy), then metadata;
 * - HOTP:   counter+1 is saved before the code is returned, so a code is never
 *           shown twice (a crash only skips one, which servers tolerate).
 */
import { randomUUID } from 'node:crypto';
import { codeWindow, forgetKey, hotpCode } from '../otp/index';
import type { AccountDraft, AccountMeta, CodeResult } from '../../common/otp/types';
import { AuthdeskError, toErrorValue } from '../../common/errors';
import { systemClock, type Clock } from '../clock';
import type { LockOptions } from '../lock';
import { vaultFiles } from '../paths';
import { ensureDataFolder } from '../data-folder';
import type { SecretStore, Vault } from './types';
import { openMetadataStore, type MetadataStore } from './metadata-store';
import { findProblems, restoredAccount } from './problems';
import { accountLabel, cleanLabel } from './labels';
import { orderBy } from './order';
import { sameDraft } from '../otp/index';
import { paramsOf } from '../../common/otp/params';
import { decodeItemValue, encodeItemValue, secretOfItem } from './item-value';
import { applyParamChange } from './param-change';
import { keychainLocked } from './keychain-errors';
import { explainedItems, expired, trashEntry, trashItemName } from './trash';

export interface OpenVaultOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  /** Lock waiting (tests inject time). */
  lock?: LockOptions;
}

export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const clock = options.clock ?? systemClock;
  const { secrets } = options;
  const files = vaultFiles(options.dataDir);
  await ensureDataFolder(files.dir);
  const store = await openMetadataStore(files, clock, options.lock);
  /** Secrets this process has read (by account id); an id's secret never changes. */
  const secretOf = new Map<string, string>();
  await purgeExpiredTrash(store, secrets, clock.now());

  /** The base32 secret of one account, read from the keychain the first time it is needed. */
  const secretFor = async (account: AccountMeta): Promise<string | null> => {
    const known = secretOf.get(account.id);
    if (known !== undefined) return known;
    const value = await secrets.get(account.id);
    if (value === null) return null;
    const secret = secretOfItem(value, accountLabel(account)); // throws keychain-bad-item, naming the account
    secretOf.set(account.id, secret);
    return secret;
  };

  /** Only accounts whose labels and parameters already match can be duplicates: only their secrets are read. */
  const findDuplicate = async (draft: AccountDraft, accounts: AccountMeta[]): Promise<AccountMeta | null> => {
    for (const account of accounts) {
      if (!isDuplicate(draft, account, draft.secret)) continue;
      const secret = await secretFor(account).catch((err: unknown) => {
        if (err instanceof AuthdeskError && err.code === 'keychain-bad-item') return null;
        throw err;
      });
      if (isDuplicate(draft, account, secret)) return account;
    }
    return null;
  };

  /** A batch may not repeat an account of the vault, nor one of its own. */
  const refuseDuplicates = async (drafts: AccountDraft[], accounts: AccountMeta[]) => {
    for (const [i, draft] of drafts.entries()) {
      const existing = await findDuplicate(draft, accounts);
      if (existing) throw duplicateError(existing);
      if (drafts.slice(0, i).some((d) => isDuplicate(draft, { ...d, id: '', createdAt: 0 } as AccountMeta, d.secret)))
        throw new AuthdeskError('duplicate', `${accountLabel(draft)} is twice in this import.`);
    }
  };

  const mustFind = (accounts: AccountMeta[], id: string): AccountMeta => {
    const found = accounts.find((a) => a.id === id);
    if (!found) throw new AuthdeskError('not-found', 'That account is no longer in Authdesk.');
    return found;
  };

  const vault: Vault = {
    metadataPath: files.metadata,

    async list() {
      return (await store.current()).accounts.map((a) => ({ ...a }));
    },

    async findDuplicate(draft) {
      return findDuplicate(draft, (await store.current()).accounts);
    },

    async add(draft) {
      const account = newAccount(draft, clock.now());
      const existing = await findDuplicate(draft, (await store.current()).accounts);
      if (existing) throw duplicateError(existing);
      await secrets.set(account.id, encodeItemValue({ ...account, secret: draft.secret })); // FIRST: see the top
      secretOf.set(account.id, draft.secret);
      try {
        await store.mutate(async (doc) => {
          // Another process may have added the same key since we checked.
          const raced = await findDuplicate(draft, doc.accounts);
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
      await refuseDuplicates(drafts, (await store.current()).accounts);
      const written: string[] = [];
      let metadataTried = false;
      try {
        for (const [i, account] of accounts.entries()) {
          await secrets.set(account.id, encodeItemValue({ ...account, secret: drafts[i]!.secret }));
          written.push(account.id);
        }
        metadataTried = true;
        await store.mutate(async (doc) => {
          await refuseDuplicates(drafts, doc.accounts); // another process may have added one meanwhile
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

    async exportDrafts(ids) {
      const wanted = ids ? new Set(ids) : null;
      const out: (AccountDraft & { id: string })[] = [];
      for (const account of (await store.current()).accounts) {
        if (wanted && !wanted.has(account.id)) continue;
        const secret = await secretFor(account);
        if (secret === null) throw missingSecretError(account); // never export an account half
        out.push({ id: account.id, issuer: account.issuer, name: account.name, secret, ...paramsOf(account) });
      }
      return out;
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

    async remove(id) {
      // Fail before touching metadata when the keychain cannot write (locked, no bus, no service).
      if (await secrets.isLocked()) throw keychainLocked();
      const account = mustFind((await store.current()).accounts, id);
      // The self-describing keychain value moves as it is, so undelete restores it exactly.
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
        if (secret !== null) forgetKey(secret);
      }
      secretOf.delete(id);
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

    unlock: () => secrets.unlock(),

    async pin(id, pinned) {
      return store.mutate((doc) => {
        const account = mustFind(doc.accounts, id);
        // Unpinned accounts carry no field at all: the file stays as older versions wrote it.
        if (pinned) account.pinned = true;
        else delete account.pinned;
        return { ...account };
      });
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

    async recovery() {
      return (await store.current()).recovery ?? null;
    },

    async acknowledgeRecovery() {
      await store.mutate((doc) => {
        delete doc.recovery;
      });
    },

    async restoreAll() {
      const restored: string[] = [];
      for (const p of await vault.problems()) {
        if (p.kind !== 'orphan-secret') continue;
        await vault.repair(p.id, 'restore');
        restored.push(p.id);
      }
      return restored;
    },

    async currentCodes(ids, nowMs) {
      const at = nowMs ?? clock.now();
      const wanted = ids ? new Set(ids) : null;
      const results: CodeResult[] = [];
      for (const account of (await store.current()).accounts) {
        if (account.type === 'hotp' || (wanted && !wanted.has(account.id))) continue;
        let secret: string | null;
        try {
          secret = await secretFor(account);
        } catch (err) {
          // One unreadable value must not hide the other codes; a locked or absent keychain fails them all.
          if (!(err instanceof AuthdeskError && err.code === 'keychain-bad-item')) throw err;
          results.push({
            id: account.id,
            code: '',
            next: null,
            validFrom: null,
            validUntil: null,
            error: toErrorValue(err),
          });
          continue;
        }
        if (secret === null) continue; // a missing-secret problem: problems() reports it
        results.push(codeWindow(account.id, secret, paramsOf(account), at));
      }
      return results;
    },

    async nextHotp(id) {
      const account = mustFind((await store.current()).accounts, id);
      if (account.type !== 'hotp') throw notCounterBased(account);
      const secret = await secretFor(account);
      if (secret === null) throw missingSecretError(account);
      // Persist counter+1 BEFORE computing the code of the counter we consumed.
      const used = await store.mutate((doc) => {
        const fresh = mustFind(doc.accounts, id);
        if (fresh.type !== 'hotp') throw notCounterBased(fresh); // changed by another process meanwhile
        const counter = fresh.counter;
        fresh.counter = counter + 1;
        return { ...fresh, counter };
      });
      return {
        id,
        code: hotpCode(secret, paramsOf(used), used.counter),
        next: null,
        validFrom: null,
        validUntil: null,
      };
    },

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
          await secretFor(account);
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
  };
  return vault;
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
async function purgeExpiredTrash(store: MetadataStore, secrets: SecretStore, now: number): Promise<void> {
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

function newAccount(draft: AccountDraft, now: number): AccountMeta {
  if (!draft.secret) throw new AuthdeskError('missing-secret', 'This account has no secret key.');
  const account: AccountMeta = {
    id: randomUUID(),
    issuer: cleanLabel(draft.issuer),
    name: cleanLabel(draft.name),
    createdAt: now,
    ...paramsOf(draft),
  };
  return account;
}

/** Would adding `draft` duplicate `account` (whose keychain secret is `secret`)? Labels compare as stored. */
function isDuplicate(draft: AccountDraft, account: AccountMeta, secret: string | null): boolean {
  if (secret === null) return false;
  return sameDraft(
    { ...draft, issuer: cleanLabel(draft.issuer), name: cleanLabel(draft.name) },
    { ...account, secret },
  );
}

function notCounterBased(account: AccountMeta): AuthdeskError {
  return new AuthdeskError('bad-input', `${accountLabel(account)} is time-based: it has no counter to advance.`);
}

function duplicateError(existing: AccountMeta): AuthdeskError {
  return new AuthdeskError('duplicate', `${accountLabel(existing)} is already in Authdesk.`);
}

function missingSecretError(account: AccountMeta): AuthdeskError {
  return new AuthdeskError(
    'not-found',
    `The keychain has no secret for ${accountLabel(account)}: run \`authdesk doctor\` to see what can be repaired.`,
  );
}
