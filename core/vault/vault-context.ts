/**
 * What every group of vault operations shares: the metadata store, the
 * keychain, the clock, and this process's cache of secrets it has read.
 * Reading a secret, finding a duplicate and the vault's error sentences live
 * here so each operation file (vault-*.ts) says only what it does.
 */
import { randomUUID } from 'node:crypto';
import type { AccountDraft, AccountMeta } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';
import { paramsOf } from '../../common/otp/params';
import { sameDraft } from '../otp/index';
import type { Clock } from '../clock';
import type { SecretStore } from './types';
import type { MetadataStore } from './metadata-store';
import { accountLabel, cleanLabel } from './labels';
import { secretOfItem } from './item-value';

export interface VaultContext {
  store: MetadataStore;
  secrets: SecretStore;
  clock: Clock;
  /** Secrets this process has read (by account id); an id's secret never changes. */
  secretOf: Map<string, string>;
  /** The base32 secret of one account, read from the keychain the first time it is needed. */
  secretFor(account: AccountMeta): Promise<string | null>;
  /**
   * Reads the secrets of many accounts into the cache in one keychain round where the store
   * can (getMany); secretFor then answers from the cache. An absent or unreadable value is
   * left out, so secretFor reads it again and reports it as it always does.
   */
  prefetch(accounts: readonly AccountMeta[]): Promise<void>;
  /** The account of `accounts` that `draft` would duplicate, if any. */
  findDuplicate(draft: AccountDraft, accounts: AccountMeta[]): Promise<AccountMeta | null>;
  /** A batch may not repeat an account of the vault, nor one of its own. */
  refuseDuplicates(drafts: AccountDraft[], accounts: AccountMeta[]): Promise<void>;
}

export function createVaultContext(store: MetadataStore, secrets: SecretStore, clock: Clock): VaultContext {
  const secretOf = new Map<string, string>();

  const secretFor = async (account: AccountMeta): Promise<string | null> => {
    const known = secretOf.get(account.id);
    if (known !== undefined) return known;
    const value = await secrets.get(account.id);
    if (value === null) return null;
    const secret = secretOfItem(value, accountLabel(account)); // throws keychain-bad-item, naming the account
    secretOf.set(account.id, secret);
    return secret;
  };

  const prefetch = async (accounts: readonly AccountMeta[]): Promise<void> => {
    const wanted = accounts.filter((a) => !secretOf.has(a.id));
    if (!secrets.getMany || wanted.length < 2) return;
    const values = await secrets.getMany(wanted.map((a) => a.id));
    for (const [i, account] of wanted.entries()) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      try {
        secretOf.set(account.id, secretOfItem(value, accountLabel(account)));
      } catch {
        // Not a key: secretFor reads it once more and names the account in its error.
      }
    }
  };

  // Only accounts whose labels and parameters already match can be duplicates: only their secrets are read.
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

  const refuseDuplicates = async (drafts: AccountDraft[], accounts: AccountMeta[]) => {
    for (const [i, draft] of drafts.entries()) {
      const existing = await findDuplicate(draft, accounts);
      if (existing) throw duplicateError(existing);
      if (drafts.slice(0, i).some((d) => isDuplicate(draft, { ...d, id: '', createdAt: 0 } as AccountMeta, d.secret)))
        throw new AuthdeskError('duplicate', `${accountLabel(draft)} is twice in this import.`);
    }
  };

  return { store, secrets, clock, secretOf, secretFor, prefetch, findDuplicate, refuseDuplicates };
}

export function mustFind(accounts: AccountMeta[], id: string): AccountMeta {
  const found = accounts.find((a) => a.id === id);
  if (!found) throw new AuthdeskError('not-found', 'That account is no longer in Authdesk.');
  return found;
}

export function newAccount(draft: AccountDraft, now: number): AccountMeta {
  if (!draft.secret) throw new AuthdeskError('missing-secret', 'This account has no secret key.');
  return {
    id: randomUUID(),
    issuer: cleanLabel(draft.issuer),
    name: cleanLabel(draft.name),
    createdAt: now,
    ...paramsOf(draft),
  };
}

/** Would adding `draft` duplicate `account` (whose keychain secret is `secret`)? Labels compare as stored. */
function isDuplicate(draft: AccountDraft, account: AccountMeta, secret: string | null): boolean {
  if (secret === null) return false;
  return sameDraft(
    { ...draft, issuer: cleanLabel(draft.issuer), name: cleanLabel(draft.name) },
    { ...account, secret },
  );
}

export function duplicateError(existing: AccountMeta): AuthdeskError {
  return new AuthdeskError('duplicate', `${accountLabel(existing)} is already in Authdesk.`);
}

export function missingSecretError(account: AccountMeta): AuthdeskError {
  return new AuthdeskError(
    'not-found',
    `The keychain has no secret for ${accountLabel(account)}: run \`authdesk doctor\` to see what can be repaired.`,
  );
}
