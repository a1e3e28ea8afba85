/**
 * Builds FreeOTP 2 backups from scratch, as FreeOTP writes them: a master key
 * sealed under PBKDF2(password) with AES-GCM (AAD "AES"), each token's secret
 * sealed under the master key (AAD "HmacSHA1" ...), all in a Java-serialized
 * HashMap. Fewer PBKDF2 iterations than the app's 100,000 keep tests fast.
 */
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { javaHashMap } from './java-stream';

export interface FreeOtpToken {
  uuid: string;
  secret: Buffer;
  /** The `<uuid>-token` JSON as an object (or raw text). */
  meta: Record<string, unknown> | string;
}

export interface FreeOtpOptions {
  password?: string;
  algorithm?: string;
  iterations?: number;
  /** 'sequence' = SEQUENCE {OCTET STRING nonce, INTEGER 16}; 'octets' = bare OCTET STRING (old Android). */
  parameters?: 'sequence' | 'octets';
  tagLength?: number;
  extra?: [string, string][];
  /** The uuid of a token whose sealed key gets one bit flipped (a changed file). */
  tamper?: string;
}

const signed = (bytes: Buffer) => [...bytes].map((b) => (b > 127 ? b - 256 : b));

function sealed(key: Buffer, plain: Buffer, token: string, options: FreeOtpOptions, tamper = false) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(key.length === 32 ? 'aes-256-gcm' : 'aes-128-gcm', key, nonce);
  cipher.setAAD(Buffer.from(token));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  if (tamper) body[0]! ^= 0x01;
  const octets = Buffer.concat([Buffer.from([0x04, nonce.length]), nonce]);
  const tag = Buffer.from([0x02, 0x01, options.tagLength ?? 16]);
  const parameters =
    options.parameters === 'octets'
      ? octets
      : Buffer.concat([Buffer.from([0x30, octets.length + tag.length]), octets, tag]);
  return { mCipher: 'AES/GCM/NoPadding', mCipherText: signed(body), mParameters: signed(parameters), mToken: token };
}

export function freeotpBackup(tokens: FreeOtpToken[], options: FreeOtpOptions = {}): Buffer {
  const algorithm = options.algorithm ?? 'PBKDF2withHmacSHA512';
  const digest = /sha1$/i.test(algorithm) ? 'sha1' : /sha256$/i.test(algorithm) ? 'sha256' : 'sha512';
  const iterations = options.iterations ?? 1000;
  const salt = randomBytes(32);
  const wrapping = pbkdf2Sync(options.password ?? 'test', salt, iterations, 32, digest);
  const master = randomBytes(32);
  const masterKey = {
    mAlgorithm: algorithm,
    mEncryptedKey: sealed(wrapping, master, 'AES', options),
    mIterations: iterations,
    mSalt: signed(salt),
  };
  const entries: [string, string][] = [['masterKey', JSON.stringify(masterKey)]];
  for (const t of tokens) {
    const algo = typeof t.meta === 'string' ? 'SHA1' : String(t.meta.algo ?? 'SHA1');
    entries.push([
      t.uuid,
      JSON.stringify({
        key: JSON.stringify(sealed(master, t.secret, `Hmac${algo}`, options, t.uuid === options.tamper)),
      }),
    ]);
    entries.push([`${t.uuid}-token`, typeof t.meta === 'string' ? t.meta : JSON.stringify(t.meta)]);
  }
  return javaHashMap([...entries, ...(options.extra ?? [])]);
}
