/**
 * Secrets as people and QR codes write them (lower case, grouped with spaces
 * or hyphens, `=`-padded) turned into the one form we store: upper-case
 * RFC 4648 base32 without padding. No message here ever quotes the secret.
 */
import { AuthdeskError } from '../../common/errors';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The longest key we accept, in bytes. otplib's own default is 64; we raise
 * it to 128 (the SHA-512 block size) so no real key is refused: HMAC hashes
 * longer keys down first, so beyond this a key adds nothing but looks like a
 * paste accident.
 */
export const MAX_SECRET_BYTES = 128;

/** Normalises a base32 secret or throws missing-secret (nothing left) / bad-secret. */
export function normalizeSecret(input: string): string {
  // Spaces (any Unicode white space, pasted text has them) and hyphens only
  // group characters; `=` is padding and may only trail.
  const compact = input.replace(/[\s-]+/g, '').replace(/=+$/, '');
  if (compact === '') {
    throw new AuthdeskError('missing-secret', 'The secret key is empty.');
  }
  // Check the alphabet BEFORE upper-casing: 'ß'.toUpperCase() is 'SS', which
  // would turn an invalid key into a valid-looking one.
  if (!/^[A-Za-z2-7]+$/.test(compact)) {
    throw new AuthdeskError(
      'bad-secret',
      'The secret key is not valid base32: only the letters A–Z and the digits 2–7 may appear (check for 0/O and 1/I mix-ups).',
    );
  }
  const byteLength = decodedLength(compact.length);
  if (byteLength < 1) {
    throw new AuthdeskError('bad-secret', 'The secret key is too short: it needs at least 2 characters.');
  }
  if (byteLength > MAX_SECRET_BYTES) {
    throw new AuthdeskError(
      'bad-secret',
      `The secret key is too long: keys longer than ${MAX_SECRET_BYTES} bytes are not accepted.`,
    );
  }
  return compact.toUpperCase();
}

/**
 * The shortest key a NEW account may have (a link, a QR code, the form). A
 * 1-byte key allows only 256 codes: such a key is a cut-off paste or a
 * broken QR code, not something a service hands out. Real keys are 10 or 20
 * bytes; 6 is the shortest seen in real exports (Google's transfer codes),
 * so stored and imported keys of any length still make codes.
 */
export const MIN_NEW_SECRET_BYTES = 6;

/** normalizeSecret plus the minimum length for a key that is being added. */
export function normalizeNewSecret(input: string): string {
  const secret = normalizeSecret(input);
  const bytes = decodedLength(secret.length);
  if (bytes < MIN_NEW_SECRET_BYTES) {
    throw new AuthdeskError(
      'bad-secret',
      `The secret key is too short: it is ${bytes} byte${bytes === 1 ? '' : 's'} (${secret.length} base32 characters), and a key needs at least ${MIN_NEW_SECRET_BYTES} bytes (${Math.ceil((MIN_NEW_SECRET_BYTES * 8) / 5)} characters). It was probably cut off: copy or scan it again.`,
    );
  }
  return secret;
}

/**
 * Bytes of a base32 text (normalised or not). Like Google Authenticator we
 * ignore leftover bits of a length no encoder produces (e.g. 11 characters):
 * services do hand out such keys, and refusing them would lock people out.
 */
export function secretBytes(secret: string): Uint8Array {
  const text = normalizeSecret(secret);
  const out = new Uint8Array(decodedLength(text.length));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Encodes bytes as upper-case base32 without padding (for fixtures and importers). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function decodedLength(chars: number): number {
  return Math.floor((chars * 5) / 8);
}
