/**
 * The schema of the accounts document (metadata-document.ts), checked when a
 * file is read, because people and other tools edit files.
 */
// zod/mini, imported as a namespace so the bundle keeps only what is used: the CLI reads
// this file on every `authdesk code`, and full zod made that start ~0.1 s slower.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ALGORITHMS, COUNTER, DIGITS, PERIOD, STEAM, type OtpType } from '../../common/otp/vocabulary';
import { VAULT_FORMAT, VAULT_VERSION } from './metadata-document';

// zod/mini has no messages of its own; describeIssue shows them in the vault-corrupt message.
z.config(en());

/** Whole numbers in [min, max] (the vocabulary's ranges, as common/otp/schemas.ts checks them for the app). */
const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const timestamp = () => z.int().check(z.nonnegative());
const algorithmSchema = z.enum(ALGORITHMS);
const digitsSchema = (type: OtpType) => whole(DIGITS[type].min, DIGITS[type].max);

// Loose objects: a field added by a later 1.x writer survives our rewrite.
const labelsAndId = {
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  // No length limit of its own: the app and the CLI write at most LABEL_MAX_LENGTH,
  // and a longer label typed into the file by hand must not make the whole file "damaged".
  issuer: z.string(),
  name: z.string(),
  createdAt: timestamp(),
  // Optional: files written before pins existed load unchanged.
  pinned: z.optional(z.boolean()),
};

const accountSchema = z.pipe(
  z.transform(normaliseParams),
  z.discriminatedUnion('type', [
    z.looseObject({
      ...labelsAndId,
      type: z.literal('totp'),
      algorithm: algorithmSchema,
      digits: digitsSchema('totp'),
      period: whole(PERIOD.min, PERIOD.max),
    }),
    z.looseObject({
      ...labelsAndId,
      type: z.literal('hotp'),
      algorithm: algorithmSchema,
      digits: digitsSchema('hotp'),
      counter: whole(COUNTER.min, COUNTER.max),
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
  deletedAt: timestamp(),
});

/** Set when accounts.json was recovered from its backup, until the user acknowledges it. */
const recoverySchema = z.looseObject({
  at: timestamp(),
  reason: z.string().check(z.maxLength(500)),
  keptAs: z.nullable(z.string().check(z.maxLength(4096))),
  accounts: timestamp(),
});

export const vaultDocumentSchema = z
  .looseObject({
    format: z.literal(VAULT_FORMAT),
    version: z.literal(VAULT_VERSION),
    accounts: z.array(accountSchema),
    // Both optional: a file without them is a version 1 file as before, and an older
    // 1.x reader keeps them (loose objects) when it rewrites the file.
    trash: z.optional(z.array(trashSchema)),
    recovery: z.optional(recoverySchema),
  })
  .check(
    z.refine((d) => new Set(d.accounts.map((a) => a.id)).size === d.accounts.length, {
      message: 'two accounts share an id',
      path: ['accounts'],
    }),
  );

/** One short line saying what is wrong, for the vault-corrupt message. */
export function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
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
