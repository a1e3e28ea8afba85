/**
 * File-system failures with their real cause instead of "Something went
 * wrong": a full disk, a read-only file system, a folder we may not write.
 * Runtime-neutral (it only reads the `code`/`path` an errno error carries),
 * so `toErrorValue` applies it to anything that escapes, wherever it escapes.
 */
import { AuthdeskError, type ErrorCode } from './errors';

interface ErrnoLike {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
}

const CAUSES: Record<string, { code: ErrorCode; what: (where: string) => string }> = {
  ENOSPC: { code: 'disk-full', what: (w) => `The disk${w} is full (ENOSPC). Free some space and try again.` },
  EDQUOT: { code: 'disk-full', what: (w) => `Your disk quota${w} is used up (EDQUOT). Free some space and try again.` },
  EROFS: {
    code: 'read-only',
    what: (w) => `The file system${w} is read-only (EROFS). Use a writable data folder (AUTHDESK_DATA_DIR).`,
  },
  EACCES: {
    code: 'permission-denied',
    what: (w) => `Authdesk is not allowed to write${w} (EACCES): check the folder's owner and permissions.`,
  },
  EPERM: {
    code: 'permission-denied',
    what: (w) =>
      `The system refused the change${w} (EPERM): the file or folder may be immutable or owned by someone else.`,
  },
};

/** The specific error for an errno failure, or null when it is not one of the causes a person can fix. */
export function fileSystemError(err: unknown, action?: string): AuthdeskError | null {
  const e = err as ErrnoLike | null;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string') return null;
  const cause = CAUSES[e.code];
  if (!cause) return null;
  const file = typeof e.path === 'string' ? e.path : null;
  const where = file ? ` holding ${file}` : '';
  const lead = action ? `Authdesk could not ${action}. ` : '';
  const whereText = cause.code === 'permission-denied' ? (file ? ` to ${file}` : '') : where;
  return new AuthdeskError(cause.code, `${lead}${cause.what(whereText)} The change was not saved.`, { cause: err });
}
