/**
 * An independent HOTP/TOTP (RFC 4226/6238) on node:crypto, for end-to-end
 * tests to check the codes the app shows without trusting the app's own
 * engine (otplib). Deliberately short and written from the RFCs.
 */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEAM = '23456789BCDFGHJKMNPQRTVWXY';

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function truncated(secret: string, counter: number, algorithm: 'SHA1' | 'SHA256' | 'SHA512'): number {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm.replace('SHA', 'sha'), base32Decode(secret)).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}

export function referenceHotp(
  secret: string,
  counter: number,
  digits = 6,
  algorithm: 'SHA1' | 'SHA256' | 'SHA512' = 'SHA1',
): string {
  return String(truncated(secret, counter, algorithm) % 10 ** digits).padStart(digits, '0');
}

export function referenceTotp(
  secret: string,
  atMs: number,
  options: { digits?: number; period?: number; algorithm?: 'SHA1' | 'SHA256' | 'SHA512' } = {},
): string {
  const counter = Math.floor(atMs / 1000 / (options.period ?? 30));
  return referenceHotp(secret, counter, options.digits ?? 6, options.algorithm ?? 'SHA1');
}

export function referenceSteam(secret: string, atMs: number): string {
  let value = truncated(secret, Math.floor(atMs / 30_000), 'SHA1');
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += STEAM[value % STEAM.length];
    value = Math.floor(value / STEAM.length);
  }
  return code;
}
