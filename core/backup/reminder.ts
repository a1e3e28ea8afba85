/** When the "no backup for N days" reminder shows: a pure rule over the injected clock's time. */
import { BACKUP_REMINDER_DAYS, BACKUP_REMINDER_SNOOZE_DAYS, type BackupStatus } from '../../common/backup';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_AFTER_MS = BACKUP_REMINDER_DAYS * DAY_MS;
export const SNOOZE_MS = BACKUP_REMINDER_SNOOZE_DAYS * DAY_MS;

export function backupReminder(input: {
  now: number;
  lastSuccessAt: number | null;
  accounts: number;
  dismissedUntil: number | null;
}): BackupStatus['reminder'] {
  const { now, lastSuccessAt, accounts, dismissedUntil } = input;
  const days = lastSuccessAt === null ? null : Math.max(0, Math.floor((now - lastSuccessAt) / DAY_MS));
  // Nothing to lose without accounts; a backup 30 days old or older (or none) is due, unless dismissed for now.
  const stale = lastSuccessAt === null || now - lastSuccessAt >= REMINDER_AFTER_MS;
  const snoozed = dismissedUntil !== null && now < dismissedUntil;
  return { due: accounts > 0 && stale && !snoozed, days };
}
