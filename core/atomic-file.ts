/**
 * Writing a small file so that a crash at any instant leaves either the old
 * or the new content, never half of it: a temp file in the same folder,
 * fsync, rename over the target, fsync of the folder. Used by the vault's
 * accounts.json and by settings.json.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';

/** Temp files are named `<file>.tmp-<pid>-<random>`, so a later writer can recognise a killed writer's leftovers. */
export function tempPrefix(file: string): string {
  return `${path.basename(file)}.tmp-`;
}

export async function writeFileAtomic(
  file: string,
  text: string,
  options: {
    /** Runs after the new content is on disk and before it replaces the file (the vault keeps its .bak here). */
    beforeReplace?: () => Promise<void>;
  } = {},
): Promise<void> {
  const temp = path.join(path.dirname(file), `${tempPrefix(file)}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await fs.open(temp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDir(path.dirname(file));
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}
