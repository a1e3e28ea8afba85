/**
 * When the "no backup for N days" reminder shows: a pure rule over the
 * injected clock's time. Never backed up counts from when Authdesk first saw
 * accounts (backup-state.json's accountsSince), so the first account added
 * does not bring a nag with it: the reminder comes 30 days later if there is
 * still no backup by then.
 */
import { BACKUP_REMINDER_DAYS, BACKUP_REMINDER_SNOOZE_DAYS, type BackupStatus } from '../../common/backup';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_AFTER_MS = BACKUP_REMINDER_DAYS * DAY_MS;
export const SNOOZE_MS = BACKUP_REMINDER_SNOOZE_DAYS * DAY_MS;

export function backupReminder(input: {
  now: number;
  lastSuccessAt: number | null;
  /** When accounts were first seen without any backup (null: not yet). */
  accountsSince: number | null;
  accounts: number;
  dismissedUntil: number | null;
}): BackupStatus['reminder'] {
  const { now, lastSuccessAt, accountsSince, accounts, dismissedUntil } = input;
  const days = lastSuccessAt === null ? null : Math.max(0, Math.floor((now - lastSuccessAt) / DAY_MS));
  // Nothing to lose without accounts; a backup 30 days old or older (or none for 30 days) is due, unless dismissed.
  const since = lastSuccessAt ?? accountsSince;
  const stale = since !== null && now - since >= REMINDER_AFTER_MS;
  const snoozed = dismissedUntil !== null && now < dismissedUntil;
  return { due: accounts > 0 && stale && !snoozed, days };
}
