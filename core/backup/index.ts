/** Automatic local backups (issue 10): the public surface of core/backup. */
export {
  createAutoBackup,
  BACKUP_DEBOUNCE_MS,
  type AutoBackup,
  type AutoBackupOptions,
  type BackupTimers,
} from './auto-backup';
export { backupPassword, backupKeychainService, BACKUP_PASSWORD_ACCOUNT, type BackupPassword } from './password';
export { backupFileName, isAutomaticBackupName } from './file-names';
export { readBackupState, recordBackupSuccess, BACKUP_STATE_FILE } from './backup-state';
export { backupReminder, DAY_MS, REMINDER_AFTER_MS, SNOOZE_MS } from './reminder';
