/**
 * Diffie-Hellman on the 1024-bit Oakley group 2 (RFC 2409), as the Secret
 * Service's encrypted session wants it, through OpenSSL's key objects.
 *
 * Why not `createDiffieHellmanGroup('modp2')`: every call of it tests the
 * group's prime for primality first (about 30 ms, measured here, the largest
 * single cost of `authdesk code`), while `generateKeyPairSync('dh', { group })`
 * uses the well-known group as it is (under 1 ms). Key objects take the peer's
 * public value only inside a SubjectPublicKeyInfo, so the raw value the bus
 * carries is wrapped in one (the same algorithm identifier as our own key, a
 * new public integer) and unwrapped the other way.
 */
import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface DhKeyPair {
  /** Our public value, big-endian, as the bus carries it. */
  readonly publicValue: Buffer;
  /** The shared secret with a peer's raw public value (leading zero bytes may be dropped). */
  computeSecret(peerValue: Buffer): Buffer;
}

// Node documents generateKeyPairSync('dh', { group }) (since 15); @types/node declares no overload for it.
const generateDhKeyPair = generateKeyPairSync as unknown as (
  type: 'dh',
  options: { group: 'modp2' },
) => { publicKey: KeyObject; privateKey: KeyObject };

export function generateModp2KeyPair(): DhKeyPair {
  const { publicKey, privateKey } = generateDhKeyPair('dh', { group: 'modp2' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const { algorithm, publicValue } = splitSpki(spki);
  return {
    publicValue,
    computeSecret(peerValue) {
      const peer = createPublicKey({ key: joinSpki(algorithm, peerValue), format: 'der', type: 'spki' });
      return diffieHellman({ privateKey, publicKey: peer });
    },
  };
}

// --- DER, only as much as a SubjectPublicKeyInfo of a DH key needs ---

interface Tlv {
  tag: number;
  /** Where the value starts and ends in the buffer. */
  start: number;
  end: number;
}

function readTlv(der: Buffer, at: number): Tlv {
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i]!;
    start += bytes;
  }
  if (start + length > der.length) throw new Error('DER value runs past its buffer');
  return { tag, start, end: start + length };
}

function splitSpki(spki: Buffer): { algorithm: Buffer; publicValue: Buffer } {
  const outer = readTlv(spki, 0);
  const algorithmTlv = readTlv(spki, outer.start);
  const bitString = readTlv(spki, algorithmTlv.end);
  // A BIT STRING's first byte counts unused bits (0 here); the INTEGER follows.
  const integer = readTlv(spki, bitString.start + 1);
  if (outer.tag !== 0x30 || algorithmTlv.tag !== 0x30 || bitString.tag !== 0x03 || integer.tag !== 0x02) {
    throw new Error('unexpected SubjectPublicKeyInfo layout for a DH key');
  }
  return {
    algorithm: spki.subarray(outer.start, algorithmTlv.end),
    publicValue: stripZeros(spki.subarray(integer.start, integer.end)),
  };
}

function joinSpki(algorithm: Buffer, value: Buffer): Buffer {
  let magnitude = stripZeros(value);
  // DER integers are signed: a set top bit needs a zero byte in front.
  if (magnitude.length === 0 || magnitude[0]! & 0x80) magnitude = Buffer.concat([Buffer.from([0]), magnitude]);
  const integer = tlv(0x02, magnitude);
  const bitString = tlv(0x03, Buffer.concat([Buffer.from([0]), integer]));
  return tlv(0x30, Buffer.concat([algorithm, bitString]));
}

function tlv(tag: number, value: Buffer): Buffer {
  const n = value.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), value]);
}

function stripZeros(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
