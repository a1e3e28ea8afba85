/**
 * The vault's public shape. Metadata (no secrets) lives in a versioned JSON
 * file; each secret lives in one OS-keychain item (service = app id,
 * account = the account's id) behind `SecretStore`.
 */
import type { AccountDraft, AccountMeta, CodeResult } from '../../common/otp/types';
import type { RecoveryNotice, TrashEntry, VaultProblem } from '../../common/vault-problems';

/** The keychain, reduced to what the vault needs. Every backend passes tests/integration/secret-store-conformance. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  /** Single-line values only. */
  set(account: string, secret: string): Promise<void>;
  /** true if something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Every item of this store's service, in one call (the vault's load path). */
  list(): Promise<{ account: string; secret: string }[]>;
}

export interface Vault {
  /** Where the metadata document lives (the app watches it to notice CLI changes). */
  readonly metadataPath: string;
  /** Accounts in the user's order. Re-reads the file if another process changed it. */
  list(): Promise<AccountMeta[]>;
  /** Rejects an exact duplicate (same secret, issuer and name) with AuthdeskError('duplicate'). */
  add(draft: AccountDraft): Promise<AccountMeta>;
  /** The existing account a draft would duplicate, if any. */
  findDuplicate(draft: AccountDraft): Promise<AccountMeta | null>;
  rename(id: string, issuer: string, name: string): Promise<AccountMeta>;
  /** `ids` in the new order; ids not named keep their relative order after them. */
  reorder(ids: string[]): Promise<void>;
  remove(id: string): Promise<void>;
  /** Codes of totp/steam accounts (all, or the given ids) at `nowMs` (default: the injected clock). */
  currentCodes(ids?: string[], nowMs?: number): Promise<CodeResult[]>;
  /** Persists counter+1 first, then returns the code for the counter that was stored. */
  nextHotp(id: string): Promise<CodeResult>;
  /** Keychain items without metadata, metadata without a keychain item. */
  problems(): Promise<VaultProblem[]>;
  repair(id: string, action: 'restore' | 'forget'): Promise<void>;
  /** Restores every orphan keychain item at once (accounts.json lost: all secrets come back). Returns the ids. */
  restoreAll(): Promise<string[]>;
  /** Deleted accounts still kept (newest first); expired ones are purged when the vault opens. */
  trash(): Promise<TrashEntry[]>;
  /** Brings a deleted account back from the trash, secret included. */
  undelete(id: string): Promise<AccountMeta>;
  /** Set when accounts.json was recovered from its backup and the user has not acknowledged it yet. */
  recovery(): Promise<RecoveryNotice | null>;
  acknowledgeRecovery(): Promise<void>;
}
