/**
 * FreeOTP 2.x backups: an `.xml` file that is really a Java-serialized
 * HashMap<String, String> (see java-hashmap.ts). Keys:
 * `masterKey`, `<uuid>` and `<uuid>-token`.
 * - `masterKey` is JSON {mAlgorithm "PBKDF2withHmacSHA1|SHA512", mIterations,
 *   mSalt, mEncryptedKey}; key = PBKDF2(password, salt, iterations, 32 bytes)
 *   opens mEncryptedKey (AES-GCM, AAD = its mToken "AES") to the master key.
 * - `<uuid>` is {"key": "<EncryptedKey JSON>"}: the token's raw secret sealed
 *   with the master key, AAD = its mToken ("HmacSHA1" ...).
 * - `<uuid>-token` is the metadata; missing fields take FreeOTP's defaults
 *   (SHA1, 6 digits, 30 s, counter 0). Counters are imported as stored.
 * Byte arrays are JSON lists of SIGNED bytes; mParameters is DER: a bare
 * OCTET STRING nonce (old Android) or SEQUENCE {nonce, INTEGER tag length}.
 */
import { gcmOpenTagged, pbkdf2 } from './crypto';
import { EntryCollector, makeEntry, numberish } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { isJavaSerialization, JavaStreamError, readJavaHashMap } from './java-hashmap';
import { isObject, parseJsonSafely } from './safe-json';
import type { Importer, ImportInput } from './types';

const NAME = 'FreeOTP 2 backup';
const KDF_DIGESTS: Record<string, 'sha1' | 'sha256' | 'sha512'> = {
  pbkdf2withhmacsha1: 'sha1',
  pbkdf2withhmacsha256: 'sha256',
  pbkdf2withhmacsha512: 'sha512',
};

interface Sealed {
  ciphertext: Buffer;
  nonce: Buffer;
  aad: Buffer;
}

export const freeotpBackupImporter: Importer = {
  id: 'freeotp',
  name: NAME,
  detect: (input) => isJavaSerialization(input.bytes),
  async parse(input, { password }) {
    const map = readMap(input);
    const masterText = map.get('masterKey');
    if (masterText === undefined) throw damaged(NAME, 'the map', 'there is no masterKey entry');
    const master = jsonObject(masterText, 'masterKey');
    const digest = KDF_DIGESTS[String(master.mAlgorithm).toLowerCase()];
    if (!digest) throw damaged(NAME, 'masterKey.mAlgorithm', `"${String(master.mAlgorithm)}" is not a known PBKDF2`);
    const iterations = numberish(master.mIterations);
    if (iterations === undefined || !Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000)
      throw damaged(NAME, 'masterKey.mIterations', 'the iteration count is not a sensible number');
    const salt = signedBytes(master.mSalt, 'masterKey.mSalt');
    const sealedMaster = sealedKey(master.mEncryptedKey, 'masterKey.mEncryptedKey');
    if (password === undefined) throw passwordRequired(NAME);
    const wrapping = await pbkdf2(password, salt, iterations, digest);
    const masterKey = gcmOpenTagged(wrapping, sealedMaster.nonce, sealedMaster.ciphertext, sealedMaster.aad);
    if (!masterKey) throw wrongPassword(NAME);
    if (masterKey.length !== 32)
      throw damaged(NAME, 'masterKey', `the master key is ${masterKey.length} bytes, not 32`);
    return readTokens(map, masterKey);
  },
};

function readMap(input: ImportInput): Map<string, string> {
  try {
    return readJavaHashMap(input.bytes);
  } catch (err) {
    if (err instanceof JavaStreamError) throw damaged(NAME, `byte ${err.offset}`, err.what);
    throw err;
  }
}

