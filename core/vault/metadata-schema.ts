/**
 * The accounts document on disk (no secrets): `{ format, version, accounts }`.
 * Validated on every read, because people and other tools edit files.
 */
import { z } from 'zod';
import type { AccountMeta } from '../../common/otp/types';
import type { RecoveryNotice } from '../../common/vault-problems';

export const VAULT_FORMAT = 'authdesk-vault';
export const VAULT_VERSION = 1;

// Loose objects: a field added by a later 1.x writer survives our rewrite.
const accountSchema = z
  .looseObject({
    id: z.string().min(1).max(64),
    issuer: z.string().max(1000),
    name: z.string().max(1000),
    createdAt: z.number().int().nonnegative(),
    type: z.enum(['totp', 'hotp', 'steam']),
    algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
    digits: z.number().int().min(1).max(10),
    period: z.number().int().min(1).max(3600).optional(),
    counter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((a) => a.type !== 'hotp' || a.counter !== undefined, {
    message: 'a hotp account needs a counter',
    path: ['counter'],
  })
  .refine((a) => a.type === 'hotp' || a.period !== undefined, {
    message: 'a time-based account needs a period',
    path: ['period'],
  });

/** A deleted account: its metadata plus when it was deleted (the secret sits in the keychain under trashItemName). */
const trashSchema = z.looseObject({
  account: accountSchema,
  deletedAt: z.number().int().nonnegative(),
});

/** Set when accounts.json was recovered from its backup, until the user acknowledges it. */
const recoverySchema = z.looseObject({
  at: z.number().int().nonnegative(),
  reason: z.string().max(500),
  keptAs: z.string().max(4096).nullable(),
  accounts: z.number().int().nonnegative(),
});

export const vaultDocumentSchema = z
  .looseObject({
    format: z.literal(VAULT_FORMAT),
    version: z.literal(VAULT_VERSION),
    accounts: z.array(accountSchema),
    // Both optional: a file without them is a version 1 file as before, and an older
    // 1.x reader keeps them (loose objects) when it rewrites the file.
    trash: z.array(trashSchema).optional(),
    recovery: recoverySchema.optional(),
  })
  .refine((d) => new Set(d.accounts.map((a) => a.id)).size === d.accounts.length, {
    message: 'two accounts share an id',
    path: ['accounts'],
  });

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

/** One short line saying what is wrong, for the vault-corrupt message. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid document';
  const where = issue.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : 'document';
  return `${where}: ${issue.message}`;
}
