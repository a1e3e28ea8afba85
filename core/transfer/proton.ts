/**
 * Proton Authenticator exports. Plain: `{version: 1, entries: [{content:
 * {uri, entry_type, name}, note}]}`. Encrypted: `{version: 1, salt,
 * content}`, key = Argon2id(password, salt, t=2, m=19 MiB, p=1), content =
 * 12-byte nonce ‖ AES-256-GCM ciphertext ‖ tag, with a fixed AAD.
 */
import { parseOtpauthUri } from '../otp/uri-parse';
import { argon2id, gcmOpenTagged } from './crypto';
import { EntryCollector } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { isObject, parseJsonSafely } from './safe-json';
import type { Importer, ImportResult } from './types';

const NAME = 'Proton Authenticator';
const AAD = Buffer.from('proton.authenticator.export.v1', 'utf8');
const ARGON2 = { iterations: 2, memory: 19 * 1024, parallelism: 1 };

function isProton(json: unknown): json is Record<string, unknown> {
  return (
    isObject(json) &&
    json.version === 1 &&
    (Array.isArray(json.entries) || (typeof json.salt === 'string' && typeof json.content === 'string'))
  );
}

export const protonImporter: Importer = {
  id: 'proton',
  name: NAME,
  detect: (input) => isProton(input.json) && !('header' in (input.json as object)),
  async parse(input, { password }) {
    const file = input.json;
    if (!isProton(file)) throw damaged(NAME, 'the top level', 'it is not a Proton Authenticator export');
    if (Array.isArray(file.entries)) return readEntries(file.entries, `${NAME} (plain)`);
    if (password === undefined) throw passwordRequired(NAME);
    const salt = Buffer.from(file.salt as string, 'base64');
    const content = Buffer.from(file.content as string, 'base64');
    if (salt.length < 8 || content.length < 12 + 16) throw damaged(NAME, 'content', 'it is too short to hold anything');
    const key = await argon2id(password, salt, ARGON2);
    const plain = gcmOpenTagged(key, content.subarray(0, 12), content.subarray(12), AAD);
    if (!plain) throw wrongPassword(NAME);
    let inner: unknown;
    try {
      inner = parseJsonSafely(plain.toString('utf8'));
    } catch {
      inner = null;
    }
    if (!isObject(inner) || !Array.isArray(inner.entries))
      throw damaged(NAME, 'content', 'the decrypted export has no entries list');
    return readEntries(inner.entries, `${NAME} (encrypted)`);
  },
};

function readEntries(entries: unknown[], formatName: string): ImportResult {
  const found = new EntryCollector();
  entries.forEach((e, i) => {
    const entry = isObject(e) ? e : {};
    const content = isObject(entry.content) ? entry.content : {};
    found.add(`entries[${i}]`, { name: content.name }, () => {
      const draft = parseOtpauthUri(typeof content.uri === 'string' ? content.uri : '');
      const note = typeof entry.note === 'string' && entry.note ? { note: entry.note } : {};
      if (content.entry_type === 'Steam' && draft.type !== 'steam')
        return {
          ...draft,
          type: 'steam' as const,
          algorithm: 'SHA1' as const,
          digits: 5,
          period: 30,
          counter: undefined,
          ...note,
        };
      return { ...draft, ...note };
    });
  });
  return { format: 'proton', formatName, ...found };
}
