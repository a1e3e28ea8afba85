/**
 * Exports of the vault's accounts: Authdesk's encrypted backup, an encrypted
 * Aegis vault (to move to Aegis on Android), Google Authenticator transfer
 * links (and their QR codes, see migration-qr.ts), and a plain otpauth list.
 * Every format has an importer here that reads it back entry by entry.
 */
import { AuthdeskError } from '../../common/errors';
import { formatOtpauthUri } from '../otp/uri-format';
import type { AccountDraft } from '../../common/otp/types';
import { accountLabel } from '../vault/labels';
import { exportAegisEncrypted } from './aegis';
import { exportAuthdeskBackup, type BackupOptions } from './authdesk-backup';
import { encodeMigrationUris, fitsMigration } from './migration';

export type ExportFormat = 'encrypted' | 'aegis' | 'otpauth' | 'migration';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['encrypted', 'aegis', 'otpauth', 'migration'];

export { exportAuthdeskBackup, exportAegisEncrypted };

/** One key link per line. The file holds every secret in clear text: callers warn the user. */
export function exportOtpauthList(accounts: AccountDraft[]): string {
  return accounts.map((a) => `${formatOtpauthUri(a)}\n`).join('');
}

export interface MigrationExport {
  uris: string[];
  /** Accounts Google Authenticator cannot hold (Steam, 5/7/10 digits, periods other than 30 s), left out. */
  left: AccountDraft[];
}

export function exportMigration(accounts: AccountDraft[], batchId?: number): MigrationExport {
  const fit = accounts.filter(fitsMigration);
  const left = accounts.filter((a) => !fitsMigration(a));
  if (!fit.length)
    throw new AuthdeskError(
      'unsupported',
      `None of these accounts fits Google Authenticator's transfer format (6 or 8 digits, 30 s, not Steam): ${left.map(accountLabel).join(', ')}.`,
    );
  return { uris: encodeMigrationUris(fit, batchId), left };
}

export type { BackupOptions };
