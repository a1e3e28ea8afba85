/** `authdesk rename <id|query> <new name>`: changes what an account is called (the key stays). */
import type { Command } from '../command';
import { accountLabel, printJson } from '../format';
import { selectOne } from '../select';

export const renameCommand: Command = {
  name: 'rename',
  summary: 'Give an account a new name (and, with --issuer, a new issuer).',
  usage: 'authdesk rename <id|query> <new name> [--issuer ISSUER] [--json]',
  details: ['The query must match exactly one account; otherwise the candidates are listed.'],
  options: { issuer: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 2, max: 2, names: 'an account (id or query) and the new name' },
  async run({ values, positionals }, ctx) {
    const vault = await ctx.vault();
    const account = selectOne(await vault.list(), positionals[0]!);
    const issuer = values.issuer === undefined ? account.issuer : (values.issuer as string);
    const renamed = await vault.rename(account.id, issuer, positionals[1]!);
    if (values.json) printJson(ctx.io.out, renamed);
    else ctx.io.out(`Renamed ${accountLabel(account)} to ${accountLabel(renamed)}`);
  },
};
