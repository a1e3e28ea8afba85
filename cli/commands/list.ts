/** `authdesk list`: the accounts, never their secrets. */
import type { Command } from '../command';
import { accountLabel, describeParams, printJson } from '../format';

export const listCommand: Command = {
  name: 'list',
  summary: 'List your accounts (never their secrets).',
  usage: 'authdesk list [--json]',
  details: ['  --json  print an array of {id, issuer, name, type, algorithm, digits, period | counter, createdAt}'],
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, ctx) {
    const accounts = await (await ctx.vault()).list();
    if (values.json) return printJson(ctx.io.out, accounts);
    if (!accounts.length) return ctx.io.out('No accounts yet. Add one with: authdesk add "otpauth://..."');
    // One write for all lines: a write per line cost 200 accounts ~2 ms of system calls.
    ctx.io.out(accounts.map((a) => `${accountLabel(a)}  ${describeParams(a)}  [${a.id}]`).join('\n'));
  },
};
