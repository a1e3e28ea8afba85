/** `authdesk code [QUERY]`: the current codes; for HOTP accounts the next code (the counter advances, saved first). */
import { accountLabel } from '../../core/vault/labels';
import { AuthdeskError } from '../../common/errors';
import type { AccountMeta } from '../../common/otp/types';
import type { CodeResult } from '../../common/otp/types';
import type { Command } from '../command';
import { parseAtTime } from '../at-time';
import { codeLine, printJson } from '../format';
import { matchAccounts } from '../select';

export const codeCommand: Command = {
  name: 'code',
  summary: 'Show the codes of all accounts, or of those matching QUERY.',
  usage: 'authdesk code [QUERY] [--json] [--at TIME]',
  details: [
    'QUERY is part of an issuer or account name (case and accents ignored), or an id.',
    'For a counter-based (HOTP) account this shows the next code and advances its counter.',
    '  --at TIME  codes at another time: unix seconds or an ISO time like 2009-11-10T23:00:00Z',
    '  --json     print an array of {id, issuer, name, type, code, validFrom, validUntil[, error]} (times in ms)',
  ],
  options: { json: { type: 'boolean' }, at: { type: 'string' } },
  positionals: { min: 0, max: 1, names: '' },
  async run({ values, positionals }, ctx) {
    const at = values.at === undefined ? ctx.clock.now() : parseAtTime(values.at as string);
    const vault = await ctx.vault();
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
    const rows: { account: AccountMeta; code: CodeResult }[] = [];
    for (const account of chosen) {
      const code = account.type === 'hotp' ? await vault.nextHotp(account.id) : timed.get(account.id);
      if (code) rows.push({ account, code });
    }
    const unusable = chosen.length - rows.length;
    const unreadable = rows.filter((r) => r.code.error);

    if (values.json) {
      printJson(
        ctx.io.out,
        rows.map(({ account: a, code: c }) => ({
          id: a.id,
          issuer: a.issuer,
          name: a.name,
          type: a.type,
          code: c.error ? null : c.code,
          validFrom: c.validFrom,
          validUntil: c.validUntil,
          ...(c.error ? { error: c.error } : {}),
        })),
      );
    } else if (!all.length) {
      ctx.io.out('No accounts yet. Add one with: authdesk add "otpauth://..."');
    } else {
      for (const { account: a, code: c } of rows) {
        if (c.error) {
          ctx.io.out(`${accountLabel(a)}  (no code: its keychain value cannot be read)`);
          continue;
        }
        ctx.io.out(codeLine(a, c, at));
      }
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
