/**
 * backup.*: automatic local backups (core/backup). The password only goes
 * in (to the keychain); every answer is the status, which says whether a
 * password is set and never holds it. Choosing a folder or a password starts
 * a first backup after the usual quiet period.
 */
import { AuthdeskError } from '../../common/errors';
import type { HandlerGroup, Services } from './types';

export function backupHandlers({ backup, settings, chooseBackupFolder }: Services): HandlerGroup<'backup'> {
  const service = () => {
    if (!backup) throw new AuthdeskError('unsupported', 'Automatic backups are not available here.');
    return backup;
  };
  /** The policy fixes the backup folder: what that forbids is the user's to change, so both refuse it alike. */
  const refuseIfManaged = async (message: string) => {
    if ((await settings.get()).managed.includes('backupFolder')) throw new AuthdeskError('managed-by-policy', message);
  };
  return {
    'backup.status': async () => service().status(),
    'backup.chooseFolder': async () => {
      const b = service();
      // Checked before the dialog opens: a folder the policy fixes is not offered for change at all.
      await refuseIfManaged("The backup folder is set by your organisation's policy.");
      if (!chooseBackupFolder) throw new AuthdeskError('unsupported', 'No folder dialog is available here.');
      const folder = await chooseBackupFolder();
      if (folder !== null) {
        await settings.set({ backupFolder: folder });
        b.vaultChanged();
      }
      return b.status();
    },
    'backup.setPassword': async ({ password }) => {
      const b = service();
      await b.setPassword(password);
      b.vaultChanged();
      return b.status();
    },
    'backup.runNow': async () => service().runNow(),
    'backup.turnOff': async () => {
      const b = service();
      // A folder the organisation sets means it wants these backups: the user cannot switch them off.
      await refuseIfManaged("Automatic backups are set by your organisation's policy.");
      return b.turnOff();
    },
    'backup.dismissReminder': async () => service().dismissReminder(),
  };
}
