/**
 * Zips the way Authenticator Plus writes its backups (Accounts.txt under legacy
 * ZipCrypto), made with zip.js, and the two kinds of wrong password for one.
 */
import {
  ERR_INVALID_PASSWORD,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
  type FileEntry,
} from '@zip.js/zip.js';

/**
 * A zip as Authenticator Plus writes it: ZipCrypto with `password`, or not encrypted when it is ''.
 * `aes`: AES instead (not what the app writes; its own check is 2 bytes and a MAC).
 */
export async function zipCryptoZip(
  files: Record<string, string | Uint8Array>,
  password: string,
  encryption: 'zipcrypto' | 'aes' = 'zipcrypto',
): Promise<Buffer> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const options = password ? { password, zipCrypto: encryption === 'zipcrypto' } : {};
    await writer.add(name, new Uint8ArrayReader(bytes), options);
  }
  return Buffer.from(await writer.close());
}

/**
 * Two wrong passwords for this zip: one that ZipCrypto's one-byte check refuses, and one that passes it
 * (about 1 in 256 do). Searched with zip.js itself, so each run tests both paths whatever random header
 * the zip got; 4,000 tries miss one with a chance of about 1 in 6 million.
 */
export async function passwordsAgainstTheCheckByte(
  file: Uint8Array,
): Promise<{ failsCheck: string; passesCheck: string }> {
  const reader = new ZipReader(new Uint8ArrayReader(file), { useWebWorkers: false });
  const [entry] = (await reader.getEntries()) as FileEntry[];
  let failsCheck: string | undefined;
  let passesCheck: string | undefined;
  for (let i = 0; i < 4000 && !(failsCheck && passesCheck); i++) {
    const password = `wrong-${i}`;
    const outcome = await entry!
      .getData(new Uint8ArrayWriter(), { password, checkCrc32: true, useWebWorkers: false })
      .then(
        () => 'opened',
        (err: Error) => err.message,
      );
    if (outcome === ERR_INVALID_PASSWORD) failsCheck ??= password;
    else if (outcome !== 'opened') passesCheck ??= password;
  }
  await reader.close();
  if (!failsCheck || !passesCheck) throw new Error('no wrong password of each kind in 4,000 tries');
  return { failsCheck, passesCheck };
}
