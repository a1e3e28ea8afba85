/**
 * Stratum / Authenticator Pro backups. Plain: JSON `{Authenticators: [...]}`
 * with numeric Type (1 hotp, 2 totp, 4 steam) and Algorithm (0 SHA1,
 * 1 SHA256, 2 SHA512). Encrypted: header "AUTHENTICATORPRO", 16-byte salt,
 * 12-byte IV, AES-256-GCM ciphertext ‖ tag, key = Argon2id(t=3, m=64 MiB,
 * p=4). Legacy: header "AuthenticatorPro", 20-byte salt, 16-byte IV,
 * AES-256-CBC, key = PBKDF2-SHA1(password, salt, 64000).
 */
import { argon2id, cbcOpen, gcmOpenTagged, pbkdf2 } from './crypto';
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { isObject, parseJsonSafely } from './safe-json';
import type { Importer, ImportInput, ImportResult } from './types';

const NAME = 'Stratum / Authenticator Pro';
const HEADER = 'AUTHENTICATORPRO';
const LEGACY_HEADER = 'AuthenticatorPro';
const TYPES: Record<number, string> = { 1: 'hotp', 2: 'totp', 4: 'steam' };
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

const headerOf = (input: ImportInput) => Buffer.from(input.bytes.subarray(0, 16)).toString('latin1');
const isPlain = (json: unknown): json is { Authenticators: unknown[] } =>
  isObject(json) && Array.isArray(json.Authenticators);

export const stratumImporter: Importer = {
  id: 'stratum',
  name: NAME,
  detect: (input) => isPlain(input.json) || [HEADER, LEGACY_HEADER].includes(headerOf(input)),
  async parse(input, { password }) {
    if (isPlain(input.json)) return readAuthenticators(input.json, `${NAME} (plain)`);
    const header = headerOf(input);
    if (header !== HEADER && header !== LEGACY_HEADER) throw damaged(NAME, 'the start', 'the file header is missing');
    if (password === undefined) throw passwordRequired(NAME);
    const bytes = Buffer.from(input.bytes);
    let plain: Buffer | null;
    if (header === HEADER) {
      if (bytes.length < 16 + 16 + 12 + 16) throw damaged(NAME, 'the end', 'the file is cut short');
      const key = await argon2id(password, bytes.subarray(16, 32), {
        iterations: 3,
        memory: 64 * 1024,
        parallelism: 4,
      });
      plain = gcmOpenTagged(key, bytes.subarray(32, 44), bytes.subarray(44));
    } else {
      if (bytes.length < 16 + 20 + 16 + 16) throw damaged(NAME, 'the end', 'the file is cut short');
      const key = await pbkdf2(password, bytes.subarray(16, 36), 64000, 'sha1');
      plain = cbcOpen(key, bytes.subarray(36, 52), bytes.subarray(52));
    }
    if (!plain) throw wrongPassword(NAME);
    let json: unknown;
    try {
      json = parseJsonSafely(plain.toString('utf8'));
    } catch {
      json = null;
    }
    // CBC has no checksum: a wrong key that happens to pad correctly decrypts to noise.
    if (!isPlain(json)) {
      if (header === LEGACY_HEADER) throw wrongPassword(NAME);
      throw damaged(NAME, 'the decrypted content', 'it has no Authenticators list');
    }
    return readAuthenticators(json, `${NAME} (encrypted${header === LEGACY_HEADER ? ', legacy' : ''})`);
  },
};

function readAuthenticators(file: { Authenticators: unknown[] }, formatName: string): ImportResult {
  const found = new EntryCollector();
  file.Authenticators.forEach((a, i) => {
    const auth = isObject(a) ? a : {};
    found.add(`Authenticators[${i}]`, { issuer: auth.Issuer, name: auth.Username }, () =>
      makeEntry({
        type: TYPES[numberish(auth.Type) ?? 2] ?? `type ${String(auth.Type)}`,
        issuer: auth.Issuer,
        name: auth.Username,
        secret: typeof auth.Secret === 'string' ? auth.Secret : '',
        algorithm: ALGORITHMS[numberish(auth.Algorithm) ?? 0] ?? `algorithm ${String(auth.Algorithm)}`,
        digits: numberish(auth.Digits),
        period: numberish(auth.Period),
        counter: numberish(auth.Counter),
      }),
    );
  });
  return { format: 'stratum', formatName, ...found };
}
