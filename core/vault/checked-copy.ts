/**
 * A copy of accounts.json as it last passed the schema check, kept by a
 * short-lived reader (the CLI) in its cache folder. When the file's bytes are
 * the copy's bytes, the check would say what it said before, so it is skipped:
 * with 200 accounts the check (and building the schema it checks against) is
 * ~5 ms of an `authdesk code` that should answer as fast as Node starts.
 *
 * Only exact bytes count: any change to the file, however small, is checked
 * again. Only a file the check passes unchanged is copied (an older file the
 * check normalises is checked each time, until the next write renews it). The
 * copy names the build whose check it passed (`key`): another build checks
 * again. A copy that is missing, cut short, damaged or unwritable only costs
 * that check; it never makes a file pass.
 *
 * The copy holds what accounts.json holds (names and issuers, no secrets),
 * readable by the user only, in a folder the OS may empty at any time.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CheckedCopy {
  /** Whether these exact bytes passed the check before, in this build. */
  matches(bytes: Buffer): boolean;
  /** Records bytes that just passed the check (best effort: a failure costs the next run a check). */
  record(bytes: Buffer): void;
}

const MAGIC = 'authdesk-checked-copy-1';

/** The copy in `file`, for the build named `key` (a line of printable ASCII). */
export function checkedCopyAt(file: string, key: string): CheckedCopy {
  if (!/^[\x21-\x7e]+$/.test(key)) throw new Error('a checked copy needs a key of printable ASCII');
  const head = Buffer.from(`${MAGIC} ${key}\n`, 'latin1');
  return {
    matches(bytes) {
      let copy: Buffer;
      try {
        copy = readFileSync(file);
      } catch {
        return false;
      }
      return (
        copy.length === head.length + bytes.length &&
        copy.subarray(0, head.length).equals(head) &&
        copy.subarray(head.length).equals(bytes)
      );
    },
    record(bytes) {
      // Written whole under a temporary name, then renamed: a reader sees the old copy or the new one.
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(temp, Buffer.concat([head, bytes]), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // Nothing was written where nothing could be.
        }
      }
    },
  };
}
