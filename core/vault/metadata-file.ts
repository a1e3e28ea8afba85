/**
 * Reading and writing `<dataDir>/accounts.json` so that a crash at any
 * instant leaves a complete file: the new one or the old one, plus the
 * previous generation in `accounts.json.bak`.
 *
 * Write (always under the data folder's lock, see ../lock.ts):
 *   1. write the new document to a temp file in the same folder, fsync it;
 *   2. hard-link the current file as `.bak` (via a temp name + rename, so the
 *      old .bak is replaced atomically and accounts.json never disappears);
 *   3. rename the temp file over accounts.json (atomic on POSIX and NTFS);
 *   4. fsync the folder so the renames themselves survive a power cut.
 *
 * Reading (and stat) is synchronous: a stat and one read of a small file, microseconds
 * each, where the first promise-based call would load fs/promises and start libuv's
 * thread pool before `authdesk list` or `code` can answer (see ../data-folder.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, promises as fs, constants as fsc, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { tempPrefix, writeFileAtomic } from '../atomic-file';
import { AuthdeskError } from '../../common/errors';
import { fileSystemError } from '../../common/fs-errors';
import type { vaultFiles } from '../paths';
import type { CheckedCopy } from './checked-copy';
import { claimedVersion, emptyDocument, VAULT_VERSION, type VaultDocument } from './metadata-document';

export type VaultFiles = ReturnType<typeof vaultFiles>;

/** Identifies one generation of the file (each write is a new inode), to notice other processes' writes. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

export type ReadOutcome =
  | { ok: true; doc: VaultDocument; stamp: FileStamp | null; from: 'file' | 'backup' | 'none' }
  /** accounts.json is damaged but the backup is good: the caller recovers under the lock. */
  | { ok: false; problem: string; backup: VaultDocument };

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (!!a && !!b && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);
}

export async function statMetadata(files: VaultFiles): Promise<FileStamp | null> {
  try {
    const s = statSync(files.metadata);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch (err) {
    if (errno(err) === 'ENOENT') return null;
    throw readError(files.metadata, err);
  }
}

/**
 * Reads the document without changing anything on disk. With `checked`, bytes that passed
 * the schema check before are not checked again (see checked-copy.ts).
 */
export async function readMetadata(files: VaultFiles, checked?: CheckedCopy): Promise<ReadOutcome> {
  const main = await readDocument(files.metadata, checked);
  if (main.kind === 'ok') return { ok: true, doc: main.doc, stamp: main.stamp, from: 'file' };
  const backup = await readDocument(files.backup);
  if (main.kind === 'missing') {
    // Our writes never leave accounts.json missing; if someone removed it, the
    // backup still beats an empty vault (nothing is lost, orphans stay visible).
    if (backup.kind === 'ok') return { ok: true, doc: backup.doc, stamp: null, from: 'backup' };
    return { ok: true, doc: emptyDocument(), stamp: null, from: 'none' };
  }
  if (backup.kind === 'ok') return { ok: false, problem: main.problem, backup: backup.doc };
  throw new AuthdeskError(
    'vault-corrupt',
    `Your accounts file ${files.metadata} is damaged (${main.problem}) and its backup ${files.backup} ${backup.kind === 'missing' ? 'does not exist' : 'is damaged too'}. Nothing was changed: keep both files and see the README, Troubleshooting.`,
  );
}

/**
 * Puts the backup back in place of a damaged accounts.json. The damaged file
 * is kept as `accounts.json.corrupt-<time>` first: never overwritten silently.
 * Call under the lock, after re-reading.
 */
export async function recoverFromBackup(
  files: VaultFiles,
  backup: VaultDocument,
  nowMs: number,
  problem = 'it is damaged',
): Promise<{ stamp: FileStamp; keptAs: string; doc: VaultDocument }> {
  const keptAs = `${files.metadata}.corrupt-${new Date(nowMs).toISOString().replace(/[:.]/g, '-')}`;
  try {
    await fs.copyFile(files.metadata, keptAs, fsc.COPYFILE_EXCL);
  } catch (err) {
    throw new AuthdeskError(
      'vault-corrupt',
      `Your accounts file ${files.metadata} is damaged and could not be set aside as ${keptAs} (${errno(err) ?? 'error'}). Nothing was changed.`,
      { cause: err },
    );
  }
  // Never silent: the restored document carries a notice until the user acknowledges it.
  const doc = withRecoveryNotice(backup, { at: nowMs, reason: problem, keptAs });
  // The damaged file must not become the new .bak: keep the good backup.
  const stamp = await writeMetadata(files, doc, { keepPrevious: false });
  return { stamp, keptAs, doc };
}

/** accounts.json is gone but accounts.json.bak is good: put it back (under the lock), with a notice. */
export async function restoreMissingFromBackup(
  files: VaultFiles,
  backup: VaultDocument,
  nowMs: number,
): Promise<{ stamp: FileStamp; doc: VaultDocument }> {
  const doc = withRecoveryNotice(backup, { at: nowMs, reason: 'it was missing', keptAs: null });
  return { stamp: await writeMetadata(files, doc, { keepPrevious: false }), doc };
}

function withRecoveryNotice(
  backup: VaultDocument,
  notice: { at: number; reason: string; keptAs: string | null },
): VaultDocument {
  return { ...backup, recovery: { ...notice, accounts: backup.accounts.length } };
}

async function readDocument(
  file: string,
  checked?: CheckedCopy,
): Promise<
  { kind: 'ok'; doc: VaultDocument; stamp: FileStamp } | { kind: 'missing' } | { kind: 'bad'; problem: string }
> {
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    // Stat the open handle, not the path, so bytes and stamp describe the same generation.
    const fd = openSync(file, 'r');
    try {
      const s = fstatSync(fd);
      stamp = { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (errno(err) === 'ENOENT') return { kind: 'missing' };
    if (errno(err) === 'EISDIR') return { kind: 'bad', problem: 'it is a folder' };
    throw readError(file, err);
  }
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'bad', problem: text.trim() === '' ? 'it is empty' : 'it is not valid JSON' };
  }
  const version = claimedVersion(json);
  if (version !== null && version > VAULT_VERSION) {
    throw new AuthdeskError(
      'vault-too-new',
      `Your accounts file ${file} was written by a newer Authdesk (format version ${version}; this one reads version ${VAULT_VERSION}). Update Authdesk. Nothing was changed.`,
    );
  }
  if (checked?.matches(bytes)) return { kind: 'ok', doc: json as VaultDocument, stamp };
  // Loaded here, not with this module: a read whose bytes passed before needs neither zod nor the schema.
  const { vaultDocumentSchema, describeIssue } = await import('./metadata-schema');
  const parsed = vaultDocumentSchema.safeParse(json);
  if (!parsed.success) return { kind: 'bad', problem: describeIssue(parsed.error) };
  const doc: VaultDocument = parsed.data;
  // Only a document the check passed unchanged (nothing normalised, same key order) stands for
  // its bytes next time: then JSON.parse alone gives what the check gives.
  if (checked && JSON.stringify(doc) === JSON.stringify(json)) checked.record(bytes);
  return { kind: 'ok', doc, stamp };
}

