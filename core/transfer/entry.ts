/**
 * Turns the loose fields an app wrote into one ImportedEntry, with the same
 * checks as a scanned link (otp/params.ts), and collects per-entry failures so
 * one bad entry (an MD5 key, a Yandex token) never hides the good ones.
 */
import { AuthdeskError } from '../../common/errors';
import { encodeBase32, normalizeSecret } from '../otp/secret';
import { STEAM, checkCounter, checkDigits, checkPeriod, parseAlgorithm, parseType } from '../otp/params';
import { cleanLabel } from '../vault/labels';
import type { EntryProblem, ImportedEntry } from './types';

export interface LooseEntry {
  type?: string;
  issuer?: unknown;
  name?: unknown;
  /** base32 text, or raw key bytes */
  secret: string | Uint8Array;
  algorithm?: string;
  digits?: number;
  period?: number;
  counter?: number;
  groups?: string[];
  note?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function makeEntry(loose: LooseEntry): ImportedEntry {
  const type = parseType(loose.type ?? 'totp');
  const secret =
    typeof loose.secret === 'string'
      ? normalizeSecret(loose.secret)
      : loose.secret.length
        ? normalizeSecret(encodeBase32(loose.secret))
        : missingSecret();
  const labels = { issuer: cleanLabel(text(loose.issuer)), name: cleanLabel(text(loose.name)) };
  const extras: Pick<ImportedEntry, 'groups' | 'note'> = {};
  if (loose.groups?.length) extras.groups = [...new Set(loose.groups)];
  if (text(loose.note)) extras.note = text(loose.note);
  if (type === 'steam') return { type, ...labels, secret, ...STEAM, ...extras };
  const algorithm = parseAlgorithm(loose.algorithm ?? 'SHA1');
  const digits = checkDigits(loose.digits ?? 6, type);
  if (type === 'totp')
    return { type, ...labels, secret, algorithm, digits, period: checkPeriod(loose.period ?? 30), ...extras };
  return { type, ...labels, secret, algorithm, digits, counter: checkCounter(loose.counter ?? 0), ...extras };
}

function missingSecret(): never {
  throw new AuthdeskError('missing-secret', 'This account has no secret key.');
}

/** Gathers entries; an AuthdeskError thrown while reading one entry becomes a problem for that entry only. */
export class EntryCollector {
  readonly entries: ImportedEntry[] = [];
  readonly problems: EntryProblem[] = [];

  add(where: string, label: { issuer?: unknown; name?: unknown }, read: () => ImportedEntry | null): void {
    try {
      const entry = read();
      if (entry) this.entries.push(entry);
    } catch (err) {
      if (!(err instanceof AuthdeskError)) throw err;
      const shown = [text(label.issuer), text(label.name)].filter(Boolean).join(' / ') || '(unnamed)';
      this.problems.push({ where, label: shown, message: err.message });
    }
  }
}

/** Numbers that some apps write as strings ("6"). */
export function numberish(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}
