/**
 * What a decoded QR code (or a pasted text) is. Only authenticator keys become
 * drafts; everything else gets a sentence saying what it is instead, so the
 * user knows the scan worked but picked up the wrong code.
 */
import { parseOtpauthUri } from './uri-parse';
import type { AccountDraft } from '../../common/otp/types';

export type NotOtpKind = 'web-link' | 'wifi' | 'text' | 'migration';

export type QrTextDescription =
  { kind: 'otp'; draft: AccountDraft } | { kind: 'not-otp'; what: NotOtpKind; message: string };

export const NOT_OTP_MESSAGES: Readonly<Record<NotOtpKind, string>> = {
  'web-link': 'This QR code is a web link, not an authenticator key.',
  wifi: 'This QR code holds Wi-Fi network settings, not an authenticator key.',
  text: 'This QR code holds plain text, not an authenticator key.',
  migration:
    'This is a Google Authenticator transfer code: import its accounts (scan it in the app, or `authdesk import`).',
};

/** Classifies `text`; an otpauth:// text that is broken throws its AuthdeskError (the user learns why). */
export function describeQrText(text: string): QrTextDescription {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (lower.startsWith('otpauth-migration:')) return notOtp('migration');
  if (lower.startsWith('otpauth:') || isSteamKeyLink(lower)) return { kind: 'otp', draft: parseOtpauthUri(trimmed) };
  if (/^https?:\/\//.test(lower) || lower.startsWith('www.')) return notOtp('web-link');
  if (lower.startsWith('wifi:')) return notOtp('wifi');
  return notOtp('text');
}

/**
 * Bitwarden writes `steam://KEY`; the Steam client's own links
 * (`steam://run/440`, `steam://openurl/...`) have a path and are not keys.
 */
function isSteamKeyLink(lower: string): boolean {
  return lower.startsWith('steam://') && !/^steam:\/\/[^/?#]+\/[^/?#]/.test(lower);
}

function notOtp(what: NotOtpKind): QrTextDescription {
  return { kind: 'not-otp', what, message: NOT_OTP_MESSAGES[what] };
}
