/**
 * The vault: account metadata (accounts.json) + one keychain item per account.
 *
 * Secrets are read from the keychain once, at open (one `list()` call), into a
 * Map that lives only in this process (main or CLI). The two halves are never
 * written in one transaction, so the ORDER of writes decides what a crash
 * leaves behind, and it is always something the user can get back:
 * - add:    keychain first, then metadata -> a crash leaves an orphan secret,
 *           which problems() reports and repair('restore') turns into an account;
 * - remove: into the trash for 30 days (see trash.ts for the order of its steps);
 * - HOTP:   counter+1 is saved before the code is returned, so a code is never
 *           shown twice (a crash only skips one, which servers tolerate).
 */
import { randomUUID } from 'node:crypto';
import { codeWindow, forgetKey, hotpCode } from '../otp/index';
import type { AccountDraft, AccountMeta, CodeResult, OtpParams } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';
import { systemClock, type Clock } from '../clock';
import type { LockOptions } from '../lock';
import { vaultFiles } from '../paths';
import { ensureDataFolder } from '../data-folder';
import type { SecretStore, Vault } from './types';
import { openMetadataStore, type MetadataStore } from './metadata-store';
import { findProblems, recoveredAccount } from './problems';
import { accountLabel, cleanLabel, isDuplicate, orderBy } from './account-utils';
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
  const [store, items] = await Promise.all([openMetadataStore(files, clock, options.lock), secrets.list()]);
  const secretOf = new Map(items.map((i) => [i.account, i.secret]));
  await purgeExpiredTrash(store, secrets, clock.now());

  /** The secret of an account, asking the keychain for ones another process added after we loaded. */
  const secretFor = async (id: string): Promise<string | null> => {
    const known = secretOf.get(id);
    if (known !== undefined) return known;
    const fetched = await secrets.get(id);
    if (fetched !== null) secretOf.set(id, fetched);
    return fetched;
  };

  const findDuplicate = async (draft: AccountDraft, accounts: AccountMeta[]): Promise<AccountMeta | null> => {
    for (const account of accounts) {
      if (isDuplicate(draft, account, await secretFor(account.id))) return account;
    }
    return null;
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
      await secrets.set(account.id, draft.secret); // FIRST: see the top of this file
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
      mustFind((await store.current()).accounts, id);
      const secret = await secretFor(id);
      // 1. the secret into its trash item (a metadata entry without a secret stays forgettable as before)
      if (secret !== null) await secrets.set(trashItemName(id), secret);
      // 2. the metadata into the trash section
      await store.mutate((doc) => {
        const fresh = mustFind(doc.accounts, id);
        doc.accounts = doc.accounts.filter((a) => a.id !== id);
        doc.trash = [...(doc.trash ?? []), { account: { ...fresh }, deletedAt: clock.now() }];
      });
      // 3. the live item; if this fails the secret is still in the trash item (and here), never lost.
      if (secret !== null) {
        await secrets.delete(id);
        forgetKey(secret);
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
      const secret = (await secrets.get(trashItemName(id))) ?? (await secrets.get(id));
      if (secret === null)
        throw new AuthdeskError(
          'not-found',
          `The keychain no longer holds the secret of ${accountLabel(trashed.account)}: it cannot be restored.`,
        );
      await secrets.set(id, secret); // 1. live item back
      secretOf.set(id, secret);
      const restored = await store.mutate((doc) => {
        const entry = (doc.trash ?? []).find((t) => t.account.id === id);
        if (!entry) throw new AuthdeskError('not-found', 'That account is not in the trash any more.');
        doc.trash = (doc.trash ?? []).filter((t) => t.account.id !== id);
        if (!doc.accounts.some((a) => a.id === id)) doc.accounts.push({ ...entry.account });
        return { ...entry.account };
      }); // 2. metadata back
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
        const secret = await secretFor(account.id);
        if (secret === null) continue; // a missing-secret problem: problems() reports it
        results.push(codeWindow(account.id, secret, paramsOf(account), at));
      }
      return results;
    },

    async nextHotp(id) {
      const account = mustFind((await store.current()).accounts, id);
      if (account.type !== 'hotp')
        throw new AuthdeskError('bad-input', `${accountLabel(account)} is time-based: it has no counter to advance.`);
      const secret = await secretFor(id);
      if (secret === null) throw missingSecretError(account);
      // Persist counter+1 BEFORE computing the code of the counter we consumed.
      const used = await store.mutate((doc) => {
        const fresh = mustFind(doc.accounts, id);
        const counter = fresh.counter ?? 0;
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

    async problems() {
      // A fresh listing: problems exist because the keychain changed behind our back.
      const items = await secrets.list();
      secretOf.clear();
      for (const i of items) secretOf.set(i.account, i.secret);
      const doc = await store.current();
      const { liveItems, orphanTrashItems } = explainedItems(doc.accounts, doc.trash, [...secretOf.keys()]);
      return findProblems(doc.accounts, new Set([...liveItems, ...orphanTrashItems]));
    },

    async repair(id, action) {
      if (action === 'restore') {
        const fromTrashItem = (await secrets.get(id)) === null;
        const secret = (await secrets.get(id)) ?? (await secrets.get(trashItemName(id)));
        if (secret === null) throw new AuthdeskError('not-found', 'There is no keychain item to restore for that id.');
        if (fromTrashItem) await secrets.set(id, secret); // a trash item whose entry was lost
        secretOf.set(id, secret);
        await store.mutate((doc) => {
          if (doc.accounts.some((a) => a.id === id))
            throw new AuthdeskError('bad-input', 'That account is not broken: nothing to restore.');
          doc.accounts.push(recoveredAccount(id, clock.now()));
        });
        return;
      }
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

/** Drops trash entries older than TRASH_DAYS: keychain item first, then the entry (see trash.ts). */
async function purgeExpiredTrash(store: MetadataStore, secrets: SecretStore, now: number): Promise<void> {
  const due = expired((await store.current()).trash, now);
  if (!due.length) return;
  for (const t of due) await secrets.delete(trashItemName(t.account.id));
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

/** Only the code parameters that apply to the type (no stray counter on a totp account). */
function paramsOf(p: OtpParams): OtpParams {
  const base = { type: p.type, algorithm: p.algorithm, digits: p.digits };
  return p.type === 'hotp' ? { ...base, counter: p.counter ?? 0 } : { ...base, period: p.period ?? 30 };
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
