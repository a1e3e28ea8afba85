/**
 * An otplib CryptoPlugin on Node's own HMAC. otplib's default (noble, pure
 * JS) is about twice as slow, and codes for every account are computed at each
 * period boundary. otplib still does everything else: counter encoding,
 * dynamic truncation, digits.
 */
import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { CryptoPlugin, HashAlgorithm } from '@otplib/core';

// Key bytes come from key-cache.ts (one Uint8Array per secret), so
// a WeakMap turns each into a KeyObject once and forgets it with the bytes.
const keyObjects = new WeakMap<Uint8Array, KeyObject>();

function keyObject(key: Uint8Array): KeyObject {
  let object = keyObjects.get(key);
  if (object === undefined) {
    object = createSecretKey(key);
    keyObjects.set(key, object);
  }
  return object;
}

export const nodeHmac: CryptoPlugin = Object.freeze({
  name: 'authdesk-node-crypto',
  // No `algorithms` list on purpose: with one, otplib filters its list of
  // hashes against it twice per code. Its own default list is these three.
  hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
    return createHmac(algorithm, keyObject(key)).update(data).digest();
  },
  randomBytes(length: number): Uint8Array {
    return randomBytes(length);
  },
  constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
    const left = typeof a === 'string' ? Buffer.from(a) : a;
    const right = typeof b === 'string' ? Buffer.from(b) : b;
    return left.length === right.length && timingSafeEqual(left, right);
  },
});
