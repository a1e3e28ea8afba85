/** `authdesk edit <id|query> [--algorithm A] [--digits N] [--period S]`: fixes an account's code parameters. */
import { AuthdeskError } from '../../common/errors';
import type { Algorithm } from '../../common/otp/types';
import type { Command } from '../command';
import { accountLabel, describeParams, printJson } from '../format';
import { selectOne } from '../select';
import { UsageError } from '../usage-error';

const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'];

export const editCommand: Command = {
  name: 'edit',
  summary: "Change an account's algorithm, digits or period (and, like rename, its name or issuer).",
  usage:
    'authdesk edit <id|query> [--algorithm SHA1|SHA256|SHA512] [--digits N] [--period SECONDS] [--name NAME] [--issuer ISSUER] [--json]',
  details: [
    'For a key that was saved with the wrong parameters: the secret stays, the codes change.',
    'The keychain item is rewritten first (it describes the account, so a repair restores it exactly).',
    'The query must match exactly one account; otherwise the candidates are listed.',
  ],
  options: {
    algorithm: { type: 'string' },
    digits: { type: 'string' },
    period: { type: 'string' },
    name: { type: 'string' },
    issuer: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'an account (id or query)' },
  async run({ values, positionals }, ctx) {
    const change = {
      algorithm: algorithmOf(values.algorithm as string | undefined),
      digits: wholeNumber(values.digits as string | undefined, 'digits'),
      period: wholeNumber(values.period as string | undefined, 'period'),
    };
    const labels = values.name !== undefined || values.issuer !== undefined;
    const params = Object.values(change).some((v) => v !== undefined);
    if (!labels && !params)
      throw new UsageError('edit needs at least one of --algorithm, --digits, --period, --name, --issuer', 'edit');
    const vault = await ctx.vault();
    const account = selectOne(await vault.list(), positionals[0]!);
    let edited = params ? await vault.updateParams(account.id, change) : account;
    if (labels) {
      edited = await vault.rename(
        account.id,
        values.issuer === undefined ? account.issuer : (values.issuer as string),
        values.name === undefined ? account.name : (values.name as string),
      );
    }
    if (values.json) printJson(ctx.io.out, edited);
    else ctx.io.out(`Changed ${accountLabel(account)}: now ${accountLabel(edited)}  ${describeParams(edited)}`);
  },
};

function algorithmOf(raw: string | undefined): Algorithm | undefined {
  if (raw === undefined) return undefined;
  const upper = raw.toUpperCase().replace('-', '');
  if (!ALGORITHMS.includes(upper))
    throw new AuthdeskError('bad-algorithm', 'Only the hash algorithms SHA1, SHA256 and SHA512 are supported.');
  return upper as Algorithm;
}

function wholeNumber(raw: string | undefined, what: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw))
    throw new AuthdeskError('bad-input', `--${what} needs a whole number (got '${raw.slice(0, 12)}').`);
  return Number(raw);
}
