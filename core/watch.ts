/**
 * Notices when another process (the CLI) changes the vault's metadata file.
 * fs.watch watches the folder, not the file, because the vault replaces the
 * file by rename on every write and a file watch would stay on the old inode.
 * Events are debounced (one write = several events) and compared by content,
 * so the app's own writes, acknowledged right after they happen, stay quiet.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileWatch {
  /** Records the file as it is now as "known" (call after our own writes). */
  acknowledge(): Promise<void>;
  /** Compares the file with the known state now; calls onChange and returns true if it differs. */
  check(): Promise<boolean>;
  close(): void;
}

export interface WatchOptions {
  /** The file to watch (e.g. the vault's metadataPath). Its folder must exist. */
  file: string;
  onChange: () => void;
  debounceMs?: number;
}

export async function watchFileChanges({ file, onChange, debounceMs = 150 }: WatchOptions): Promise<FileWatch> {
  const name = path.basename(file);
  let known = await fingerprint(file);
  let timer: NodeJS.Timeout | undefined;

  const check = async (): Promise<boolean> => {
    const now = await fingerprint(file);
    if (now === known) return false;
    known = now;
    onChange();
    return true;
  };

  const watcher: FSWatcher = watch(path.dirname(file), { persistent: false }, (_event, changed) => {
    // Some platforms omit the name; then any change in the folder is checked.
    if (changed && changed.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check().catch(() => undefined), debounceMs);
  });
  // A vanished folder must not take the app down; the next open recreates it.
  watcher.on('error', () => undefined);

  return {
    acknowledge: async () => void (known = await fingerprint(file)),
    check,
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/** sha256 of the content, or '' if the file does not exist (yet). */
async function fingerprint(file: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  } catch {
    return '';
  }
}
