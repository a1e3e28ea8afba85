/**
 * transfer.export*, transfer.qrHidden and transfer.verify*: the app's
 * "Export & back up" page. Main reads the vault, asks the shell for a save
 * or open dialog (services.exportShell) and writes the file itself, new and
 * 0600. Nothing that goes back holds a secret, except the QR codes' PNG
 * images, which are pictures of secrets by design: showing them to a phone's
 * camera is the hand-off. The window is content-protected while they are up.
 * Passwords are used for one encryption or one check and never kept.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AuthdeskError } from '../../common/errors';
import type { AccountDraft } from '../../common/otp/types';
import type { ExportFileFormat, ExportWritten } from '../../common/transfer-export';
import type { SettingsStore } from '../../core/settings';
import { assertPolicyAllows } from '../../core/policy-rules';
import { exportAegisEncrypted } from '../../core/transfer/aegis';
import { exportAuthdeskBackup } from '../../core/transfer/authdesk-backup';
import { exportMigration, exportOtpauthList } from '../../core/transfer/export';
import { migrationQrPng } from '../../core/transfer/migration-qr';
import { formatOtpauthUri } from '../../core/otp/uri-format';
import { recoverySheetHtml } from '../../core/transfer/recovery-sheet';
import { verifyBackup } from '../../core/transfer/verify';
import { writeNewFile } from '../../core/transfer/write-new';
import { accountLabel } from '../../core/vault/labels';
import type { Vault } from '../../core/vault/types';
import type { ExportShell, SaveRequest } from './export-shell';
import type { Handlers, Services } from './types';

type ExportChannel =
  | 'transfer.exportFile'
  | 'transfer.exportQrCodes'
  | 'transfer.accountQr'
  | 'transfer.qrHidden'
  | 'transfer.exportSheet'
  | 'transfer.verifyChoose'
  | 'transfer.verifyBackup';

/** How many chosen backups main remembers (a person verifies one at a time; old tokens just expire). */
const HELD_BACKUPS = 4;

const FILES: Record<ExportFileFormat | 'sheet', (date: string) => SaveRequest> = {
  encrypted: (date) => ({ kind: 'encrypted', defaultName: `authdesk-backup-${date}.json`, extensions: ['json'] }),
  aegis: (date) => ({ kind: 'aegis', defaultName: `aegis-export-${date}.json`, extensions: ['json'] }),
  otpauth: () => ({ kind: 'otpauth', defaultName: 'authdesk-otpauth-links.txt', extensions: ['txt'] }),
  sheet: (date) => ({ kind: 'sheet', defaultName: `authdesk-recovery-sheet-${date}.html`, extensions: ['html'] }),
};

export function exportHandlers({
  vault,
  settings,
  clock,
  exportShell,
  backup,
}: Services): Pick<Handlers, ExportChannel> {
  const backups = new Map<string, string>();
  const today = () => new Date(clock.now()).toISOString().slice(0, 10);

  return {
    'transfer.exportFile': async ({ format, password }) => {
      const shell = needShell(exportShell);
      if (format === 'otpauth') await refusePlainText(settings);
      else if (!password)
        throw new AuthdeskError('bad-input', 'An encrypted export needs a password of at least 8 characters.');
      const accounts = await accountsToExport(vault);
      const file = await shell.chooseSaveFile(FILES[format](today()));
      if (file === null) return { status: 'cancelled' };
      const content =
        format === 'encrypted'
          ? await exportAuthdeskBackup(accounts, password!)
          : format === 'aegis'
            ? await exportAegisEncrypted(accounts, password!)
            : exportOtpauthList(accounts);
      const result = await written(file, content, accounts.length);
      // An encrypted export is a backup the person keeps: the "no backup for N days" reminder starts again.
      if (format !== 'otpauth') await backup?.recordManualBackup();
      return result;
    },
    'transfer.exportQrCodes': async () => {
      const shell = needShell(exportShell);
      await refusePlainText(settings);
      const accounts = await accountsToExport(vault);
      const { uris, left } = exportMigration(accounts);
      const images = await Promise.all(
        uris.map(async (uri) => `data:image/png;base64,${(await migrationQrPng(uri)).toString('base64')}`),
      );
      await shell.protectWindow(true);
      return { images, count: accounts.length - left.length, leftOut: left.map(accountLabel) };
    },
    'transfer.accountQr': async ({ id }) => {
      const shell = needShell(exportShell);
      await refusePlainText(settings);
      const [account] = await vault.exportDrafts([id]);
      if (!account) throw new AuthdeskError('not-found', 'This account no longer exists.');
      const { id: _id, ...draft } = account;
      const png = await accountQrPng(formatOtpauthUri(draft as AccountDraft));
      await shell.protectWindow(true);
      return { image: `data:image/png;base64,${png.toString('base64')}`, label: accountLabel(account) };
    },
    'transfer.qrHidden': async () => needShell(exportShell).protectWindow(false),
    'transfer.exportSheet': async ({ language }) => {
      const shell = needShell(exportShell);
      await refusePlainText(settings);
      const accounts = await accountsToExport(vault);
      const file = await shell.chooseSaveFile(FILES.sheet(today()));
      if (file === null) return { status: 'cancelled' };
      return written(file, await recoverySheetHtml(accounts, language, new Date(clock.now())), accounts.length);
    },
    'transfer.verifyChoose': async () => {
      const file = await needShell(exportShell).chooseBackupFile();
      if (file === null) return { status: 'cancelled' };
      const token = randomBytes(18).toString('base64url');
      backups.set(token, file);
      while (backups.size > HELD_BACKUPS) backups.delete(backups.keys().next().value!);
      return { status: 'chosen', token, fileName: path.basename(file) };
    },
    'transfer.verifyBackup': async ({ token, password }) => {
      const file = backups.get(token);
      if (!file) throw new AuthdeskError('bad-input', 'Choose the backup file again.');
      const report = await verifyBackup(file, password ?? '', vault);
      const unchanged = report.inVault - report.missing.length - report.changes.length;
      return { ...report, fileName: path.basename(file), matching: unchanged };
    },
  };
}

/** The same rendering as the transfer codes (error correction M, 6 px modules): it scans from a screen. */
const accountQrPng = migrationQrPng;

function needShell(shell: ExportShell | undefined): ExportShell {
  if (!shell) throw new AuthdeskError('unsupported', 'Exporting is not available here.');
  return shell;
}

/** otpauth links, transfer QR codes and the recovery sheet carry secrets in the clear: a policy may forbid them. */
async function refusePlainText(settings: SettingsStore): Promise<void> {
  const { policy } = await settings.get();
  if (policy.forbidPlainTextExport)
    assertPolicyAllows(
      { file: policy.file ?? '', found: true, policy: { forbidPlainTextExport: true }, problems: [] },
      'plain-text-export',
    );
}

async function accountsToExport(vault: Vault): Promise<AccountDraft[]> {
  const accounts = await vault.exportDrafts();
  if (!accounts.length) throw new AuthdeskError('nothing-to-export', 'There are no accounts to export.');
  // Without the vault's ids: an export holds what another app needs, nothing of ours.
  return accounts.map(({ id: _id, ...draft }) => draft as AccountDraft);
}

async function written(file: string, content: string, count: number): Promise<ExportWritten> {
  await writeNewFile(file, content);
  return { status: 'written', file, count };
}
