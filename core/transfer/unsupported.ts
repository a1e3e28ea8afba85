/**
 * Files we recognise but do not import, so the user learns WHAT the file is
 * and what to do instead of "unknown format". Most are an app's private
 * storage copied off a rooted phone; the rest are files that are not an
 * export at all (an image, an unrelated zip).
 */
import { AuthdeskError } from '../../common/errors';
import { looksLikeAuthenticatorPlus } from './authenticator-plus';
import { isObject } from './safe-json';
import type { ImportInput } from './types';

interface Known {
  name: string;
  matches(input: ImportInput, head: string): boolean;
  advice: string;
}

const EXPORT_INSTEAD =
  'Export the accounts from the app itself (its export or Google Authenticator transfer) and import that file.';

const KNOWN: Known[] = [
  {
    name: 'an image',
    matches: (input, head) =>
      head.startsWith('\u0089PNG') ||
      head.startsWith('\u00ff\u00d8\u00ff') ||
      head.startsWith('GIF8') ||
      (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP'),
    advice: 'To add the accounts of a QR code image, use `authdesk add --image FILE`.',
  },
  {
    name: 'an app database (Google Authenticator, Microsoft Authenticator or Stratum internal storage)',
    matches: (_, head) => head.startsWith('SQLite format 3\0'),
    advice: EXPORT_INSTEAD,
  },
  {
    name: 'a ZIP archive without an Authenticator Plus Accounts.txt',
    matches: (input, head) => head.startsWith('PK\u0003\u0004') && !looksLikeAuthenticatorPlus(input),
    advice: 'Unpack it and import the export file inside.',
  },
  {
    name: 'Authy internal storage',
    matches: (input) => (input.text ?? '').includes('com.authy.storage'),
    advice: 'Authy has no export; move each account by setting up two-factor again.',
  },
  {
    name: 'Battle.net Authenticator internal storage',
    matches: (input) => (input.text ?? '').includes('com.blizzard.messenger.AUTHENTICATOR'),
    advice: EXPORT_INSTEAD,
  },
  {
    name: 'Android app storage (shared_prefs XML, e.g. FreeOTP or TOTP Authenticator)',
    matches: (input) => /^\s*<\?xml[^>]*>\s*<map>/.test(input.text ?? ''),
    advice: EXPORT_INSTEAD,
  },
  {
    name: 'Duo Mobile internal storage',
    matches: (input) => Array.isArray(input.json) && input.json.some((e) => isObject(e) && isObject(e.otpGenerator)),
    advice: 'Duo has no export of third-party accounts; set them up again.',
  },
];

/** Throws 'unsupported' naming the file's kind when it is one we recognise; otherwise returns. */
export function refuseKnownUnsupported(input: ImportInput): void {
  const head = Buffer.from(input.bytes.subarray(0, 16)).toString('latin1');
  const known = KNOWN.find((k) => k.matches(input, head));
  if (known)
    throw new AuthdeskError(
      'unsupported',
      `${input.source} is ${known.name}, which Authdesk cannot import. ${known.advice}`,
    );
}