function readTokens(map: Map<string, string>, masterKey: Buffer) {
  const found = new EntryCollector();
  for (const [key, value] of map) {
    if (key === 'masterKey' || key.endsWith('-token')) continue;
    const metaText = map.get(`${key}-token`);
    found.add(`token ${key}`, labelOf(metaText), () => {
      if (metaText === undefined) throw damaged(NAME, `token ${key}`, 'its details (name, type) are missing');
      const meta = jsonObject(metaText, `${key}-token`);
      const holder = jsonObject(value, key);
      if (typeof holder.key !== 'string') throw damaged(NAME, `token ${key}`, 'its sealed key is missing');
      const sealed = sealedKey(jsonObject(holder.key, `${key}.key`), `token ${key}`);
      const secret = gcmOpenTagged(masterKey, sealed.nonce, sealed.ciphertext, sealed.aad);
      if (!secret) throw damaged(NAME, `token ${key}`, 'its key does not decrypt (the file was changed)');
      return makeEntry({
        type: typeof meta.type === 'string' ? meta.type : 'totp',
        issuer: meta.issuerExt || meta.issuerInt,
        name: meta.label,
        secret,
        algorithm: typeof meta.algo === 'string' ? meta.algo : undefined,
        digits: numberish(meta.digits),
        period: numberish(meta.period),
        counter: numberish(meta.counter),
      });
    });
  }
  for (const key of map.keys())
    if (key.endsWith('-token') && !map.has(key.slice(0, -'-token'.length)))
      found.add(`token ${key}`, labelOf(map.get(key)), () => {
        throw damaged(NAME, `token ${key}`, 'its sealed key is missing');
      });
  return { format: 'freeotp' as const, formatName: NAME, ...found };
}

/** issuer/name for a problem message, when the metadata is readable at all. */
function labelOf(metaText: string | undefined): { issuer?: unknown; name?: unknown } {
  try {
    const meta = metaText === undefined ? undefined : parseJsonSafely(metaText);
    return isObject(meta) ? { issuer: meta.issuerExt || meta.issuerInt, name: meta.label } : {};
  } catch {
    return {};
  }
}

function jsonObject(text: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseJsonSafely(text);
  } catch {
    value = undefined;
  }
  if (!isObject(value)) throw damaged(NAME, where, 'it is not a JSON object');
  return value;
}

/** Java's byte[] as JSON: a list of integers -128..127. */
function signedBytes(value: unknown, where: string): Buffer {
  if (!Array.isArray(value) || !value.every((b) => Number.isInteger(b) && (b as number) >= -128 && (b as number) < 256))
    throw damaged(NAME, where, 'it is not a list of bytes');
  return Buffer.from(value.map((b) => (b as number) & 0xff));
}

/** An EncryptedKey {mCipher, mCipherText, mParameters, mToken}: AES-GCM, ciphertext ‖ tag. */
function sealedKey(value: unknown, where: string): Sealed {
  if (!isObject(value)) throw damaged(NAME, where, 'it is not a sealed key');
  if (value.mCipher !== 'AES/GCM/NoPadding')
    throw damaged(NAME, `${where}.mCipher`, `"${String(value.mCipher)}" is not AES/GCM/NoPadding`);
  if (typeof value.mToken !== 'string') throw damaged(NAME, `${where}.mToken`, 'it is missing');
  return {
    ciphertext: signedBytes(value.mCipherText, `${where}.mCipherText`),
    nonce: gcmNonce(signedBytes(value.mParameters, `${where}.mParameters`), `${where}.mParameters`),
    aad: Buffer.from(value.mToken, 'utf8'),
  };
}

/** The nonce out of DER GCM parameters: OCTET STRING, or SEQUENCE {OCTET STRING, INTEGER 16}. */
function gcmNonce(der: Buffer, where: string): Buffer {
  const bad = (what: string): never => {
    throw damaged(NAME, where, what);
  };
  const element = (at: number, tag: number): { body: Buffer; end: number } => {
    if (der[at] !== tag) bad(`expected DER tag 0x${tag.toString(16)} at byte ${at}`);
    const length = der[at + 1];
    if (length === undefined || length > 0x7f || at + 2 + length > der.length) bad(`a DER length at byte ${at + 1}`);
    return { body: der.subarray(at + 2, at + 2 + length!), end: at + 2 + length! };
  };
  if (der[0] === 0x04) {
    const { body, end } = element(0, 0x04);
    if (end !== der.length) bad('bytes follow the nonce');
    return body;
  }
  const sequence = element(0, 0x30);
  if (sequence.end !== der.length) bad('bytes follow the parameters');
  const nonce = element(2, 0x04);
  const tagLength = element(nonce.end, 0x02);
  if (tagLength.end !== sequence.end) bad('bytes follow the tag length');
  if (tagLength.body.length !== 1 || tagLength.body[0] !== 16) bad('the tag length is not 16 bytes');
  return nonce.body;
}
