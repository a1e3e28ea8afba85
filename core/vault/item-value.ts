/**
 * What a keychain item holds. Since issue 9 the value is self-describing: the
 * account's full `otpauth://` key URI (type, secret, issuer, name, algorithm,
 * digits, period or counter), so an item whose metadata is lost comes back
 * exactly, and a person can copy it into any authenticator app. Older
 * Authdesk versions stored the bare base32 secret; those values still read.
 *
 * The labels and the HOTP counter in the keychain copy are as of the last
 * keychain write (add, or a change of code parameters): accounts.json stays
 * the authority for both, see docs/keychain.md.
 */
import { paramsOf } from '../../common/otp/params';
import { AuthdeskError } from '../../common/errors';
import { formatOtpauthUri, normalizeSecret, parseOtpauthUri } from '../otp/index';
import type { AccountDraft, OtpParams } from '../../common/otp/types';

export type ItemValue =
  /** A self-describing value: everything needed to restore the account exactly. */
  | { kind: 'uri'; draft: AccountDraft }
  /** A value written before issue 9: only the secret; the parameters live in metadata alone. */
  | { kind: 'plain'; secret: string };

export function encodeItemValue(account: { issuer: string; name: string; secret: string } & OtpParams): string {
  return formatOtpauthUri({ issuer: account.issuer, name: account.name, secret: account.secret, ...paramsOf(account) });
}

/** Reads a keychain value; `label` names the account in the error (never the value itself). */
export function decodeItemValue(value: string, label: string): ItemValue {
  try {
    if (/^otpauth:\/\//i.test(value.trim())) return { kind: 'uri', draft: parseOtpauthUri(value.trim()) };
    return { kind: 'plain', secret: normalizeSecret(value) };
  } catch (err) {
    const why = err instanceof AuthdeskError ? ` (${err.message.replace(/\.$/, '')})` : '';
    throw new AuthdeskError(
      'keychain-bad-item',
      `The keychain value of ${label} is not a key Authdesk can read${why}: run \`authdesk doctor\`.`,
      { cause: err },
    );
  }
}

/** The base32 secret inside a keychain value. */
export function secretOfItem(value: string, label: string): string {
  const item = decodeItemValue(value, label);
  return item.kind === 'uri' ? item.draft.secret : item.secret;
}
