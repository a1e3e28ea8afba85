/**
 * Automatic local backups (issue 10), as the renderer sees them: where they
 * go, whether a password is set (never the password), the last success, the
 * last failure with its error code, and whether the "no backup for N days"
 * reminder is due. Main computes all of it (core/backup/) from the injected
 * clock; the renderer only shows it.
 */
import type { ErrorValue } from './errors';

/** Days without a successful backup (manual export or automatic) before the reminder shows. */
export const BACKUP_REMINDER_DAYS = 30;
/** "Dismiss" hides the reminder for this many days. */
export const BACKUP_REMINDER_SNOOZE_DAYS = 7;
/** Backup passwords: at least this long (also checked in main by the contract). */
export const BACKUP_PASSWORD_MIN = 8;

export interface BackupStatus {
  /** The folder backups go to (settings.backupFolder, or the one the admin policy fixes); null: none chosen. */
  folder: string | null;
  /** Whether a backup password is in the OS keychain. The password itself never leaves main. */
  passwordSet: boolean;
  /** Automatic backups run (a folder and a password are both set). */
  enabled: boolean;
  /** How many automatic backups are kept (settings.backupKeep). */
  keep: number;
  /** Milliseconds since the epoch of the last successful backup, manual or automatic; null: never. */
  lastSuccessAt: number | null;
  /** The file name (no folder) of the last automatic backup. */
  lastFile: string | null;
  /** The last automatic backup failed (nothing else was lost): its code, main's sentence and when. */
  lastError: (ErrorValue & { at: number }) | null;
  /** A backup is waiting for the quiet period after a change, or running. */
  pending: boolean;
  /** The reminder banner: due, and how many whole days since the last backup (null: never backed up). */
  reminder: { due: boolean; days: number | null };
}
