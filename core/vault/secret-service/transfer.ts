/**
 * How secret values travel over the bus. Like libsecret we negotiate the
 * Secret Service's encrypted session (dh-ietf1024-sha256-aes128-cbc-pkcs7:
 * Diffie-Hellman on the 1024-bit Oakley group 2, HKDF-SHA256 with no salt or
 * info to a 16-byte key, AES-128-CBC with PKCS#7 padding), so a value never
 * crosses the session bus in clear text; only a service that refuses that
 * algorithm gets the "plain" session, as libsecret also falls back to.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SecretBus } from './bus';
import { generateModp2KeyPair } from './dh-modp2';
import { BusFailure } from './bus';
import { SERVICE_NAME, SERVICE_PATH, SERVICE_IFACE } from './names';

export const DH_ALGORITHM = 'dh-ietf1024-sha256-aes128-cbc-pkcs7';
const CONTENT_TYPE = 'text/plain; charset=utf8';
const PRIME_BYTES = 128;

export interface Transfer {
  readonly session: string;
  /** The `(oayays)` Secret struct for a value. */
  wrap(value: string): [string, Buffer, Buffer, string];
  unwrap(secret: unknown): string;
}

export async function openTransfer(bus: SecretBus): Promise<Transfer> {
  const dh = generateModp2KeyPair();
  try {
    const [output, session] = await bus.call({
      destination: SERVICE_NAME,
      path: SERVICE_PATH,
      interface: SERVICE_IFACE,
      member: 'OpenSession',
      signature: 'sv',
      body: [DH_ALGORITHM, new bus.dbus.Variant('ay', dh.publicValue)],
    });
    const serverKey = (output as { value: Buffer }).value;
    const shared = leftPad(dh.computeSecret(serverKey), PRIME_BYTES);
    const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), Buffer.alloc(0), 16));
    return encrypted(String(session), key);
  } catch (err) {
    if (err instanceof BusFailure && err.errorName === 'org.freedesktop.DBus.Error.NotSupported') {
      const [, session] = await bus.call({
        destination: SERVICE_NAME,
        path: SERVICE_PATH,
        interface: SERVICE_IFACE,
        member: 'OpenSession',
        signature: 'sv',
        body: ['plain', new bus.dbus.Variant('s', '')],
      });
      return plain(String(session));
    }
    throw err;
  }
}

function encrypted(session: string, key: Buffer): Transfer {
  return {
    session,
    wrap(value) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-128-cbc', key, iv);
      return [session, iv, Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]), CONTENT_TYPE];
    },
    unwrap(secret) {
      const [, iv, data] = secret as [string, Buffer, Buffer, string];
      const decipher = createDecipheriv('aes-128-cbc', key, iv);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}

function plain(session: string): Transfer {
  return {
    session,
    wrap: (value) => [session, Buffer.alloc(0), Buffer.from(value, 'utf8'), CONTENT_TYPE],
    unwrap: (secret) => Buffer.from((secret as [string, Buffer, Buffer, string])[2]).toString('utf8'),
  };
}

/** The derived secret may lack leading zero bytes; the protocol hashes all 128. */
function leftPad(bytes: Buffer, size: number): Buffer {
  return bytes.length >= size ? bytes : Buffer.concat([Buffer.alloc(size - bytes.length), bytes]);
}
