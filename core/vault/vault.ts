/**
 * The vault: account metadata (accounts.json) + one keychain item per account.
 *
 * Secrets are read from the keychain once, at open (one `list()` call), into a
 * Map that lives only in this process (main or CLI). The two halves are never
 * written in one transaction, so the ORDER of writes decides what a crash
 * leaves behind, and it is always something the user can get back:
 * - add:    keychain first, then metadata -> a crash leaves an orphan secret,
 *           which problems() reports and repair('restore') turns into an account;
 * - remove: metadata first, then keychain -> a crash leaves an orphan again;
 * - HOTP:   counter+1 is saved before the code is returned, so a code is never
 *           shown twice (a crash only skips one, which servers tolerate).
 */
import { randomUUID } from 'node:crypto';
import { codeWindow, hotpCode } from '../otp/index';
import type { AccountDraft, AccountMeta, CodeResult, OtpParams } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';
import { systemClock, type Clock } from '../clock';
import type { LockOptions } from '../lock';
import { vaultFiles } from '../paths';
import { ensureDataFolder } from '../data-folder';
import type { SecretStore, Vault } from './types';
import { openMetadataStore } from './metadata-store';
import { findProblems, recoveredAccount } from './problems';
import { accountLabel, cleanLabel, isDuplicate, orderBy } from './account-utils';

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

  return {
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
      await store.mutate((doc) => {
        mustFind(doc.accounts, id);
        doc.accounts = doc.accounts.filter((a) => a.id !== id);
      });
      // Metadata is gone first; if this delete fails the secret is an orphan, never lost.
      await secrets.delete(id);
      secretOf.delete(id);
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
      return findProblems((await store.current()).accounts, new Set(secretOf.keys()));
    },

    async repair(id, action) {
      if (action === 'restore') {
        const secret = await secrets.get(id);
        if (secret === null) throw new AuthdeskError('not-found', 'There is no keychain item to restore for that id.');
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