/** The atomic write described at the top. Caller holds the lock. */
export async function writeMetadata(
  files: VaultFiles,
  doc: VaultDocument,
  options: { keepPrevious?: boolean } = {},
): Promise<FileStamp> {
  await fs.mkdir(files.dir, { recursive: true, mode: 0o700 });
  await removeLeftovers(files);
  try {
    await writeFileAtomic(files.metadata, `${JSON.stringify(doc, null, 2)}\n`, {
      beforeReplace: options.keepPrevious === false ? undefined : () => keepPreviousGeneration(files),
    });
  } catch (err) {
    // A full disk or a read-only folder says so (disk-full, read-only, permission-denied).
    throw (
      fileSystemError(err, `save ${files.metadata} (your previous accounts file is unchanged)`) ??
      new AuthdeskError(
        'internal',
        `Authdesk could not save ${files.metadata} (${errno(err) ?? 'error'}). Your previous accounts file is unchanged.`,
        { cause: err },
      )
    );
  }
  const stamp = await statMetadata(files);
  if (!stamp) throw new AuthdeskError('internal', `${files.metadata} vanished right after it was saved.`);
  return stamp;
}

async function keepPreviousGeneration(files: VaultFiles): Promise<void> {
  const bakTmp = `${files.backup}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.link(files.metadata, bakTmp);
  } catch (err) {
    if (errno(err) === 'ENOENT') return; // first write: no previous generation
    // Filesystems without hard links (FAT, some shares): a copy does the same job.
    await fs.copyFile(files.metadata, bakTmp);
  }
  await fs.rename(bakTmp, files.backup);
}

/** Temp files of a writer that was killed mid-write. Safe to delete: only the lock holder writes temps. */
async function removeLeftovers(files: VaultFiles): Promise<void> {
  const leftover = [tempPrefix(files.metadata), tempPrefix(files.backup)];
  const names = await fs.readdir(files.dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => leftover.some((prefix) => n.startsWith(prefix)))
      .map((n) => fs.rm(path.join(files.dir, n), { force: true }).catch(() => undefined)),
  );
}

function readError(file: string, err: unknown): AuthdeskError {
  return new AuthdeskError(
    'vault-corrupt',
    `Authdesk cannot read ${file} (${errno(err) ?? 'error'}). Nothing was changed.`,
    { cause: err },
  );
}

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}
