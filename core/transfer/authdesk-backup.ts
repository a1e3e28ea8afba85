/**
 * Authdesk's own encrypted backup (docs/backup-format.md). A JSON file:
 *   { format: "authdesk-backup", version: 1, header: {...}, header_sha256, ciphertext }
 * key material = scrypt(password, header.kdf.salt) → 64 bytes: the first 32
 * are the AES-256-GCM key, the last 32 make header.password_check. The
 * canonical header text (with format and version) is the GCM AAD, so no
 * header field can be changed without the tag failing; header_sha256 and
 * password_check only make the error say WHICH part is wrong.
 */
import { createHash, createHmac } from 'node:crypto';
import * as z from 'zod';
import { AuthdeskError } from '../../common/errors';
import { describeIssue } from '../vault/metadata-schema';
import type { AccountDraft } from '../../common/otp/types';
import { gcmOpenTagged, gcmSeal, randomBytes, scrypt } from './crypto';
import { EntryCollector, makeEntry } from './entry';
import { damaged, passwordRequired, wrongPassword } from './file-errors';
import { isObject, parseJsonSafely } from './safe-json';
import type { Importer, ImportResult } from './types';

export const BACKUP_FORMAT = 'authdesk-backup';
export const BACKUP_VERSION = 1;
const NAME = 'Authdesk backup';
/** OWASP's scrypt floor (N=2^17, r=8, p=1: 128 MiB, ~0.4 s). Tests may ask for less. */
export const DEFAULT_SCRYPT = { n: 2 ** 17, r: 8, p: 1 } as const;

const b64 = (bytes: number) =>
  z.string().refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && Buffer.from(s, 'base64').length === bytes, {
    message: `must be ${bytes} bytes of base64`,
  });

const headerSchema = z.strictObject({
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    n: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, { message: 'must be a power of 2' }),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64(16),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), nonce: b64(12) }),
  password_check: b64(16),
  created_at: z.string().max(40),
});
type Header = z.infer<typeof headerSchema>;

const fileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  header: z.unknown(),
  header_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ciphertext: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

const accountSchema = z.looseObject({
  type: z.string(),
  issuer: z.string(),
  name: z.string(),
  secret: z.string(),
  algorithm: z.string(),
  digits: z.number(),
  period: z.number().optional(),
  counter: z.number().optional(),
});
const payloadSchema = z.looseObject({ accounts: z.array(accountSchema) });

/** The header in one fixed key order, whatever order a tool rewrote it in: the AAD and the checksum input. */
function canonicalHeader(h: Header): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    header: {
      kdf: { name: h.kdf.name, n: h.kdf.n, r: h.kdf.r, p: h.kdf.p, salt: h.kdf.salt },
      cipher: { name: h.cipher.name, nonce: h.cipher.nonce },
      password_check: h.password_check,
      created_at: h.created_at,
    },
  });
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const passwordCheck = (material: Buffer) =>
  createHmac('sha256', material.subarray(32, 64)).update('authdesk password check').digest().subarray(0, 16);

export function isAuthdeskBackup(json: unknown): boolean {
  return isObject(json) && json.format === BACKUP_FORMAT;
}

export interface BackupOptions {
  scrypt?: { n: number; r: number; p: number };
  now?: Date;
}

export async function exportAuthdeskBackup(
  accounts: AccountDraft[],
  password: string,
  options: BackupOptions = {},
): Promise<string> {
  if (!password) throw new AuthdeskError('bad-input', 'A backup needs a password.');
  const kdf = {
    name: 'scrypt' as const,
    ...(options.scrypt ?? DEFAULT_SCRYPT),
    salt: randomBytes(16).toString('base64'),
  };
  const material = await scrypt(password, Buffer.from(kdf.salt, 'base64'), kdf, 64);
  const header: Header = {
    kdf,
    cipher: { name: 'aes-256-gcm', nonce: randomBytes(12).toString('base64') },
    password_check: passwordCheck(material).toString('base64'),
    created_at: (options.now ?? new Date()).toISOString(),
  };
  const aad = canonicalHeader(header);
  const payload = {
    accounts: accounts.map((a) => ({
      type: a.type,
      issuer: a.issuer,
      name: a.name,
      secret: a.secret,
      algorithm: a.algorithm,
      digits: a.digits,
      ...(a.type === 'hotp' ? { counter: a.counter ?? 0 } : { period: a.period ?? 30 }),
    })),
  };
  const sealed = gcmSeal(
    material.subarray(0, 32),
    Buffer.from(header.cipher.nonce, 'base64'),
    Buffer.from(JSON.stringify(payload)),
    Buffer.from(aad),
  );
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    header,
    header_sha256: sha256Hex(aad),
    ciphertext: Buffer.concat([sealed.ciphertext, sealed.tag]).toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const authdeskBackupImporter: Importer = {
  id: 'authdesk',
  name: NAME,
  detect: (input) => isAuthdeskBackup(input.json),
  async parse(input, { password }) {
    const json = input.json;
    if (
      isObject(json) &&
      json.format === BACKUP_FORMAT &&
      typeof json.version === 'number' &&
      json.version > BACKUP_VERSION
    )
      throw new AuthdeskError(
        'unsupported',
        `This backup was made by a newer Authdesk (format version ${json.version}): update Authdesk to restore it.`,
      );
    const file = fileSchema.safeParse(json);
    if (!file.success)
      throw damaged(
        NAME,
        describeIssue(file.error).split(':')[0]!,
        describeIssue(file.error).split(': ').slice(1).join(': '),
      );
    const header = headerSchema.safeParse(file.data.header);
    if (!header.success) {
      const issue = describeIssue(header.error);
      throw damaged(NAME, `header.${issue.split(':')[0]}`, issue.split(': ').slice(1).join(': '));
    }
    const aad = canonicalHeader(header.data);
    if (sha256Hex(aad) !== file.data.header_sha256)
      throw damaged(NAME, 'the header', 'its fields do not match header_sha256 (changed after it was written)');
    if (password === undefined) throw passwordRequired(NAME);
    const { kdf } = header.data;
    const material = await scrypt(password, Buffer.from(kdf.salt, 'base64'), kdf, 64);
    if (!passwordCheck(material).equals(Buffer.from(header.data.password_check, 'base64'))) throw wrongPassword(NAME);
    const plain = gcmOpenTagged(
      material.subarray(0, 32),
      Buffer.from(header.data.cipher.nonce, 'base64'),
      Buffer.from(file.data.ciphertext, 'base64'),
      Buffer.from(aad),
    );
    if (!plain)
      throw damaged(NAME, 'ciphertext', 'the encrypted accounts do not match their checksum (changed or cut short)');
    let payload: unknown;
    try {
      payload = parseJsonSafely(plain.toString('utf8'));
    } catch {
      payload = null;
    }
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw damaged(NAME, 'the decrypted accounts', describeIssue(parsed.error));
    return readAccounts(parsed.data.accounts);
  },
};

function readAccounts(accounts: z.infer<typeof accountSchema>[]): ImportResult {
  const found = new EntryCollector();
  accounts.forEach((a, i) => found.add(`accounts[${i}]`, a, () => makeEntry(a)));
  return { format: 'authdesk', formatName: NAME, ...found };
}
