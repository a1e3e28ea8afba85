/**
 * Authenticator Plus backups: a zip locked with legacy ZipCrypto ("traditional
 * PKWARE encryption") holding `Accounts.txt`, one otpauth:// link a line.
 * zip.js opens the zip and decrypts; the text goes through the otpauth list
 * importer, so each line is read exactly as a pasted link would be.
 *
 * ZipCrypto checks a password on one byte only: a wrong password passes that
 * check once in 256 tries and then fails the CRC, which looks the same as a
 * changed file. That case is 'wrong-password-or-damaged': it says both, and
 * the app asks for the password again.
 *
 * zip.js takes 0.1–0.2 s to load, so it loads only when such a file is read
 * (not at every CLI start).
 */
import type { FileEntry, ZipReader } from '@zip.js/zip.js';
import { AuthdeskError } from '../../common/errors';
import { damaged, passwordRequired, wrongPassword, wrongPasswordOrDamaged } from './file-errors';
import { otpauthListImporter } from './otpauth-list';
import type { Importer, ImportInput } from './types';

const NAME = 'Authenticator Plus backup';
const ACCOUNTS = 'Accounts.txt';
/** Same bound as a whole import file (detect.ts MAX_IMPORT_BYTES): a zip bomb stops here. */
const MAX_UNPACKED = 20 * 1024 * 1024;
const ZIP_OPTIONS = { useWebWorkers: false, checkCrc32: true } as const;
type ZipJs = typeof import('@zip.js/zip.js');

/** A zip (local file header first) that names Accounts.txt: names are stored in the clear even when encrypted. */
export function looksLikeAuthenticatorPlus(input: ImportInput): boolean {
  const bytes = input.bytes;
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ACCOUNTS, 0, 'latin1');
}

export const authenticatorPlusImporter: Importer = {
  id: 'authenticator-plus',
  name: NAME,
  detect: looksLikeAuthenticatorPlus,
  async parse(input, { password }) {
    const zipjs = await import('@zip.js/zip.js');
    const reader = new zipjs.ZipReader(new zipjs.Uint8ArrayReader(input.bytes), ZIP_OPTIONS);
    try {
      const entry = await accountsEntry(reader);
      if (entry.encrypted && password === undefined) throw passwordRequired(NAME);
      if (entry.uncompressedSize > MAX_UNPACKED) throw tooBigInside();
      const text = await unpack(zipjs, entry, password);
      const result = await otpauthListImporter.parse(
        { bytes: Buffer.from(text, 'utf8'), text, json: undefined, source: `${input.source} (${ACCOUNTS})` },
        {},
      );
      return { ...result, format: 'authenticator-plus', formatName: NAME };
    } finally {
      await reader.close();
    }
  },
};

async function accountsEntry(reader: ZipReader<Uint8Array>): Promise<FileEntry> {
  let entries;
  try {
    entries = await reader.getEntries();
  } catch (err) {
    throw damaged(NAME, 'the zip directory', `${zipMessage(err)} (the file is cut short or changed)`);
  }
  const found = entries.find(
    (e): e is FileEntry => !e.directory && (e.filename === ACCOUNTS || e.filename.endsWith(`/${ACCOUNTS}`)),
  );
  if (!found)
    throw damaged(NAME, 'the zip directory', `there is no ${ACCOUNTS} in it (${entries.length} other entries)`);
  return found;
}

async function unpack(zipjs: ZipJs, entry: FileEntry, password: string | undefined): Promise<string> {
  const checksumErrors = [
    zipjs.ERR_INVALID_CRC32,
    zipjs.ERR_INVALID_COMPRESSED_DATA,
    zipjs.ERR_INVALID_UNCOMPRESSED_SIZE,
  ];
  const chunks: Uint8Array[] = [];
  let total = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      total += chunk.length;
      if (total > MAX_UNPACKED) throw tooBigInside();
      chunks.push(chunk);
    },
  });
  try {
    await entry.getData(sink, { ...ZIP_OPTIONS, password });
  } catch (err) {
    if (err instanceof AuthdeskError) throw err;
    const message = zipMessage(err);
    if (message === zipjs.ERR_INVALID_PASSWORD) throw wrongPassword(NAME);
    // Past ZipCrypto's one-byte check, a wrong password and a changed file fail the same way.
    if (entry.zipCrypto) throw wrongPasswordOrDamaged(NAME, ACCOUNTS);
    if (checksumErrors.includes(message))
      throw damaged(NAME, ACCOUNTS, 'its content fails the zip checksum: the file was changed');
    throw damaged(NAME, ACCOUNTS, `it does not unpack: ${message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw damaged(NAME, ACCOUNTS, 'it is not UTF-8 text');
  }
}

function zipMessage(err: unknown): string {
  // zip.js errors carry its ERR_* constants as their message; a bounded-sink refusal wraps ours as the cause.
  if (err instanceof Error && err.cause instanceof AuthdeskError) throw err.cause;
  return err instanceof Error ? err.message : String(err);
}

function tooBigInside(): AuthdeskError {
  return new AuthdeskError(
    'file-too-large',
    `${ACCOUNTS} inside this ${NAME} unpacks to more than ${MAX_UNPACKED / 1024 / 1024} MB: it is not a real backup.`,
  );
}
