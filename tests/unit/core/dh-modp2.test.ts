/**
 * Our fast Oakley group 2 key agreement against Node's own DiffieHellman on the
 * same group (the slow but plain reference): both sides must derive the same
 * secret, whatever the peer's value looks like on the wire.
 */
import { createDiffieHellmanGroup } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateModp2KeyPair } from '../../../core/vault/secret-service/dh-modp2';

const pad = (b: Buffer) => Buffer.concat([Buffer.alloc(128 - b.length), b]);

describe('generateModp2KeyPair', () => {
  it('agrees with the reference implementation in both directions', () => {
    let highBitPeers = 0;
    for (let i = 0; i < 12; i++) {
      const reference = createDiffieHellmanGroup('modp2');
      reference.generateKeys();
      const ours = generateModp2KeyPair();
      const peer = reference.getPublicKey();
      if (peer[0]! & 0x80) highBitPeers++;
      expect(pad(ours.computeSecret(peer))).toEqual(pad(reference.computeSecret(ours.publicValue)));
    }
    // Values with the top bit set need DER's extra zero byte; both kinds were tried.
    expect(highBitPeers).toBeGreaterThan(0);
  });

  it('reads peer values with leading zero bytes and very short ones', () => {
    const ours = generateModp2KeyPair();
    // With the generator (2) as the peer's value, the shared secret is our own public value.
    expect(pad(ours.computeSecret(Buffer.from([2])))).toEqual(pad(ours.publicValue));
    expect(pad(ours.computeSecret(Buffer.from([0, 0, 0, 2])))).toEqual(pad(ours.publicValue));
  });

  it('gives a 128-byte-or-shorter public value in the group, new on every call', () => {
    const a = generateModp2KeyPair();
    const b = generateModp2KeyPair();
    expect(a.publicValue.length).toBeLessThanOrEqual(128);
    expect(a.publicValue.length).toBeGreaterThan(100);
    expect(a.publicValue.equals(b.publicValue)).toBe(false);
  });

  it('refuses a peer value outside the group instead of deriving from it', () => {
    const ours = generateModp2KeyPair();
    expect(() => ours.computeSecret(Buffer.from([1]))).toThrow();
  });
});
