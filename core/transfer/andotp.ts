/**
 * andOTP backups. Plain: a JSON array of `{secret, issuer, label, digits,
 * type, algorithm, period|counter, tags}`. Encrypted (new): 4-byte
 * big-endian PBKDF2-SHA1 iteration count, 12-byte salt, 12-byte nonce,
 * AES-256-GCM ciphertext ‖ tag. Encrypted (old): key = SHA-256(password),
 * 12-byte nonce, ciphertext ‖ tag; its entries have no issuer and a label
 * "Issuer - Issuer:Name", split at " - " as Aegis does.
 */
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { gcmOpenTagged, pbkdf2, sha256 } from './crypto';
import { isObject, parseJsonSafely } from './safe-json';
import type { ImportInput, Importer, ImportResult } from './types';

const NAME = 'andOTP';

function isAndotpPlain(json: unknown): json is unknown[] {
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every((e) => isObject(e) && 'secret' in e && 'type' in e && ('label' in e || 'issuer' in e))
  );
}

/** Binary that no other format claims and is long enough to be an andOTP container. */
export function looksLikeAndotpEncrypted(input: ImportInput): boolean {
  return input.text === null && input.bytes.length >= 12 + 16 + 2;
}

export const andotpImporter: Importer = {
  id: 'andotp',
  name: NAME,
  detect: (input) => isAndotpPlain(input.json) || looksLikeAndotpEncrypted(input),
  async parse(input, { password }) {
    if (isAndotpPlain(input.json)) return readEntries(input.json, `${NAME} (plain)`);
    if (input.json !== undefined) throw damaged(NAME, 'the top level', 'it is not a list of andOTP accounts');
    if (password === undefined) throw passwordRequired(NAME);
    const plain = await decrypt(Buffer.from(input.bytes), password);
    let entries: unknown;
    try {
      entries = parseJsonSafely(plain.text);
    } catch {
      entries = null;
    }
    if (!Array.isArray(entries)) throw damaged(NAME, 'the decrypted content', 'it is not a list of accounts');
    return readEntries(entries, `${NAME} (encrypted${plain.old ? ', old format' : ''})`);
  },
};

async function decrypt(bytes: Buffer, password: string): Promise<{ text: string; old: boolean }> {
  const iterations = bytes.readUInt32BE(0);
  if (iterations >= 1000 && iterations <= 10_000_000 && bytes.length >= 4 + 12 + 12 + 16) {
    const key = await pbkdf2(password, bytes.subarray(4, 16), iterations, 'sha1');
    const plain = gcmOpenTagged(key, bytes.subarray(16, 28), bytes.subarray(28));
    if (plain) return { text: plain.toString('utf8'), old: false };
  }
  const plain = gcmOpenTagged(sha256(password), bytes.subarray(0, 12), bytes.subarray(12));
  if (plain) return { text: plain.toString('utf8'), old: true };
  throw wrongPassword(NAME);
}

function readEntries(list: unknown[], formatName: string): ImportResult {
  const found = new EntryCollector();
  list.forEach((e, i) => {
    const entry = isObject(e) ? e : {};
    let issuer = typeof entry.issuer === 'string' ? entry.issuer : '';
    let name = typeof entry.label === 'string' ? entry.label : '';
    if (!('issuer' in entry)) {
      const cut = name.indexOf(' - ');
      if (cut >= 0) [issuer, name] = [name.slice(0, cut), name.slice(cut + 3)];
    }
    found.add(`entry ${i + 1}`, { issuer, name }, () =>
      makeEntry({
        type: typeof entry.type === 'string' ? entry.type : '',
        issuer,
        name,
        secret: typeof entry.secret === 'string' ? entry.secret : '',
        algorithm: typeof entry.algorithm === 'string' ? entry.algorithm : undefined,
        digits: numberish(entry.digits),
        period: numberish(entry.period),
        counter: numberish(entry.counter),
        groups: Array.isArray(entry.tags) ? entry.tags.filter((t): t is string => typeof t === 'string') : [],
      }),
    );
  });
  return { format: 'andotp', formatName, ...found };
}
