/**
 * The vault's public shape. Metadata (no secrets) lives in a versioned JSON
 * file; each secret lives in one OS-keychain item (service = app id,
 * account = the account's id) behind `SecretStore`.
 */
import type { AccountDraft, AccountMeta, CodeResult } from '../../common/otp/types';
import type { RecoveryNotice, TrashEntry, VaultProblem } from '../../common/vault-problems';
import type { ParamChange } from './param-change';

export type { ParamChange } from './param-change';

/**
 * The keychain, reduced to what the vault needs. Every backend passes
 * tests/integration/secret-store-conformance. A locked keychain is an error
 * (AuthdeskError 'keychain-locked'), never a null: "locked" and "missing"
 * must not look alike, or a repair could drop a live account.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  /**
   * Optional: the values of many items in one round (null where absent), in
   * the order asked, where the keychain can do that faster than one get each.
   */
  getMany?(accounts: readonly string[]): Promise<(string | null)[]>;
  /**
   * Optional: start what a read will need (a connection, an encrypted session) now, so it
   * overlaps with other work. Never fails: a failure here is met again, and reported, by the read.
   */
  prepare?(): void;
  /** Single-line values only. */
  set(account: string, secret: string): Promise<void>;
  /** true if something was deleted. */
  delete(account: string): Promise<boolean>;
  /** The account names of this service's items, without reading their values (orphan detection). */
  accounts(): Promise<string[]>;
  /** Whether the keychain is locked now (false where the OS unlocks on demand). */
  isLocked(): Promise<boolean>;
  /** Shows the keychain's own unlock prompt: true once unlocked, false if the person dismissed it. */
  unlock(): Promise<boolean>;
}

export interface Vault {
  /** Where the metadata document lives (the app watches it to notice CLI changes). */
  readonly metadataPath: string;
  /** Accounts in the user's order. Re-reads the file if another process changed it. */
  list(): Promise<AccountMeta[]>;
  /** Rejects an exact duplicate (same secret, issuer and name) with AuthdeskError('duplicate'). */
  add(draft: AccountDraft): Promise<AccountMeta>;
  /**
   * Adds every draft or none (an import): keychain items first, then one
   * metadata write; if anything fails, every keychain item written by this
   * call is removed again and the metadata is left as it was.
   */
  addMany(drafts: AccountDraft[]): Promise<AccountMeta[]>;
  /** Accounts WITH their secrets (all, or the given ids), for export and backup: main/CLI only, never IPC. */
  exportDrafts(ids?: string[]): Promise<(AccountDraft & { id: string })[]>;
  /** The existing account a draft would duplicate, if any. */
  findDuplicate(draft: AccountDraft): Promise<AccountMeta | null>;
  rename(id: string, issuer: string, name: string): Promise<AccountMeta>;
  /** `ids` in the new order; ids not named keep their relative order after them. */
  reorder(ids: string[]): Promise<void>;
  remove(id: string): Promise<void>;
  /** Marks an account pinned (shown first) or not; the stored order is kept. */
  pin(id: string, pinned: boolean): Promise<AccountMeta>;
  /** Codes of totp/steam accounts (all, or the given ids) at `nowMs` (default: the injected clock). */
  currentCodes(ids?: string[], nowMs?: number): Promise<CodeResult[]>;
  /** Persists counter+1 first, then returns the code for the counter that was stored. */
  nextHotp(id: string): Promise<CodeResult>;
  /** Changes algorithm/digits/period; the keychain's self-describing copy is rewritten first. */
  updateParams(id: string, change: ParamChange): Promise<AccountMeta>;
  /** Asks the keychain to unlock through its own prompt: true once unlocked, false if dismissed. */
  unlock(): Promise<boolean>;
  /**
   * Keychain items without metadata, metadata without a keychain item (names
   * only, no value is read); with readValues also values that cannot be read.
   */
  problems(options?: { readValues?: boolean }): Promise<VaultProblem[]>;
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
