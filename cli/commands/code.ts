/**
 * `authdesk code [QUERY]`: the current codes. Looking never uses anything
 * up: a counter-based (HOTP) account shows no code here, because each HOTP
 * code may be used once and a listing (or `--at`) must not burn counters.
 * `authdesk code --next ID` is the one explicit way to advance a counter.
 */
import { accountLabel } from '../../core/vault/labels';
import { AuthdeskError } from '../../common/errors';
import type { AccountMeta } from '../../common/otp/types';
import type { CodeResult } from '../../common/otp/types';
import type { Command } from '../command';
import { parseAtTime } from '../at-time';
import { codeLine, printJson } from '../format';
import { matchAccounts, selectOne } from '../select';
import { UsageError } from '../usage-error';

export const codeCommand: Command = {
  name: 'code',
  summary: 'Show the codes of all accounts, or of those matching QUERY.',
  usage: 'authdesk code [QUERY] [--json] [--at TIME]\n       authdesk code --next <id|query> [--json]',
  details: [
    'QUERY is part of an issuer or account name (case and accents ignored), or an id.',
    'Counter-based (HOTP) accounts are listed without a code: showing one would use it up.',
    '  --next ID  advance the counter of one HOTP account (saved first) and print its code',
    '  --at TIME  codes at another time: unix seconds, milliseconds with "ms" (1700000000000ms),',
    '             or an ISO time like 2009-11-10T23:00:00Z',
    '  --json     print an array of {id, issuer, name, type, code, validFrom, validUntil[, error]} (times in ms;',
    '             code, validFrom and validUntil are null for a HOTP account unless --next)',
  ],
  options: { json: { type: 'boolean' }, at: { type: 'string' }, next: { type: 'string' } },
  positionals: { min: 0, max: 1, names: '' },
  async run({ values, positionals }, ctx) {
    const next = values.next as string | undefined;
    if (next !== undefined) {
      if (values.at !== undefined)
        throw new UsageError('--next advances a counter now; it cannot be combined with --at', 'code');
      if (positionals.length) throw new UsageError('give the account to --next, not as a separate QUERY', 'code');
      return showNextHotp(ctx, next, Boolean(values.json));
    }
    const at = values.at === undefined ? ctx.clock.now() : parseAtTime(values.at as string);
    const vault = await ctx.vault({ readsSecrets: true });
    const all = await vault.list();
    const query = positionals[0];
    const chosen = query === undefined ? all : matchAccounts(all, query);
    if (query !== undefined && !chosen.length)
      throw new AuthdeskError('not-found', `No account matches "${query}". See \`authdesk list\`.`);

    const timed = new Map(
      (
        await vault.currentCodes(
          chosen.filter((a) => a.type !== 'hotp').map((a) => a.id),
          at,
        )
      ).map((c) => [c.id, c]),
    );
    const rows: { account: AccountMeta; code: CodeResult | null }[] = [];
    for (const account of chosen) {
      if (account.type === 'hotp') rows.push({ account, code: null });
      else if (timed.has(account.id)) rows.push({ account, code: timed.get(account.id)! });
    }
    const unusable = chosen.length - rows.length;
    const unreadable = rows.filter((r): r is { account: AccountMeta; code: CodeResult } => Boolean(r.code?.error));

    if (values.json) {
      printJson(
        ctx.io.out,
        rows.map(({ account, code }) => jsonRow(account, code)),
      );
    } else if (!all.length) {
      ctx.io.out('No accounts yet. Add one with: authdesk add -');
    } else {
      const lines = rows.map(({ account: a, code: c }) =>
        c === null
          ? `${accountLabel(a)}  (counter-based: authdesk code --next ${a.id})`
          : c.error
            ? `${accountLabel(a)}  (no code: its keychain value cannot be read)`
            : codeLine(a, c, at),
      );
      if (lines.length) ctx.io.out(lines.join('\n')); // one write, not one per account
    }
    if (unreadable.length) {
      // Every other code was printed; the exit status and this line name what failed.
      throw new AuthdeskError(
        'keychain-bad-item',
        unreadable.length === 1
          ? unreadable[0]!.code.error!.message
          : `The keychain values of ${unreadable.map((r) => accountLabel(r.account)).join(', ')} are not keys Authdesk can read: run \`authdesk doctor\`.`,
      );
    }
    if (unusable) {
      throw new AuthdeskError(
        'not-found',
        `${unusable} account${unusable === 1 ? ' has' : 's have'} no secret in the keychain: run \`authdesk doctor\`.`,
      );
    }
  },
};

async function showNextHotp(ctx: Parameters<Command['run']>[1], query: string, json: boolean): Promise<number> {
  const vault = await ctx.vault({ readsSecrets: true });
  const account = selectOne(await vault.list(), query);
  const code = await vault.nextHotp(account.id);
  if (json) printJson(ctx.io.out, [jsonRow(account, code)]);
  else ctx.io.out(codeLine(account, code, ctx.clock.now()));
  return 0;
}

function jsonRow(a: AccountMeta, c: CodeResult | null) {
  return {
    id: a.id,
    issuer: a.issuer,
    name: a.name,
    type: a.type,
    code: c === null || c.error ? null : c.code,
    validFrom: c?.validFrom ?? null,
    validUntil: c?.validUntil ?? null,
    ...(c?.error ? { error: c.error } : {}),
  };
}
