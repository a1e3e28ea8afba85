/**
 * The data folder is private: mode 0700, owned by the user, whoever creates
 * it first (the app, the CLI, the settings store). A folder that another
 * user owns, or that group/others may write, is refused with the command
 * that fixes it: someone who can write there can swap accounts.json or the
 * lock under us. Readable-only bits left by an older Authdesk (0755) are
 * tightened silently: that is our own folder and the fix is safe.
 * Windows has ACLs, not modes: only creation applies there.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, constants as fsc, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AuthdeskError } from '../common/errors';
import { fileSystemError } from '../common/fs-errors';

export const DATA_FOLDER_MODE = 0o700;

export interface FolderFacts {
  platform: NodeJS.Platform;
  uid: number | null;
}

const hereFacts = (): FolderFacts => ({ platform: process.platform, uid: process.getuid?.() ?? null });

/**
 * Creates the folder (0700) if needed and checks who owns it and who may write it.
 * The usual path is synchronous system calls, here and on the vault's read path
 * (./vault/metadata-file.ts): each takes microseconds, while the first promise-based
 * call loads Node's fs/promises and starts libuv's thread pool, ~5 ms of every
 * `authdesk list` and `code` (bench/cli.bench.ts).
 */
export async function ensureDataFolder(dir: string, facts: FolderFacts = hereFacts()): Promise<void> {
  try {
    mkdirSync(dir, { recursive: true, mode: DATA_FOLDER_MODE });
  } catch (err) {
    const specific = fileSystemError(err, `create its data folder ${dir}`);
    if (specific) throw specific;
    // Node's recursive mkdir reports ENOENT when a parent cannot be created (a read-only
    // file system, for one): find the real cause by writing in the nearest existing parent.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      const parent = nearestExisting(dir);
      await probeWritable(parent);
      throw new AuthdeskError(
        'permission-denied',
        `Authdesk could not create its data folder ${dir} inside ${parent}.`,
        {
          cause: err,
        },
      );
    }
    throw err;
  }
  await checkDataFolder(dir, facts);
}

/** The ownership/permission rule alone (also used by `authdesk doctor`). */
export async function checkDataFolder(dir: string, facts: FolderFacts = hereFacts()): Promise<void> {
  if (facts.platform === 'win32' || facts.uid === null) return;
  // stat, not lstat: a dotfiles manager may link the folder elsewhere; the target is what must be private.
  const info = statSync(dir);
  if (!info.isDirectory())
    throw new AuthdeskError('unsafe-folder', `The data folder ${dir} is not a folder. Move that file away.`);
  if (info.uid !== facts.uid)
    throw new AuthdeskError(
      'unsafe-folder',
      `The data folder ${dir} belongs to another user (uid ${info.uid}), so Authdesk will not use it. Fix: sudo chown -R $(id -u):$(id -g) '${dir}'`,
    );
  if (info.mode & 0o022)
    throw new AuthdeskError(
      'unsafe-folder',
      `The data folder ${dir} can be changed by other users (mode ${(info.mode & 0o777).toString(8)}), so Authdesk will not use it. Fix: chmod 700 '${dir}'`,
    );
  if (info.mode & 0o077) await fs.chmod(dir, DATA_FOLDER_MODE).catch(() => undefined);
}

/**
 * Whether Authdesk can really write in `dir`: a probe file is created and
 * removed. access(W_OK) says yes to root on a chmod-ed folder and knows
 * nothing of immutable (chattr +i) folders; a real write knows.
 */
export async function probeWritable(dir: string): Promise<void> {
  const probe = path.join(dir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await fs.open(probe, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600);
    try {
      await handle.writeFile('probe');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw fileSystemError(err, `write in its data folder ${dir}`) ?? err;
  } finally {
    await fs.rm(probe, { force: true }).catch(() => undefined);
  }
}

function nearestExisting(dir: string): string {
  let current = path.dirname(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}
