/**
 * The accounts document on disk (no secrets): `{ format, version, accounts }`.
 * Validated on every read, because people and other tools edit files.
 */
import { z } from 'zod';
import type { AccountMeta } from '../../common/otp/types';
import { algorithmSchema, counterSchema, digitsSchema, periodSchema } from '../../common/otp/schemas';
import { STEAM } from '../../common/otp/vocabulary';
import type { RecoveryNotice } from '../../common/vault-problems';

export const VAULT_FORMAT = 'authdesk-vault';
export const VAULT_VERSION = 1;

// Loose objects: a field added by a later 1.x writer survives our rewrite.
const labelsAndId = {
  id: z.string().min(1).max(64),
  // No length limit of its own: the app and the CLI write at most LABEL_MAX_LENGTH,
  // and a longer label typed into the file by hand must not make the whole file "damaged".
  issuer: z.string(),
  name: z.string(),
  createdAt: z.number().int().nonnegative(),
  // Optional: files written before pins existed load unchanged.
  pinned: z.boolean().optional(),
};

const accountSchema = z.preprocess(
  normaliseParams,
  z.discriminatedUnion('type', [
    z.looseObject({
      ...labelsAndId,
      type: z.literal('totp'),
      algorithm: algorithmSchema,
      digits: digitsSchema('totp'),
      period: periodSchema,
    }),
    z.looseObject({
      ...labelsAndId,
      type: z.literal('hotp'),
      algorithm: algorithmSchema,
      digits: digitsSchema('hotp'),
      counter: counterSchema,
    }),
    z.looseObject({
      ...labelsAndId,
      type: z.literal('steam'),
      algorithm: z.literal(STEAM.algorithm),
      digits: z.literal(STEAM.digits),
      period: z.literal(STEAM.period),
    }),
  ]),
);

/**
 * Version 1 files written before the account types became a union stored
 * one flat shape, and their reader was more lenient: any account could carry
 * both `period` and `counter` (only the one of its type was used), and a
 * Steam account's algorithm, digits and period were read but ignored (Steam
 * codes are always SHA1, 5 characters, 30 s). Those files keep loading: the
 * unused field is dropped and Steam's fixed parameters are filled in. What
 * we write did not change (paramsOf), so the version stays 1 and an older
 * Authdesk or CLI still reads our files.
 */
export function normaliseParams(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const account = { ...(value as Record<string, unknown>) };
  if (account.type === 'steam') Object.assign(account, STEAM);
  if (account.type !== 'hotp') delete account.counter;
  if (account.type === 'hotp') delete account.period;
  return account;
}

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
