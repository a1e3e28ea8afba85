/**
 * The code parameters (algorithm, digits, period, counter), checked the same
 * way whether they come from a link (text) or the manual-entry form (numbers).
 * Messages quote the offending value only when it is short and not part of
 * the key: a mangled link can put key material into any parameter, so the
 * link parser passes the raw `secret` along to be kept out of messages.
 */
import { AuthdeskError } from '../../common/errors';
import type { Algorithm, OtpType } from '../../common/otp/types';

export const DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
/** Steam Guard codes are always 5 characters, SHA1, 30 s, whatever a link says. */
export const STEAM = { algorithm: 'SHA1', digits: 5, period: 30 } as const;
/** 10 digits is the most a 31-bit truncated value can fill. */
export const DIGITS_RANGE = { min: 1, max: 10 } as const;
/** otplib's limits for a period (seconds). */
export const PERIOD_RANGE = { min: 1, max: 3600 } as const;

const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];

/** ` (got 'value')`, or nothing when the value is long or overlaps the key. */
export function quote(value: string, secret = ''): string {
  return value.length <= 12 && !overlapsKey(value, secret) ? ` (got '${value}')` : '';
}

function overlapsKey(value: string, secret: string): boolean {
  const compact = (text: string) => text.toUpperCase().replace(/[\s=-]+/g, '');
  const [v, k] = [compact(value), compact(secret)];
  return v !== '' && k !== '' && (k.includes(v) || v.includes(k));
}

export function parseType(raw: string, secret = ''): OtpType {
  const type = raw.toLowerCase();
  if ((TYPES as readonly string[]).includes(type)) return type as OtpType;
  const what =
    raw === '' ? 'none was given' : quote(raw, secret) === '' ? 'this is none of them' : `'${raw}' is not one of them`;
  throw new AuthdeskError(
    'bad-type',
    `Authdesk understands time-based (totp), counter-based (hotp) and Steam codes, but ${what}.`,
  );
}

/** Accepts any case and SHA-256 / SHA_256 spellings. */
export function parseAlgorithm(raw: string, secret = ''): Algorithm {
  const algorithm = raw.toUpperCase().replace(/[-_]/g, '');
  if ((ALGORITHMS as readonly string[]).includes(algorithm)) return algorithm as Algorithm;
  throw new AuthdeskError(
    'bad-algorithm',
    `This key uses a hash algorithm Authdesk does not support${quote(raw, secret)}: only SHA1, SHA256 and SHA512 are possible.`,
  );
}

export function parseDigits(raw: string, secret = ''): number {
  return checkDigits(wholeNumber(raw), raw, secret);
}

export function checkDigits(digits: number, shown: string = String(digits), secret = ''): number {
  if (Number.isInteger(digits) && digits >= DIGITS_RANGE.min && digits <= DIGITS_RANGE.max) return digits;
  throw new AuthdeskError(
    'bad-digits',
    `The number of digits must be a whole number from ${DIGITS_RANGE.min} to ${DIGITS_RANGE.max}${quote(shown, secret)}.`,
  );
}

export function parsePeriod(raw: string, secret = ''): number {
  return checkPeriod(wholeNumber(raw), raw, secret);
}

export function checkPeriod(period: number, shown: string = String(period), secret = ''): number {
  if (Number.isInteger(period) && period >= PERIOD_RANGE.min && period <= PERIOD_RANGE.max) return period;
  throw new AuthdeskError(
    'bad-period',
    `The code period must be a whole number of seconds from ${PERIOD_RANGE.min} to ${PERIOD_RANGE.max}${quote(shown, secret)}.`,
  );
}

export function parseCounter(raw: string, secret = ''): number {
  return checkCounter(wholeNumber(raw), raw, secret);
}

export function checkCounter(counter: number, shown: string = String(counter), secret = ''): number {
  // Up to 2^53-1 (otplib's limit): counters above 2^32 are real and must survive.
  if (Number.isSafeInteger(counter) && counter >= 0) return counter;
  // A number that is simply too big gets its own sentence: "whole number from 0 upwards" would be wrong.
  if (/^\d+$/.test(shown) || counter > Number.MAX_SAFE_INTEGER) {
    const size = /^\d+$/.test(shown) ? ` (it has ${shown.replace(/^0+(?=\d)/, '').length} digits)` : '';
    throw new AuthdeskError(
      'bad-counter',
      `The counter is too large${size}: the most Authdesk can count to is ${Number.MAX_SAFE_INTEGER} (2^53-1).`,
    );
  }
  throw new AuthdeskError('bad-counter', `The counter must be a whole number from 0 upwards${quote(shown, secret)}.`);
}

/** Digits only: '1e3', ' 6', '0x10' and '-1' are not numbers a person wrote on purpose. */
function wholeNumber(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}
