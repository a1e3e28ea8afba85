/**
 * The code parameters (algorithm, digits, period, counter), checked the same
 * way whether they come from a link (text) or the manual-entry form (numbers).
 * Messages quote the offending value only when it is short and not part of
 * the key: a mangled link can put key material into any parameter, so the
 * link parser passes the raw `secret` along to be kept out of messages.
 */
import { AuthdeskError } from '../../common/errors';
import { ALGORITHMS, COUNTER, DIGITS, OTP_TYPES, PERIOD } from '../../common/otp/vocabulary';
import type { Algorithm, OtpType } from '../../common/otp/vocabulary';

export { DEFAULTS, STEAM } from '../../common/otp/vocabulary';

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
  if ((OTP_TYPES as readonly string[]).includes(type)) return type as OtpType;
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
    `This key uses a hash algorithm Authdesk does not support${quote(raw, secret)}: only ${ALGORITHMS.slice(0, -1).join(', ')} and ${ALGORITHMS.at(-1)} are possible.`,
  );
}

export function parseDigits(raw: string, type: CodeType, secret = ''): number {
  return checkDigits(wholeNumber(raw), type, raw, secret);
}

/** Steam's length is fixed (STEAM), so only the types whose length a link or the form may choose. */
type CodeType = Exclude<OtpType, 'steam'>;

export function checkDigits(digits: number, type: CodeType, shown: string = String(digits), secret = ''): number {
  if (isWholeIn(digits, DIGITS[type])) return digits;
  throw new AuthdeskError(
    'bad-digits',
    `The number of digits must be a whole number from ${DIGITS[type].min} to ${DIGITS[type].max}${quote(shown, secret)}.`,
  );
}

export function parsePeriod(raw: string, secret = ''): number {
  return checkPeriod(wholeNumber(raw), raw, secret);
}

export function checkPeriod(period: number, shown: string = String(period), secret = ''): number {
  if (isWholeIn(period, PERIOD)) return period;
  throw new AuthdeskError(
    'bad-period',
    `The code period must be a whole number of seconds from ${PERIOD.min} to ${PERIOD.max}${quote(shown, secret)}.`,
  );
}

export function parseCounter(raw: string, secret = ''): number {
  return checkCounter(wholeNumber(raw), raw, secret);
}

export function checkCounter(counter: number, shown: string = String(counter), secret = ''): number {
  if (isWholeIn(counter, COUNTER)) return counter;
  // A number that is simply too big gets its own sentence: "whole number from 0 upwards" would be wrong.
  if (/^\d+$/.test(shown) || counter > COUNTER.max) {
    const size = /^\d+$/.test(shown) ? ` (it has ${shown.replace(/^0+(?=\d)/, '').length} digits)` : '';
    throw new AuthdeskError(
      'bad-counter',
      `The counter is too large${size}: the most Authdesk can count to is ${COUNTER.max} (2^53-1).`,
    );
  }
  throw new AuthdeskError(
    'bad-counter',
    `The counter must be a whole number from ${COUNTER.min} upwards${quote(shown, secret)}.`,
  );
}

function isWholeIn(n: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(n) && n >= range.min && n <= range.max;
}

/** Digits only: '1e3', ' 6', '0x10' and '-1' are not numbers a person wrote on purpose. */
function wholeNumber(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}
