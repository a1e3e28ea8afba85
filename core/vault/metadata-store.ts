/**
 * The accounts document as the vault sees it: a cached copy, refreshed when
 * another process (the app or the CLI) replaced the file, and a `mutate` that
 * is always lock -> re-read -> change -> atomic write -> unlock, so two
 * processes never lose each other's changes.
 */
import { withLock, type LockOptions } from '../lock';
import type { Clock } from '../clock';
import {
  readMetadata,
  recoverFromBackup,
  restoreMissingFromBackup,
  sameStamp,
  statMetadata,
  writeMetadata,
  type FileStamp,
  type VaultFiles,
} from './metadata-file';
import type { CheckedCopy } from './checked-copy';
import type { VaultDocument } from './metadata-document';

export interface MetadataStore {
  /** The cached document, re-read first if the file changed on disk. */
  current(): Promise<VaultDocument>;
  /** Applies `change` to the freshest document under the lock and saves it. `change` may throw to abort. */
  mutate<T>(change: (doc: VaultDocument) => T | Promise<T>): Promise<T>;
}

export async function openMetadataStore(
  files: VaultFiles,
  clock: Clock,
  lock: LockOptions = {},
  checked?: CheckedCopy,
): Promise<MetadataStore> {
  let doc: VaultDocument;
  let stamp: FileStamp | null;
  // One process, one writer at a time: in-process callers queue here instead
  // of polling the lock file against themselves.
  let queue: Promise<unknown> = Promise.resolve();

  // The lock waits in real time (its own default clock), not on the vault's
  // clock: that one may stand still (`authdesk code --at`, tests).
  const underLock = <T>(fn: () => Promise<T>): Promise<T> => withLock(files.lock, fn, lock);

  /** Reads from disk; a damaged file with a good backup is recovered, which needs the lock. */
  const load = async (holdingLock: boolean): Promise<void> => {
    const first = await readMetadata(files, checked);
    // A missing accounts.json with a good backup is put back too (never silently: it carries a notice).
    if (first.ok && first.from !== 'backup') {
      doc = first.doc;
      stamp = first.stamp;
      return;
    }
    const recover = async () => {
      const again = holdingLock ? first : await readMetadata(files, checked); // another process may have recovered it meanwhile
      if (again.ok && again.from === 'backup') {
        ({ stamp, doc } = await restoreMissingFromBackup(files, again.doc, clock.now()));
        return;
      }
      if (again.ok) {
        doc = again.doc;
        stamp = again.stamp;
        return;
      }
      ({ stamp, doc } = await recoverFromBackup(files, again.backup, clock.now(), again.problem));
    };
    await (holdingLock ? recover() : underLock(recover));
  };

  await load(false);

  return {
    async current() {
      await queue;
      const now = await statMetadata(files);
      if (!sameStamp(now, stamp)) await load(false);
      return doc;
    },
    mutate<T>(change: (d: VaultDocument) => T | Promise<T>): Promise<T> {
      const run = async () =>
        underLock(async () => {
          await load(true);
          // Work on a copy: if `change` throws, the cache still matches the file.
          const draft: VaultDocument = {
            ...doc,
            accounts: doc.accounts.map((a) => ({ ...a })),
            ...(doc.trash ? { trash: doc.trash.map((t) => ({ ...t, account: { ...t.account } })) } : {}),
          };
          const result = await change(draft);
          stamp = await writeMetadata(files, draft);
          doc = draft;
          return result;
        });
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
