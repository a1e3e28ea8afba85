/**
 * The app-lock password, kept only as a scrypt hash with its own random salt
 * in `<dataDir>/app-lock.json` (never in settings.json, never in plain text).
 * It guards the screen, not the secrets: those stay in the OS keychain either way.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AuthdeskError } from '../common/errors';
import { writeFileAtomic } from './atomic-file';

export const APP_LOCK_FILE = 'app-lock.json';

/** OWASP's scrypt floor is N=2^17 r=8 p=1; 2^15 keeps an unlock under ~0.1 s on a slow laptop. */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

interface StoredHash {
  format: 'authdesk-app-lock';
  version: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
  hash: string; // base64
}

function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export interface LockPasswordFile {
  readonly file: string;
  isSet(): Promise<boolean>;
  set(password: string): Promise<void>;
  verify(password: string): Promise<boolean>;
  remove(): Promise<void>;
}

export function lockPasswordFile(dataDir: string, params: { N: number; r: number; p: number } = DEFAULT_SCRYPT) {
  const file = path.join(dataDir, APP_LOCK_FILE);

  const read = async (): Promise<StoredHash | null> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const stored = JSON.parse(text) as StoredHash;
      if (stored.format !== 'authdesk-app-lock' || stored.kdf !== 'scrypt' || !stored.salt || !stored.hash)
        throw new Error('not ours');
      return stored;
    } catch {
      throw new AuthdeskError(
        'lock-unavailable',
        `The app-lock file ${file} is damaged. Delete it to set a new password (your accounts are not affected).`,
      );
    }
  };

  const api: LockPasswordFile = {
    file,
    isSet: async () => (await read().catch(() => null)) !== null,
    async set(password) {
      if (password.length < 8) throw new AuthdeskError('bad-input', 'The password needs at least 8 characters.');
      const salt = randomBytes(16);
      const hash = await scrypt(password, salt, params);
      const stored: StoredHash = {
        format: 'authdesk-app-lock',
        version: 1,
        kdf: 'scrypt',
        ...params,
        salt: salt.toString('base64'),
        hash: hash.toString('base64'),
      };
      await writeFileAtomic(file, `${JSON.stringify(stored, null, 2)}\n`);
    },
    async verify(password) {
      const stored = await read();
      if (!stored) return false;
      const expected = Buffer.from(stored.hash, 'base64');
      const actual = await scrypt(password, Buffer.from(stored.salt, 'base64'), stored);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    remove: () => rm(file, { force: true }),
  };
  return api;
}
