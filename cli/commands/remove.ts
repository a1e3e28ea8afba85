/** `authdesk remove <id|query>`: moves an account (secret included) to the trash for 30 days, after asking. */
import { AuthdeskError } from '../../common/errors';
import type { Command } from '../command';
import { accountLabel } from '../format';
import { selectOne } from '../select';
import { UsageError } from '../usage-error';

export const removeCommand: Command = {
  name: 'remove',
  summary: 'Remove an account (kept in the trash for 30 days: authdesk doctor --trash).',
  usage: 'authdesk remove <id|query> [--yes]',
  details: [
    'Asks for confirmation in a terminal. Without a terminal (scripts), --yes is required.',
    'The account and its secret stay in the trash for 30 days: `authdesk doctor --undelete ID` brings it back.',
    '  --yes  remove without asking',
  ],
  options: { yes: { type: 'boolean', short: 'y' } },
  positionals: { min: 1, max: 1, names: 'an account (id or query)' },
  async run({ values, positionals }, ctx) {
    // Decided before touching the vault: a script that forgot --yes must not half-run.
    if (!values.yes && !ctx.io.interactive)
      throw new UsageError('remove asks for confirmation: pass --yes when not running in a terminal', 'remove');
    const vault = await ctx.vault();
    const account = selectOne(await vault.list(), positionals[0]!);
    if (!values.yes) {
      const answer = await ctx.io.ask(`Remove ${accountLabel(account)}? (kept in the trash for 30 days) [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) throw new AuthdeskError('bad-input', 'Nothing was removed.');
    }
    await vault.remove(account.id);
    ctx.io.out(`Removed ${accountLabel(account)} (undo within 30 days: authdesk doctor --undelete ${account.id})`);
  },
};
