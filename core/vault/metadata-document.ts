/**
 * The accounts document on disk (no secrets): `{ format, version, accounts }`,
 * its types and what can be known of it without the schema. The schema check
 * (zod) is in metadata-schema.ts, loaded only when a file is checked: a CLI
 * run whose accounts.json passed before never loads it (see checked-copy.ts).
 */
import type { AccountMeta } from '../../common/otp/types';
import type { RecoveryNotice } from '../../common/vault-problems';

export const VAULT_FORMAT = 'authdesk-vault';
export const VAULT_VERSION = 1;

export interface TrashedAccount {
  account: AccountMeta;
  deletedAt: number;
}

export interface VaultDocument {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_VERSION;
  accounts: AccountMeta[];
  trash?: TrashedAccount[];
  recovery?: RecoveryNotice;
}

export function emptyDocument(): VaultDocument {
  return { format: VAULT_FORMAT, version: VAULT_VERSION, accounts: [] };
}

/** The version a document claims, if it claims to be ours at all (to tell "too new" from "corrupt"). */
export function claimedVersion(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const { format, version } = value as { format?: unknown; version?: unknown };
  return format === VAULT_FORMAT && typeof version === 'number' ? version : null;
}
