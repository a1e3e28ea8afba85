/** Shared helpers of the transfer tests: the normalized shape of the vectors, and their reference codes. */
import { generateCode } from '../../../core/otp/index';
import type { AccountDraft } from '../../../common/otp/types';

export type ExpectedEntry = AccountDraft & {
  code_at_1700000000?: string;
  code_at_counter?: string;
};

/** The vectors' normalized entry: exactly these fields, period only for totp/steam, counter only for hotp. */
export function normalized(e: AccountDraft): AccountDraft {
  const labels = { issuer: e.issuer, name: e.name, secret: e.secret };
  if (e.type === 'hotp')
    return { ...labels, type: e.type, algorithm: e.algorithm, digits: e.digits, counter: e.counter };
  if (e.type === 'steam')
    return { ...labels, type: e.type, algorithm: e.algorithm, digits: e.digits, period: e.period };
  return { ...labels, type: e.type, algorithm: e.algorithm, digits: e.digits, period: e.period };
}

/** Entries as a map keyed by secret (the vectors' rule: order in a file means nothing). */
export function bySecret(entries: AccountDraft[]): Map<string, AccountDraft> {
  return new Map(entries.map((e) => [e.secret, normalized(e)]));
}

/** The code the imported entry generates for the vector's check. */
export function codeFor(entry: AccountDraft): string {
  return generateCode(entry.secret, entry, 1_700_000_000_000);
}
