/**
 * Writes one encrypted backup into the backup folder and keeps the newest N
 * of ours. The file is always a new one (a taken name gets -2, -3, ...),
 * written atomically (temp file + fsync + rename, core/atomic-file.ts) with
 * mode 0600. Rotation deletes only regular files whose name is exactly our
 * pattern (file-names.ts); anything else in the folder is left alone.
 * Failures come back as AuthdeskErrors naming the cause in backup words.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AuthdeskError, type ErrorCode } from '../../common/errors';
import { writeFileAtomic } from '../atomic-file';
import { backupFileName, backupSortKey, leftoverWriterPid } from './file-names';

const MAX_SAME_SECOND = 999;

/** Writes `text` as a new backup file made at `at`; returns its name (no folder). */
export async function writeBackupFile(folder: string, text: string, at: number): Promise<string> {
  await requireFolder(folder);
  try {
    for (let n = 1; n <= MAX_SAME_SECOND; n++) {
      const name = backupFileName(at, n);
      if (await exists(path.join(folder, name))) continue;
      await writeFileAtomic(path.join(folder, name), text);
      return name;
    }
  } catch (err) {
    throw backupWriteError(err, folder);
  }
  throw new AuthdeskError('internal', `Too many backups in one second in ${folder}.`);
}

/**
 * Deletes our oldest automatic backups beyond `keep`, and temp files of ours
 * a killed earlier run left (another pid: backups are written by one app
 * process, one at a time). Returns the names deleted. Never fails the backup.
 */
export async function rotateBackups(folder: string, keep: number): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const ours: { name: string; key: string }[] = [];
  const leftovers = names.filter((n) => {
    const pid = leftoverWriterPid(n);
    return pid !== null && pid !== process.pid;
  });
  for (const name of names) {
    const key = backupSortKey(name);
    if (key === null) continue;
    // lstat: a symlink or folder that happens to carry our name is not one of our files.
    const stat = await fs.lstat(path.join(folder, name)).catch(() => null);
    if (stat?.isFile()) ours.push({ name, key });
  }
  ours.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const old = ours.slice(0, Math.max(0, ours.length - keep)).map((o) => o.name);
  const deleted: string[] = [];
  for (const name of [...old, ...leftovers]) {
    try {
      await fs.unlink(path.join(folder, name));
      deleted.push(name);
    } catch {
      // One file we cannot delete is no reason to call the backup failed; the next run tries again.
    }
  }
  return deleted;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

async function requireFolder(folder: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await fs.stat(folder)).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw backupWriteError(err, folder);
  }
  if (!isDir)
    throw new AuthdeskError(
      'backup-folder-missing',
      `The backup folder ${folder} is not there (a removed USB drive, a network folder not connected?). Connect it or choose another folder.`,
    );
}

const CAUSES: Record<string, { code: ErrorCode; text: (folder: string) => string }> = {
  ENOSPC: { code: 'disk-full', text: (f) => `The disk holding the backup folder ${f} is full (ENOSPC).` },
  EDQUOT: { code: 'disk-full', text: (f) => `Your disk quota for the backup folder ${f} is used up (EDQUOT).` },
  EROFS: { code: 'read-only', text: (f) => `The backup folder ${f} is on a read-only file system (EROFS).` },
  EACCES: { code: 'permission-denied', text: (f) => `Authdesk may not write to the backup folder ${f} (EACCES).` },
  EPERM: { code: 'permission-denied', text: (f) => `The system refused writing to the backup folder ${f} (EPERM).` },
};

/** The backup-worded error for a file-system failure; AuthdeskErrors pass through. */
export function backupWriteError(err: unknown, folder: string): AuthdeskError {
  if (err instanceof AuthdeskError) return err;
  const errno = (err as NodeJS.ErrnoException | null)?.code;
  const cause = typeof errno === 'string' ? CAUSES[errno] : undefined;
  if (cause)
    return new AuthdeskError(cause.code, `${cause.text(folder)} No backup was written; your accounts are unchanged.`, {
      cause: err,
    });
  return new AuthdeskError(
    'internal',
    `The backup could not be written to ${folder}${typeof errno === 'string' ? ` (${errno})` : ''}. Your accounts are unchanged.`,
    { cause: err },
  );
}
