/**
 * The key derivations and ciphers of the formats we read and write: Node's
 * crypto for scrypt, PBKDF2, SHA-256 and AES; hash-wasm for Argon2id (Node
 * has none before v24). A failed GCM tag with a password-derived key means a
 * wrong password (or a changed file, which a tag cannot tell apart); callers
 * decide the wording.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  pbkdf2 as pbkdf2Callback,
  randomBytes,
  scrypt as scryptCallback,
} from 'node:crypto';
import { promisify } from 'node:util';
import { argon2id as argon2idWasm } from 'hash-wasm';

const pbkdf2Async = promisify(pbkdf2Callback);

export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

export function scrypt(
  password: Uint8Array | string,
  salt: Uint8Array,
  params: ScryptParams,
  length = 32,
): Promise<Buffer> {
  // N=2^15, r=8 needs 32 MiB + a little: Node's default maxmem (32 MiB) refuses it.
  const maxmem = 128 * params.n * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, length, { N: params.n, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export function pbkdf2(
  password: Uint8Array | string,
  salt: Uint8Array,
  iterations: number,
  digest: 'sha1' | 'sha256' | 'sha512',
  length = 32,
): Promise<Buffer> {
  return pbkdf2Async(password, salt, iterations, length, digest);
}

export interface Argon2Params {
  iterations: number;
  /** KiB */
  memory: number;
  parallelism: number;
}

export async function argon2id(password: string, salt: Uint8Array, params: Argon2Params, length = 32): Promise<Buffer> {
  const out = await argon2idWasm({
    password,
    salt,
    iterations: params.iterations,
    memorySize: params.memory,
    parallelism: params.parallelism,
    hashLength: length,
    outputType: 'binary',
  });
  return Buffer.from(out);
}

export function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** AES-256-GCM open; null when the tag does not match (wrong key or changed bytes). */
export function gcmOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  aad?: Uint8Array,
): Buffer | null {
  if (tag.length !== 16 || nonce.length === 0) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** Same as gcmOpen for the common layout "ciphertext ‖ 16-byte tag". */
export function gcmOpenTagged(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Buffer | null {
  if (sealed.length < 16) return null;
  return gcmOpen(key, nonce, sealed.subarray(0, sealed.length - 16), sealed.subarray(sealed.length - 16), aad);
}

export function gcmSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/** AES-256-CBC with PKCS#7 padding; null when the padding is wrong (the usual sign of a wrong key). */
export function cbcOpen(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** AES-256-CBC without padding rules, for whole blocks: lets a format check a known first block before the rest. */
export function cbcDecryptUnpadded(key: Uint8Array, iv: Uint8Array, blocks: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(blocks), decipher.final()]);
}

export { randomBytes };
