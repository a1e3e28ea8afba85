/**
 * The accounts document on disk (no secrets): `{ format, version, accounts }`.
 * Validated on every read, because people and other tools edit files.
 */
// zod/mini, not classic zod: the same checks for a fifth of the code, which the CLI
// loads on every `list` and `code` (start-up time; see scripts/cli-bundle.mjs).
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { AccountMeta } from '../../common/otp/types';

export const VAULT_FORMAT = 'authdesk-vault';
export const VAULT_VERSION = 1;

// zod/mini ships no messages of its own: the English ones, as classic zod has.
z.config(en());

const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

// Loose objects: a field added by a later 1.x writer survives our rewrite.
const accountSchema = z
  .looseObject({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    issuer: z.string().check(z.maxLength(1000)),
    name: z.string().check(z.maxLength(1000)),
    createdAt: z.int().check(z.gte(0)),
    type: z.enum(['totp', 'hotp', 'steam']),
    algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
    digits: int(1, 10),
    period: z.optional(int(1, 3600)),
    counter: z.optional(int(0, Number.MAX_SAFE_INTEGER)),
  })
  .check(
    z.refine((a) => a.type !== 'hotp' || a.counter !== undefined, {
      message: 'a hotp account needs a counter',
      path: ['counter'],
    }),
    z.refine((a) => a.type === 'hotp' || a.period !== undefined, {
      message: 'a time-based account needs a period',
      path: ['period'],
    }),
  );

export const vaultDocumentSchema = z
  .looseObject({
    format: z.literal(VAULT_FORMAT),
    version: z.literal(VAULT_VERSION),
    accounts: z.array(accountSchema),
  })
  .check(
    z.refine((d) => new Set(d.accounts.map((a) => a.id)).size === d.accounts.length, {
      message: 'two accounts share an id',
      path: ['accounts'],
    }),
  );

export interface VaultDocument {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_VERSION;
  accounts: AccountMeta[];
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
export function describeIssue(error: z.core.$ZodError): string {
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
