/**
 * TOTP Authenticator (BinaryBoxes) backups: the file is base64 text of
 * AES-256-CBC/PKCS#7 with key = SHA-256(password) and a zero IV. The
 * plaintext is a JSON object whose one key is itself a JSON array string of
 * `{issuer, name, key, base, digits, period, ...}` (the value is a time
 * stamp). `key` is hex when `base` is 16, else base32.
 *
 * The app itself always makes SHA1 / 6 digits / 30 s codes, whatever the
 * `digits` and `period` strings say (Aegis imports it so too), so we do the
 * same: the codes then match the phone's.
 *
 * CBC has no checksum, so the password is checked by the known start of the
 * plaintext (`{"[`): a wrong key turns the first block into noise, while a
 * file cut short or changed further in still decrypts that block.
 */
import { AuthdeskError } from '../../common/errors';
import { cbcDecryptUnpadded, cbcOpen, sha256 } from './crypto';
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { isObject, parseJsonSafely } from './safe-json';
import type { Importer, ImportInput, ImportResult } from './types';

const NAME = 'TOTP Authenticator';
const ZERO_IV = Buffer.alloc(16);
const KNOWN_START = '{"[';
const BASE64_CHAR = /[A-Za-z0-9+/=]/;

/**
 * Long text that is (nearly) all base64: its own file type among the formats
 * we know. One stray character is allowed so a file with a changed byte is
 * still named (and then called damaged) instead of "unknown format".
 */
export function looksLikeTotpAuthenticator(input: ImportInput): boolean {
  const text = input.text?.replace(/\s+/g, '') ?? '';
  if (text.length < 44 || text.includes('://')) return false;
  let stray = 0;
  for (const c of text) if (!BASE64_CHAR.test(c) && ++stray > 1) return false;
  return true;
}

export const totpAuthenticatorImporter: Importer = {
  id: 'totp-authenticator',
  name: NAME,
  detect: looksLikeTotpAuthenticator,
  async parse(input, { password }) {
    const ciphertext = decodeBase64(input);
    if (password === undefined) throw passwordRequired(NAME);
    const key = sha256(password);
    const firstBlock = cbcDecryptUnpadded(key, ZERO_IV, ciphertext.subarray(0, 16));
    if (!firstBlock.toString('latin1').startsWith(KNOWN_START)) throw wrongPassword(NAME);
    const plain = cbcOpen(key, ZERO_IV, ciphertext);
    if (!plain) throw damaged(NAME, 'the end', 'the encrypted data is cut short or changed (its padding is wrong)');
    return readAccounts(plain.toString('utf8'));
  },
};

function decodeBase64(input: ImportInput): Buffer {
  // Positions are counted in the file as it is (line breaks included), so the user can find them.
  const original = input.text ?? '';
  const stray = /[^A-Za-z0-9+/=\s]/.exec(original);
  if (stray) throw damaged(NAME, `character ${stray.index + 1}`, `"${stray[0]}" is not base64`);
  const inner = /=(?=[\s=]*[^\s=])/.exec(original);
  if (inner) throw damaged(NAME, `character ${inner.index + 1}`, 'a base64 "=" stands inside the text');
  const text = original.replace(/\s+/g, '');
  const padding = /=*$/.exec(text)!.index;
  if (text.length % 4 !== 0 || text.length - padding > 2)
    throw damaged(NAME, 'the end', `the base64 text is cut short (${text.length} characters, not a multiple of 4)`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length < 16 || bytes.length % 16 !== 0)
    throw damaged(
      NAME,
      'the end',
      `the encrypted data is ${bytes.length} bytes, not whole 16-byte blocks (cut short?)`,
    );
  return bytes;
}

function readAccounts(text: string): ImportResult {
  let outer: unknown;
  let list: unknown;
  try {
    outer = parseJsonSafely(text);
    const keys = isObject(outer) ? Object.keys(outer) : [];
    list = keys.length === 1 ? parseJsonSafely(keys[0]!) : undefined;
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list))
    throw damaged(NAME, 'the decrypted content', "it is not the app's list of accounts (changed or cut short?)");
  const found = new EntryCollector();
  list.forEach((a, i) => {
    const account = isObject(a) ? a : {};
    found.add(`account ${i + 1}`, { issuer: account.issuer, name: account.name }, () =>
      makeEntry({
        type: 'totp',
        issuer: account.issuer,
        name: account.name,
        secret: secretOf(account.key, numberish(account.base)),
        // The app ignores its own digits/period fields (see the top of this file).
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      }),
    );
  });
  return { format: 'totp-authenticator', formatName: `${NAME} (encrypted)`, ...found };
}

function secretOf(key: unknown, base: number | undefined): string | Uint8Array {
  if (typeof key !== 'string' || key === '')
    throw new AuthdeskError('missing-secret', 'This account has no secret key.');
  if (base !== 16) return key;
  if (!/^([0-9a-fA-F]{2})+$/.test(key)) throw new AuthdeskError('bad-secret', 'The key is not hexadecimal.');
  return Buffer.from(key, 'hex');
}
