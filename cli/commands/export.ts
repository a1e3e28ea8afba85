/**
 * `authdesk export`: every account, with its secret, into a file: Authdesk's
 * encrypted backup, an encrypted Aegis vault, a plain otpauth list, or QR
 * images of Google Authenticator transfer codes. Files are created new
 * (never overwritten) and readable by the owner only.
 */
import { assertPolicyAllows } from '../../core/policy-rules';
import { writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { AuthdeskError } from '../../common/errors';
import {
  exportAegisEncrypted,
  exportAuthdeskBackup,
  exportMigration,
  exportOtpauthList,
  migrationQrPng,
} from '../../core/transfer/index';
import type { Command } from '../command';
import { accountLabel } from '../format';
import { newPassword, passwordFileOption } from '../password';
import { UsageError } from '../usage-error';

const FORMATS = ['encrypted', 'aegis', 'otpauth', 'migration-qr'] as const;
type CliExportFormat = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export every account: encrypted backup, Aegis vault, otpauth list or transfer QR codes.',
  usage: `authdesk export --format ${FORMATS.join('|')} --out PATH [--password-file P]`,
  details: [
    '  encrypted     Authdesk backup (scrypt + AES-256-GCM, docs/backup-format.md); restore with authdesk import',
    '  aegis         encrypted Aegis vault, to import in Aegis on Android',
    '  otpauth       one otpauth:// link per line, NOT encrypted (a warning is printed)',
    '  migration-qr  Google Authenticator transfer QR codes (≤ 10 accounts each) as PNG files:',
    '                PATH-1.png, PATH-2.png, ... or, when PATH is a folder, PATH/authdesk-transfer-1.png, ...',
    '  --password-file P  the password is the first line of P (in a terminal you are asked twice instead)',
    'PATH must not exist yet: Authdesk never overwrites a file. Files are readable by you only.',
  ],
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, ...passwordFileOption },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, ctx) {
    const format = values.format as string | undefined;
    const out = values.out as string | undefined;
    if (!format || !(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`export needs --format ${FORMATS.join('|')}`, 'export');
    if (!out) throw new UsageError('export needs --out PATH', 'export');
    // Ask for the password before touching the keychain, so a usage error costs nothing.
    // otpauth links and transfer QR codes carry the secrets in the clear: an admin policy may forbid them.
    if (format === 'otpauth' || format === 'migration-qr') assertPolicyAllows(await ctx.policy(), 'plain-text-export');
    const password = format === 'encrypted' || format === 'aegis' ? await newPassword(values, ctx, 'export') : null;
    const accounts = await (await ctx.vault()).exportDrafts();
    if (!accounts.length) throw new AuthdeskError('not-found', 'There are no accounts to export.');
    const n = `${accounts.length} account${accounts.length === 1 ? '' : 's'}`;
    switch (format as CliExportFormat) {
      case 'encrypted':
        await writeNew(out, await exportAuthdeskBackup(accounts, password!));
        await countAsBackup(ctx);
        ctx.io.out(`Exported ${n} to ${out} (Authdesk encrypted backup). Check it with: authdesk backup verify ${out}`);
        return 0;
      case 'aegis':
        await writeNew(out, await exportAegisEncrypted(accounts, password!));
        await countAsBackup(ctx);
        ctx.io.out(`Exported ${n} to ${out} (encrypted Aegis vault).`);
        return 0;
      case 'otpauth':
        await writeNew(out, exportOtpauthList(accounts));
        ctx.io.err(
          `authdesk: warning: ${out} holds every secret in plain text. Anyone who reads it can make your codes: import it, then delete it.`,
        );
        ctx.io.out(`Exported ${n} to ${out} (otpauth links, not encrypted).`);
        return 0;
      case 'migration-qr': {
        const { uris, left } = exportMigration(accounts);
        const files = qrFileNames(out, uris.length);
        for (const [i, uri] of uris.entries()) await writeNew(files[i]!, await migrationQrPng(uri));
        ctx.io.err('authdesk: warning: these QR codes hold your secrets: scan them, then delete the files.');
        for (const a of left)
          ctx.io.err(
            `authdesk: left out ${accountLabel(a)}: Google Authenticator cannot hold it (${a.type}, ${a.digits} digits).`,
          );
        ctx.io.out(
          `Exported ${uris.length === 1 ? 'one QR code' : `${uris.length} QR codes`} (${accounts.length - left.length} accounts):`,
        );
        for (const f of files) ctx.io.out(`  ${f}`);
        return 0;
      }
    }
  },
};

/** PATH-1.png.. next to PATH (a trailing .png is dropped first), or numbered files inside PATH when it is a folder. */
export function qrFileNames(out: string, count: number): string[] {
  let isDir = false;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    isDir = false;
  }
  const base = isDir ? path.join(out, 'authdesk-transfer') : out.replace(/\.png$/i, '');
  return Array.from({ length: count }, (_, i) => `${base}-${i + 1}.png`);
}

/**
 * An encrypted export of every account is a backup: the app's "No backup for
 * N days" reminder counts from it (backup-state.json). Loaded only here, so
 * other commands do not pay for it; a failure to note it never fails the export.
 */
async function countAsBackup(ctx: Parameters<Command['run']>[1]): Promise<void> {
  try {
    const [{ recordBackupSuccess }, { dataDir }] = await Promise.all([
      import('../../core/backup/backup-state'),
      import('../../core/paths'),
    ]);
    await recordBackupSuccess(dataDir(ctx.io.env), Date.now());
  } catch {
    // The export itself is written; only the reminder may come once too often.
  }
}

async function writeNew(file: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(file, content, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new AuthdeskError(
        'bad-input',
        `${file} already exists: Authdesk never overwrites a file. Choose another --out.`,
      );
    if (code === 'ENOENT') throw new AuthdeskError('bad-input', `The folder of ${file} does not exist.`);
    throw new AuthdeskError('bad-input', `${file} cannot be written.`, { cause: err });
  }
}
