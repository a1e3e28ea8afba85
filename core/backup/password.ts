/**
 * The backup password, kept in the OS keychain (never in a settings file,
 * never sent to the renderer). It lives under its own service name,
 * `<app service>.backup`, account `backup-password`: the vault treats every
 * item of the app's own service as an account's key, so an extra item there
 * would show up as an orphan secret to "repair".
 */
import { AuthdeskError } from '../../common/errors';
import { BACKUP_PASSWORD_MIN } from '../../common/backup';
import type { SecretStore } from '../vault/types';

export const BACKUP_PASSWORD_ACCOUNT = 'backup-password';

export function backupKeychainService(appService: string): string {
  return `${appService}.backup`;
}

export interface BackupPassword {
  get(): Promise<string | null>;
  /** Whether one is stored, without reading it (names only: works while the value would need an unlock). */
  isSet(): Promise<boolean>;
  set(password: string): Promise<void>;
  clear(): Promise<void>;
}

export function backupPassword(store: SecretStore): BackupPassword {
  return {
    get: () => store.get(BACKUP_PASSWORD_ACCOUNT),
    isSet: async () => (await store.accounts()).includes(BACKUP_PASSWORD_ACCOUNT),
    set: async (password) => {
      if (password.length < BACKUP_PASSWORD_MIN)
        throw new AuthdeskError('bad-input', `A backup password needs at least ${BACKUP_PASSWORD_MIN} characters.`);
      // The keychain holds single lines only (SecretStore refuses others, which would say "keychain").
      if (/[\r\n]/.test(password))
        throw new AuthdeskError('bad-input', 'A backup password cannot contain a line break.');
      await store.set(BACKUP_PASSWORD_ACCOUNT, password);
    },
    clear: async () => void (await store.delete(BACKUP_PASSWORD_ACCOUNT)),
  };
}
