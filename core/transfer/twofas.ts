/**
 * 2FAS backups (`.2fas`): `{services[], groups[], schemaVersion, ...}`.
 * Schema 1 has no code parameters (TOTP SHA1/6/30), schema 2 adds
 * digits/period/algorithm, schema 3 tokenType + counter, schema 4 a link.
 * Encrypted: `servicesEncrypted` = "ciphertext:salt:iv" (base64), key =
 * PBKDF2-SHA256(password, salt, 10000), AES-256-GCM with the tag at the end.
 * `reference` is a known text sealed the same way: it tells a wrong password
 * from a damaged file.
 */
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { gcmOpenTagged, pbkdf2 } from './crypto';
import { isObject, parseJsonSafely } from './safe-json';
import type { Importer, ImportResult } from './types';

const NAME = '2FAS';
const REFERENCE_START = 'tRViSsLKzd86Hprh4ceC2OP7';

function is2fas(json: unknown): json is Record<string, unknown> {
  return isObject(json) && Array.isArray(json.services) && 'schemaVersion' in json;
}

function sealedParts(text: unknown, where: string): [Buffer, Buffer, Buffer] {
  const parts = typeof text === 'string' ? text.split(':') : [];
  if (parts.length !== 3) throw damaged(NAME, where, 'it is not "ciphertext:salt:iv"');
  return parts.map((p) => Buffer.from(p, 'base64')) as [Buffer, Buffer, Buffer];
}

export const twofasImporter: Importer = {
  id: '2fas',
  name: NAME,
  detect: (input) => is2fas(input.json),
  async parse(input, { password }) {
    const file = input.json;
    if (!is2fas(file)) throw damaged(NAME, 'the top level', 'it is not a 2FAS backup');
    const schema = numberish(file.schemaVersion) ?? 1;
    if (typeof file.servicesEncrypted !== 'string' || file.servicesEncrypted === '')
      return readServices(file.services as unknown[], schema, file.groups, `${NAME} (plain)`);
    if (password === undefined) throw passwordRequired(NAME);
    const [ciphertext, salt, iv] = sealedParts(file.servicesEncrypted, 'servicesEncrypted');
    const key = await pbkdf2(password, salt, 10000, 'sha256');
    if (typeof file.reference === 'string') {
      const [refCipher, , refIv] = sealedParts(file.reference, 'reference');
      const reference = gcmOpenTagged(key, refIv, refCipher);
      if (!reference || !reference.toString('utf8').startsWith(REFERENCE_START)) throw wrongPassword(NAME);
    }
    const plain = gcmOpenTagged(key, iv, ciphertext);
    if (!plain) {
      if (typeof file.reference === 'string')
        throw damaged(NAME, 'servicesEncrypted', 'the encrypted accounts do not match their checksum');
      throw wrongPassword(NAME);
    }
    let services: unknown;
    try {
      services = parseJsonSafely(plain.toString('utf8'));
    } catch {
      services = null;
    }
    if (!Array.isArray(services)) throw damaged(NAME, 'servicesEncrypted', 'the decrypted accounts are not a list');
    return readServices(services, schema, file.groups, `${NAME} (encrypted)`);
  },
};

function readServices(services: unknown[], schema: number, groups: unknown, formatName: string): ImportResult {
  const groupNames = new Map<string, string>();
  if (Array.isArray(groups))
    for (const g of groups)
      if (isObject(g) && typeof g.id === 'string' && typeof g.name === 'string') groupNames.set(g.id, g.name);
  const found = new EntryCollector();
  services.forEach((s, i) => {
    const service = isObject(s) ? s : {};
    const otp = isObject(service.otp) ? service.otp : {};
    const issuer = typeof otp.issuer === 'string' && otp.issuer ? otp.issuer : service.name;
    const name = typeof otp.account === 'string' ? otp.account : otp.label;
    found.add(`services[${i}]`, { issuer, name }, () => {
      const tokenType = schema >= 3 && typeof otp.tokenType === 'string' ? otp.tokenType.toLowerCase() : 'totp';
      const params = schema >= 2;
      const group = typeof service.groupId === 'string' ? groupNames.get(service.groupId) : undefined;
      return makeEntry({
        type: tokenType,
        issuer,
        name,
        secret: typeof service.secret === 'string' ? service.secret : '',
        algorithm: params && typeof otp.algorithm === 'string' ? otp.algorithm : undefined,
        digits: params ? numberish(otp.digits) : undefined,
        period: params ? numberish(otp.period) : undefined,
        counter: numberish(otp.counter),
        groups: group ? [group] : [],
      });
    });
  });
  return { format: '2fas', formatName, ...found };
}
