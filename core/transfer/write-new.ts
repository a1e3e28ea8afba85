/**
 * Writes an export that holds secrets: always a new file (never over an
 * existing one, which may be the only copy of an older backup) and readable by
 * its owner only (0600), as `authdesk export` does.
 */
import { writeFile } from 'node:fs/promises';
import { AuthdeskError } from '../../common/errors';
import { fileSystemError } from '../../common/fs-errors';

export async function writeNewFile(file: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, content, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new AuthdeskError('file-exists', `${file} already exists: Authdesk never overwrites a file.`);
    if (code === 'ENOENT') throw new AuthdeskError('bad-input', `The folder of ${file} does not exist.`);
    throw fileSystemError(err) ?? new AuthdeskError('bad-input', `${file} cannot be written.`, { cause: err });
  }
}
