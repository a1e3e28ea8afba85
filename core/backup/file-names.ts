/**
 * The names of automatic backups: `authdesk-backup-YYYYMMDD-HHMMSS.json`
 * (UTC, so names sort by time across daylight-saving changes; `-2`, `-3`, ...
 * when two land in one second). `.json` like the CLI's own exports
 * (`authdesk export --format encrypted --out backup.json`): the file is JSON,
 * and the import dialog offers .json files. Rotation deletes ONLY names that
 * match this pattern exactly: whatever else is in the folder is never touched.
 */
const PATTERN = /^authdesk-backup-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.json$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The name for a backup made at `ms`; `n` > 1 for the n-th file of the same second. */
export function backupFileName(ms: number, n = 1): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `authdesk-backup-${date}-${time}${n > 1 ? `-${n}` : ''}.json`;
}

/** A sort key for one of our names (newest sorts last), or null for any other name. */
export function backupSortKey(name: string): string | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  return `${m[1]}${m[2]}${pad(Number(m[3] ?? 1), 3)}`;
}

export function isAutomaticBackupName(name: string): boolean {
  return backupSortKey(name) !== null;
}

/**
 * A temp file core/atomic-file.ts left behind for one of our names when the
 * writer was killed mid-write (`<name>.tmp-<pid>-<8 hex>`): also ours to delete.
 */
const LEFTOVER = /^(authdesk-backup-\d{8}-\d{6}(?:-\d{1,3})?\.json)\.tmp-(\d+)-[0-9a-f]{8}$/;

/** The pid that wrote a leftover temp file of ours, or null for any other name. */
export function leftoverWriterPid(name: string): number | null {
  const m = LEFTOVER.exec(name);
  return m ? Number(m[2]) : null;
}
