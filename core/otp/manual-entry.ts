/**
 * The "enter a key by hand" form into a validated draft, with the same rules
 * and errors as a scanned link (the contract's zod schema checks shapes in
 * main; this checks meaning, and also serves the CLI, which has no schema).
 */
import { AuthdeskError } from '../../common/errors';
import { DEFAULTS, STEAM, checkCounter, checkDigits, checkPeriod, parseAlgorithm, parseType } from './params';
import { normalizeNewSecret } from './secret';
import { safeLabel } from './label';
import type { AccountDraft, Algorithm, OtpType } from '../../common/otp/types';

export interface ManualEntryInput {
  issuer: string;
  name: string;
  secret: string;
  type?: OtpType;
  algorithm?: Algorithm;
  digits?: number;
  period?: number;
  counter?: number;
}

export function draftFromManualEntry(entry: ManualEntryInput): AccountDraft {
  const issuer = typedLabel(entry.issuer, 'issuer');
  const name = typedLabel(entry.name, 'account name');
  if (issuer === '' && name === '') {
    throw new AuthdeskError(
      'bad-input',
      'Give the account a name or an issuer (at least one), so you can tell it apart from the others.',
    );
  }
  const type = parseType(entry.type ?? DEFAULTS.type);
  const secret = normalizeNewSecret(entry.secret);
  if (type === 'steam') return { type, issuer, name, secret, ...STEAM };

  const algorithm = parseAlgorithm(entry.algorithm ?? DEFAULTS.algorithm);
  const digits = checkDigits(entry.digits ?? DEFAULTS.digits, type);
  if (type === 'totp')
    return { type, issuer, name, secret, algorithm, digits, period: checkPeriod(entry.period ?? DEFAULTS.period) };
  // A new HOTP key starts at counter 0 unless the service said otherwise.
  return { type, issuer, name, secret, algorithm, digits, counter: checkCounter(entry.counter ?? DEFAULTS.counter) };
}

/**
 * Trimmed, like a parsed label (so a typed and a scanned account compare
 * equal). A lone surrogate cannot be written to a link or most keychains.
 */
function typedLabel(value: string, what: string): string {
  if (/\p{Surrogate}/u.test(value)) {
    throw new AuthdeskError('bad-input', `The ${what} contains a broken character; please type it again.`);
  }
  return safeLabel(value);
}
