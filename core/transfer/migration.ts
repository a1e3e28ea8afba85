/**
 * Google Authenticator transfer codes: `otpauth-migration://offline?data=D`.
 * D is standard base64 of a protobuf MigrationPayload (migration-schema.ts),
 * percent-encoded, but real strings vary: `+` may arrive as a space (form
 * decoding), `/+=` may be raw, the padding may be gone. So: percent-decode
 * only, spaces back to `+`, re-pad, then decode.
 */
import { AuthdeskError } from '../../common/errors';
import { randomInt } from 'node:crypto';
import { secretBytes } from '../otp/secret';
import { splitLabel } from '../otp/label';
import { EntryCollector, makeEntry } from './entry';
import { decodePayload, encodePayload, type RawMigrationPayload } from './migration-schema';
import type { ImportResult } from './types';
import type { AccountDraft } from '../../common/otp/types';

export const MIGRATION_PREFIX = 'otpauth-migration://';
/** Google's own exporter puts at most 10 accounts in one QR code. */
export const MIGRATION_BATCH_LIMIT = 10;

const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512', 4: 'MD5' };
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };

export interface MigrationBatch {
  batchId: number;
  batchIndex: number;
  batchSize: number;
  version: number;
  result: ImportResult;
}

export function isMigrationUri(text: string): boolean {
  return text.trim().toLowerCase().startsWith(MIGRATION_PREFIX);
}

function notMigration(): AuthdeskError {
  return new AuthdeskError(
    'not-otp',
    'This is not a Google Authenticator transfer code: those start with otpauth-migration://offline?data=.',
  );
}

function badPayload(detail: string): AuthdeskError {
  return new AuthdeskError(
    'damaged-file',
    `This Google Authenticator transfer code is damaged (${detail}): scan it again, or export it again from the phone.`,
  );
}

/** The payload bytes of a transfer URI. */
export function migrationBytes(uri: string): Uint8Array {
  const text = uri.trim();
  if (!isMigrationUri(text)) throw notMigration();
  const query = text.slice(text.indexOf('?') + 1);
  if (!text.includes('?')) throw badPayload('it has no data');
  // Split at the first '=' only: the base64 padding contains '='.
  const pair = query.split('&').find((p) => p.toLowerCase().startsWith('data='));
  if (pair === undefined) throw badPayload('it has no data');
  let data: string;
  try {
    data = decodeURIComponent(pair.slice(5));
  } catch {
    throw badPayload('a broken %-escape');
  }
  data = data.replace(/ /g, '+').replace(/=+$/, '');
  if (data === '') throw badPayload('its data is empty');
  if (!/^[A-Za-z0-9+/_-]+$/.test(data)) throw badPayload('its data is not base64');
  if (data.length % 4 === 1) throw badPayload('its base64 data is cut short');
  return Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Decodes one transfer URI. Entries Authdesk cannot use (MD5) become per-entry problems. */
export function decodeMigrationUri(uri: string): MigrationBatch {
  let raw: RawMigrationPayload;
  try {
    raw = decodePayload(migrationBytes(uri));
  } catch (err) {
    if (err instanceof AuthdeskError) throw err;
    throw badPayload('its data is not a transfer payload or is cut short');
  }
  const found = new EntryCollector();
  raw.otpParameters.forEach((p, i) => {
    const { issuer, name } = labelsOf(p.issuer, p.name);
    found.add(`account ${i + 1}`, { issuer, name }, () =>
      makeEntry({
        type: p.type === 1 ? 'hotp' : 'totp',
        issuer,
        name,
        secret: p.secret,
        algorithm: ALGORITHMS[p.algorithm] ?? `enum ${p.algorithm}`,
        digits: DIGITS[p.digits] ?? -1,
        period: 30,
        counter: p.counter,
      }),
    );
  });
  return {
    batchId: raw.batchId,
    batchIndex: raw.batchIndex,
    batchSize: raw.batchSize,
    version: raw.version,
    result: { format: 'migration', formatName: 'Google Authenticator transfer', ...found },
  };
}

/** The payload `name` is the original label: drop a repeated `Issuer:` prefix, or take the issuer from it. */
function labelsOf(issuer: string, name: string): { issuer: string; name: string } {
  if (issuer !== '') {
    if (name.startsWith(`${issuer}:`)) return { issuer, name: name.slice(issuer.length + 1).trimStart() };
    return { issuer, name };
  }
  if (!name.includes(':')) return { issuer: '', name };
  const { prefix, account } = splitLabel(name);
  return { issuer: prefix, name: account };
}

/**
 * Transfer URIs for `accounts`, at most `MIGRATION_BATCH_LIMIT` per URI, all
 * sharing one batch id. Steam accounts have no place in Google's format and
 * must be filtered out by the caller (exportMigration says so).
 */
export function encodeMigrationUris(accounts: AccountDraft[], batchId = randomBatchId()): string[] {
  const chunks: AccountDraft[][] = [];
  for (let i = 0; i < accounts.length; i += MIGRATION_BATCH_LIMIT)
    chunks.push(accounts.slice(i, i + MIGRATION_BATCH_LIMIT));
  if (!chunks.length) chunks.push([]);
  return chunks.map((chunk, index) => {
    const bytes = encodePayload({
      version: 1,
      batchSize: chunks.length,
      batchIndex: index,
      batchId,
      otpParameters: chunk.map((a) => ({
        secret: secretBytes(a.secret),
        name: labelFor(a.issuer, a.name),
        issuer: a.issuer,
        algorithm: { SHA1: 1, SHA256: 2, SHA512: 3 }[a.algorithm],
        digits: a.digits === 8 ? 2 : 1,
        type: a.type === 'hotp' ? 1 : 2,
        counter: a.type === 'hotp' ? (a.counter ?? 0) : 0,
      })),
    });
    return `${MIGRATION_PREFIX}offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
  });
}

/** The payload name as Google writes it (the whole label), built so labelsOf() reads back issuer and name. */
function labelFor(issuer: string, name: string): string {
  if (issuer !== '') return `${issuer}:${name}`;
  return name.includes(':') ? `:${name}` : name;
}

/** Which accounts Google's format can carry: 6 or 8 digits, 30 s, not Steam. */
export function fitsMigration(a: AccountDraft): boolean {
  if (a.type === 'steam') return false;
  if (a.digits !== 6 && a.digits !== 8) return false;
  return a.type === 'hotp' || (a.period ?? 30) === 30;
}

function randomBatchId(): number {
  return randomInt(-(2 ** 31), 2 ** 31 - 1);
}
