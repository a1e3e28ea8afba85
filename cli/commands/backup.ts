/** `authdesk backup verify FILE`: opens a backup and compares it with the vault, account by account. */
import { verifyBackup } from '../../core/transfer/index';
import type { Command } from '../command';
import { printJson } from '../format';
import { passwordFileOption, passwordToOpen } from '../password';
import { UsageError } from '../usage-error';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Check that a backup file opens and holds exactly the accounts Authdesk has.',
  usage: 'authdesk backup verify FILE [--password-file P] [--json]',
  details: [
    'Exit 0 when the backup matches; 1 when it cannot be opened or differs (missing, extra, different accounts).',
    'Make a backup with: authdesk export --format encrypted --out FILE',
    '  --password-file P  the password is the first line of P (in a terminal you are asked instead)',
    '  --json             print the comparison as JSON',
  ],
  options: { ...passwordFileOption, json: { type: 'boolean' } },
  positionals: { min: 2, max: 2, names: '"verify" and the backup file' },
  async run({ values, positionals }, ctx) {
    const [action, file] = positionals as [string, string];
    if (action !== 'verify') throw new UsageError(`unknown backup action "${action}" (known: verify)`, 'backup');
    const password = await passwordToOpen(values, ctx, 'backup', file);
    const report = await verifyBackup(file, password, await ctx.vault());
    if (values.json) printJson(ctx.io.out, report);
    else {
      ctx.io.out(`${report.formatName}: ${report.inBackup} accounts in ${file}, ${report.inVault} in Authdesk`);
      for (const label of report.missing) ctx.io.out(`  missing from the backup: ${label}`);
      for (const label of report.extra) ctx.io.out(`  only in the backup: ${label}`);
      for (const line of report.different) ctx.io.out(`  different: ${line}`);
      ctx.io.out(
        report.ok ? 'The backup matches: every account is in it, unchanged.' : 'The backup does NOT match Authdesk.',
      );
    }
    return report.ok ? 0 : 1;
  },
};
